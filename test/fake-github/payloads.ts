/**
 * Event payloads as a runner puts them at GITHUB_EVENT_PATH: real examples from
 * @octokit/webhooks-examples, with the repository, SHAs and numbers rewritten to match the fake's
 * state. `schedule` has no webhook example; it is made by hand in the shape GitHub gives workflows.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;

interface Definition {
  name: string;
  examples: Json[];
}

let cache: Definition[] | undefined;

function example(event: string, pick: (e: Json) => boolean): Json {
  cache ??= require('@octokit/webhooks-examples/api.github.com/index.json') as Definition[];
  const def = cache.find((d) => d.name === event);
  const ex = def?.examples.find(pick);
  if (!ex) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  return structuredClone(ex);
}

/** Rewrites every repository object in a payload to `fullName` (keeps the example's other fields). */
function retarget(repoObj: Json, fullName: string, defaultBranch: string): Json {
  const [owner, name] = fullName.split('/');
  const out: Json = { ...repoObj, name, full_name: fullName, default_branch: defaultBranch, fork: false };
  out.owner = { ...(repoObj.owner as Json), login: owner };
  out.html_url = `https://github.com/${fullName}`;
  out.url = `https://api.github.com/repos/${fullName}`;
  return out;
}

/** Repository the payloads point at. */
export interface PayloadRepo {
  fullName: string;
  defaultBranch: string;
}

/** `pull_request` (action `synchronize`). */
export function pullRequestPayload(
  repo: PayloadRepo,
  pr: {
    number: number;
    headSha: string;
    headRef: string;
    baseRef: string;
    baseSha: string;
    headRepo?: string;
  },
): Json {
  const ev = example('pull_request', (e) => e.action === 'synchronize' || e.action === 'opened');
  ev.action = 'synchronize';
  ev.number = pr.number;
  const p = ev.pull_request as Json;
  p.number = pr.number;
  const baseRepo = retarget((p.base as Json).repo as Json, repo.fullName, repo.defaultBranch);
  const headRepo = retarget((p.head as Json).repo as Json, pr.headRepo ?? repo.fullName, repo.defaultBranch);
  if (pr.headRepo && pr.headRepo !== repo.fullName) headRepo.fork = true;
  p.head = {
    ...(p.head as Json),
    sha: pr.headSha,
    ref: pr.headRef,
    label: `${(pr.headRepo ?? repo.fullName).split('/')[0]}:${pr.headRef}`,
    repo: headRepo,
  };
  p.base = { ...(p.base as Json), sha: pr.baseSha, ref: pr.baseRef, repo: baseRepo };
  ev.repository = retarget(ev.repository as Json, repo.fullName, repo.defaultBranch);
  return ev;
}

/** `push` to a branch or tag. */
export function pushPayload(repo: PayloadRepo, push: { ref: string; after: string; before?: string }): Json {
  const ev = example('push', (e) => e.ref === 'refs/heads/master');
  ev.ref = push.ref;
  ev.after = push.after;
  ev.before = push.before ?? '0'.repeat(40);
  ev.repository = retarget(ev.repository as Json, repo.fullName, repo.defaultBranch);
  if (ev.head_commit) (ev.head_commit as Json).id = push.after;
  return ev;
}

/** `release` (action `published`). */
export function releasePayload(repo: PayloadRepo, rel: { tag: string; prerelease?: boolean }): Json {
  const ev = example('release', (e) => e.action === 'published');
  const r = ev.release as Json;
  r.tag_name = rel.tag;
  r.name = rel.tag;
  r.prerelease = rel.prerelease ?? false;
  r.draft = false;
  ev.repository = retarget(ev.repository as Json, repo.fullName, repo.defaultBranch);
  return ev;
}

/** `workflow_run` (action `completed`) for a triggering run. */
export function workflowRunPayload(
  repo: PayloadRepo,
  run: {
    id: number;
    headSha: string;
    headBranch: string;
    event: string;
    conclusion: string;
    headRepo?: string;
    pullRequests?: { number: number; headSha: string; headRef: string; baseRef: string }[];
  },
): Json {
  const ev = example('workflow_run', (e) => e.action === 'completed');
  const w = ev.workflow_run as Json;
  Object.assign(w, {
    id: run.id,
    head_sha: run.headSha,
    head_branch: run.headBranch,
    event: run.event,
    conclusion: run.conclusion,
    status: 'completed',
    pull_requests: (run.pullRequests ?? []).map((p) => ({
      number: p.number,
      url: `https://api.github.com/repos/${repo.fullName}/pulls/${p.number}`,
      id: p.number * 1000,
      head: {
        ref: p.headRef,
        sha: p.headSha,
        repo: {
          id: 1,
          url: `https://api.github.com/repos/${repo.fullName}`,
          name: repo.fullName.split('/')[1],
        },
      },
      base: {
        ref: p.baseRef,
        sha: '0'.repeat(40),
        repo: {
          id: 1,
          url: `https://api.github.com/repos/${repo.fullName}`,
          name: repo.fullName.split('/')[1],
        },
      },
    })),
  });
  w.repository = retarget(w.repository as Json, repo.fullName, repo.defaultBranch);
  w.head_repository = retarget(w.head_repository as Json, run.headRepo ?? repo.fullName, repo.defaultBranch);
  ev.repository = retarget(ev.repository as Json, repo.fullName, repo.defaultBranch);
  return ev;
}

/**
 * `schedule`: no webhook is sent for it; the runner's event file holds only the cron expression and the
 * workflow file (hence no repository object — evalgate must not depend on one).
 */
export function schedulePayload(cron = '0 3 * * *', workflow = '.github/workflows/nightly.yml'): Json {
  return { schedule: cron, workflow };
}
