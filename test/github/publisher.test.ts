import { describe, expect, test } from 'vitest';
import {
  annotationsFor,
  commentMarker,
  fitText,
  GitHubPublisher,
  MAX_CHECK_CHARS,
  MAX_COMMENT_CHARS,
  type PublishRequest,
} from '../../src/github/publisher.js';
import type { CommentMode } from '../../src/policy.js';
import type { Comparison, Report, Verdict } from '../../src/types.js';
import { FORK_PERMISSIONS } from '../fake-github/index.js';
import { clientFor, useFakeGitHub, warnings } from './helpers.js';

const { fake, out } = useFakeGitHub();
const PR = 12;

function comparison(metric: string, status: Comparison['status'], slice?: Comparison['slice']): Comparison {
  return {
    metric,
    ...(slice ? { slice } : {}),
    direction: 'higher',
    baseline: 0.9,
    current: status === 'regressed' ? 0.8 : 0.9,
    delta: status === 'regressed' ? -0.1 : 0,
    delta_pct: status === 'regressed' ? -11.1 : 0,
    status,
    gated: true,
    severity: 'fail',
    reason: status === 'regressed' ? 'worse by 0.1 > max_regression 0, p=0.001' : 'no change',
  };
}

function report(
  verdict: Verdict,
  comparisons: Comparison[] = [comparison('accuracy', verdict === 'fail' ? 'regressed' : 'unchanged')],
): Report {
  return {
    schema: 'evalgate/report',
    version: 1,
    verdict,
    gate_id: 'evalgate-results',
    task: 'binary',
    baseline: { source: 'artifact', run_id: 1, reason: 'merge-base abc1234, run #1' },
    current: { n: 100 },
    comparisons,
    regressions: comparisons.filter((c) => c.status === 'regressed').length,
    warnings: 0,
    settings: { significance: 0.05, correction: 'holm' },
    notes: [],
  };
}

function request(
  r: Report,
  text = `report: ${r.verdict}`,
  extra: Partial<PublishRequest> = {},
): PublishRequest {
  return {
    report: r,
    render: (max) => fitText(text, max),
    headSha: fake.commits.size ? [...fake.commits.keys()][0] : 'a'.repeat(40),
    prNumber: PR,
    conclusion: r.verdict === 'fail' ? 'failure' : 'success',
    ...extra,
  };
}

async function publisher(
  opts: { comment?: CommentMode; checkName?: string; gateId?: string; token?: string } = {},
) {
  return new GitHubPublisher({
    client: await clientFor(fake, opts.token),
    owner: fake.owner,
    repo: fake.repo,
    gateId: opts.gateId ?? 'evalgate-results',
    comment: opts.comment ?? 'always',
    checkName: opts.checkName ?? '',
  });
}

function setup() {
  const head = fake.commitOn('feature');
  fake.addPull({ number: PR, headSha: head, headRef: 'feature' });
  return head;
}

describe('sticky comment', () => {
  test('posts once with the marker, then updates the same comment in place', async () => {
    setup();
    const p = await publisher();
    const first = await p.publish(request(report('fail')));
    expect(first.comment.action).toBe('created');
    const comments = fake.commentsOn(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toBe(`${commentMarker('evalgate-results')}\nreport: fail`);
    expect(first.comment.url).toBe(`https://github.com/acme/model/pull/${PR}#issuecomment-${comments[0].id}`);

    const second = await p.publish(request(report('pass')));
    expect(second.comment).toMatchObject({ action: 'updated', url: first.comment.url });
    expect(fake.commentsOn(PR)).toHaveLength(1);
    expect(fake.commentsOn(PR)[0].body).toContain('report: pass');
  });

  test('finds its comment on a later page of a long discussion', async () => {
    setup();
    for (let i = 0; i < 130; i++) fake.addComment(PR, `chatter ${i}`);
    const mine = fake.addComment(PR, `${commentMarker('evalgate-results')}\nold report`, fake.botLogin);
    for (let i = 0; i < 90; i++) fake.addComment(PR, `more chatter ${i}`);
    const res = await (await publisher()).publish(request(report('pass')));
    expect(res.comment.action).toBe('updated');
    expect(fake.calls('issues/create-comment')).toHaveLength(0);
    expect(fake.calls('issues/update-comment')[0].path).toContain(`/comments/${mine.id}`);
    expect(fake.calls('issues/list-comments').length).toBe(3);
  });

  test('a race that left two comments keeps the oldest and deletes the other', async () => {
    setup();
    const marker = commentMarker('evalgate-results');
    const oldest = fake.addComment(PR, `${marker}\nfirst`, fake.botLogin);
    fake.addComment(PR, 'a human in between');
    const dupe = fake.addComment(PR, `${marker}\nsecond`, fake.botLogin);
    const res = await (await publisher()).publish(request(report('pass')));
    expect(res.comment).toMatchObject({ action: 'updated', deleted: 1 });
    const left = fake.commentsOn(PR);
    expect(left.map((c) => c.id)).toEqual([oldest.id, dupe.id - 1]);
    expect(left[0].body).toBe(`${marker}\nreport: pass`);
  });

  test('two runs racing (both list before either posts) end with one comment: the oldest, with a report', async () => {
    setup();
    const marker = commentMarker('evalgate-results');
    // A barrier after each run's first listing: both see "no comment yet", as in a real race.
    let arrived = 0;
    let release!: () => void;
    const bothListed = new Promise<void>((r) => (release = r));
    const racer = async () => {
      const p = await publisher();
      const client = (p as unknown as { o: { client: Awaited<ReturnType<typeof clientFor>> } }).o.client;
      let first = true;
      client.hook.after('request', async (_res, options) => {
        if (first && options.method === 'GET' && String(options.url).includes('/comments')) {
          first = false;
          if (++arrived === 2) release();
          await bothListed;
        }
      });
      return p;
    };
    const [a, b] = await Promise.all([racer(), racer()]);
    const [ra, rb] = await Promise.all([
      a.publish(request(report('fail'), 'report A')),
      b.publish(request(report('pass'), 'report B')),
    ]);
    expect(fake.calls('issues/create-comment')).toHaveLength(2);
    const left = fake.commentsOn(PR);
    expect(left).toHaveLength(1);
    expect([ra.comment.action, rb.comment.action].sort()).toEqual(['created', 'updated']);
    // The newer run's post was deleted and its report written into the oldest comment.
    expect(left[0].body).toBe(`${marker}\n${ra.comment.action === 'updated' ? 'report A' : 'report B'}`);
    expect(ra.comment.url).toBe(rb.comment.url);
  });

  test('other gates, and comments quoting the marker, are left alone', async () => {
    setup();
    const other = fake.addComment(PR, `${commentMarker('nightly-gate')}\nother gate`, fake.botLogin);
    const quote = fake.addComment(PR, `> ${commentMarker('evalgate-results')}\n> quoted`);
    await (await publisher()).publish(request(report('pass')));
    const bodies = fake.commentsOn(PR).map((c) => c.body);
    expect(bodies).toHaveLength(3);
    expect(fake.comments.find((c) => c.id === other.id)?.body).toContain('other gate');
    expect(fake.comments.find((c) => c.id === quote.id)?.body).toContain('quoted');
  });

  test("someone else's comment carrying the marker is neither updated nor deleted; the bot's is updated", async () => {
    setup();
    const marker = commentMarker('evalgate-results');
    // Older than the bot's comment: a marker match alone would keep it and delete the bot's.
    const forged = fake.addComment(PR, `${marker}\n✅ **Pass** (trust me)`, 'mallory');
    const mine = fake.addComment(PR, `${marker}\nold report`, fake.botLogin);
    const res = await (await publisher()).publish(request(report('fail')));
    expect(res.comment).toMatchObject({ action: 'updated', deleted: 0 });
    expect(fake.calls('issues/delete-comment')).toHaveLength(0);
    expect(fake.calls('issues/update-comment').map((c) => c.path)).toEqual([
      `/repos/acme/model/issues/comments/${mine.id}`,
    ]);
    expect(fake.comments.find((c) => c.id === forged.id)?.body).toBe(`${marker}\n✅ **Pass** (trust me)`);
    expect(fake.comments.find((c) => c.id === mine.id)?.body).toBe(`${marker}\nreport: fail`);
    // GITHUB_TOKEN cannot read GET /user (403): tolerated, the identity stays github-actions[bot].
    expect(fake.calls('users/get-authenticated').map((c) => c.status)).toEqual([403]);
  });

  test("only someone else's marker comment: a new comment is posted, theirs is left alone", async () => {
    setup();
    const forged = fake.addComment(PR, `${commentMarker('evalgate-results')}\nforged`, 'mallory');
    const res = await (await publisher()).publish(request(report('pass')));
    expect(res.comment.action).toBe('created');
    expect(fake.commentsOn(PR).map((c) => [c.id, c.login])).toEqual([
      [forged.id, 'mallory'],
      [forged.id + 1, fake.botLogin],
    ]);
    expect(fake.comments[0].body).toContain('forged');
  });

  test('a personal access token: its own comments are the sticky ones (GET /user)', async () => {
    setup();
    const token = fake.addIdentityToken({ login: 'release-bot-user', kind: 'user' });
    const marker = commentMarker('evalgate-results');
    const forged = fake.addComment(PR, `${marker}\nforged`, 'mallory');
    const mine = fake.addComment(PR, `${marker}\nold`, 'release-bot-user');
    const res = await (await publisher({ token })).publish(request(report('pass')));
    expect(res.comment).toMatchObject({ action: 'updated', deleted: 0 });
    expect(fake.calls('issues/update-comment')[0].path).toContain(`/comments/${mine.id}`);
    expect(fake.comments.find((c) => c.id === forged.id)?.body).toContain('forged');
    expect(fake.calls('users/get-authenticated').map((c) => c.status)).toEqual([200]);
  });

  test("a GitHub App's token: its login shows on the first comment, and later runs keep that one", async () => {
    setup();
    const token = fake.addIdentityToken({ login: 'model-ci[bot]', kind: 'installation' });
    const first = await (await publisher({ token })).publish(request(report('fail')));
    expect(first.comment.action).toBe('created');
    // A later run (a new publisher) cannot ask GitHub who it is; it learns it from what it posts.
    const second = await (await publisher({ token })).publish(request(report('pass')));
    expect(second.comment).toMatchObject({ action: 'updated', url: first.comment.url, deleted: 1 });
    expect(fake.commentsOn(PR)).toHaveLength(1);
    expect(fake.commentsOn(PR)[0].body).toContain('report: pass');
  });

  test('gate ids cannot break out of the HTML comment', () => {
    expect(commentMarker('a-->b <x>')).toBe('<!-- evalgate:gate=a%2D%2D%3Eb%20%3Cx%3E -->');
  });

  test('on-change leaves an identical comment alone; always rewrites it', async () => {
    setup();
    const onChange = await publisher({ comment: 'on-change' });
    expect((await onChange.publish(request(report('pass')))).comment.action).toBe('created');
    expect((await onChange.publish(request(report('pass')))).comment.action).toBe('unchanged');
    expect(fake.calls('issues/update-comment')).toHaveLength(0);
    expect((await onChange.publish(request(report('fail')))).comment.action).toBe('updated');
    expect(fake.calls('issues/update-comment')).toHaveLength(1);
    const always = await publisher({ comment: 'always' });
    expect((await always.publish(request(report('fail')))).comment.action).toBe('updated');
    expect(fake.calls('issues/update-comment')).toHaveLength(2);
  });

  test('on-regression posts only for fail or warn, but keeps an existing comment current', async () => {
    setup();
    const p = await publisher({ comment: 'on-regression' });
    expect((await p.publish(request(report('pass')))).comment.action).toBe('skipped');
    expect(fake.commentsOn(PR)).toHaveLength(0);
    expect((await p.publish(request(report('warn')))).comment.action).toBe('created');
    expect((await p.publish(request(report('pass')))).comment.action).toBe('updated');
    expect(fake.commentsOn(PR)[0].body).toContain('report: pass');
  });

  test('never, or no pull request, means no comment requests at all', async () => {
    setup();
    await (await publisher({ comment: 'never' })).publish(request(report('fail')));
    expect(
      (await (await publisher()).publish(request(report('fail'), 'x', { prNumber: undefined }))).comment
        .action,
    ).toBe('no-pr');
    expect(fake.requests.filter((r) => r.operation?.startsWith('issues/'))).toHaveLength(0);
  });

  test('an oversized report still fits GitHub limits', async () => {
    setup();
    const huge = 'row | row | row\n'.repeat(20_000);
    const res = await (await publisher({ checkName: 'evalgate' })).publish(request(report('fail'), huge));
    expect(res.comment.action).toBe('created');
    expect(res.check.action).toBe('created');
    expect(fake.commentsOn(PR)[0].body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(fake.commentsOn(PR)[0].body).toContain(
      'the job summary shows more; every row is in the JSON report',
    );
    expect(fake.checkRuns[0].output.summary!.length).toBeLessThanOrEqual(MAX_CHECK_CHARS);
    expect(fake.limitRejections).toEqual([]);
  });
});

describe('check run', () => {
  test('created on the head SHA with conclusion, title and summary', async () => {
    const head = setup();
    const res = await (
      await publisher({ checkName: 'model-gate' })
    ).publish(
      request(report('fail'), 'the report', {
        headSha: head,
        detailsUrl: 'https://github.com/acme/model/actions/runs/1',
      }),
    );
    expect(res.check.action).toBe('created');
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({
      name: 'model-gate',
      headSha: head,
      status: 'completed',
      conclusion: 'failure',
      detailsUrl: 'https://github.com/acme/model/actions/runs/1',
      output: { title: 'Fail: 1 regression', summary: 'the report' },
    });
  });

  test('annotations go in batches of at most 50', async () => {
    const head = setup();
    const rows = Array.from({ length: 120 }, (_, i) =>
      comparison('f1', 'regressed', { field: 'lang', value: `l${i}` }),
    );
    const r = report('fail', rows);
    const annotations = annotationsFor(r, '.github/evalgate.yml');
    expect(annotations).toHaveLength(120);
    await (
      await publisher({ checkName: 'evalgate' })
    ).publish(request(r, 'x', { headSha: head, annotations }));
    expect(fake.calls('checks/create')).toHaveLength(1);
    expect(fake.calls('checks/update')).toHaveLength(2);
    expect(fake.checkRuns[0].annotations).toHaveLength(120);
    expect(fake.checkRuns[0].annotations[119]).toMatchObject({
      path: '.github/evalgate.yml',
      annotation_level: 'failure',
      title: 'f1 [lang=l119] regressed',
    });
    expect(fake.limitRejections).toEqual([]);
  });

  test('empty check name: no check run', async () => {
    setup();
    const res = await (await publisher({ checkName: '' })).publish(request(report('pass')));
    expect(res.check.action).toBe('skipped');
    expect(fake.calls('checks/create')).toHaveLength(0);
  });
});

describe('read-only token (fork pull request)', () => {
  test('403 on comment and check become warnings naming the permission', async () => {
    setup();
    const token = fake.addToken(FORK_PERMISSIONS);
    const res = await (await publisher({ token, checkName: 'evalgate' })).publish(request(report('fail')));
    expect(res.comment.action).toBe('denied');
    expect(res.check.action).toBe('denied');
    expect(res.denied).toEqual(['pull-requests: write', 'checks: write']);
    const w = warnings(out()).join('\n');
    expect(w).toContain('`pull-requests: write`');
    expect(w).toContain('`checks: write`');
    expect(w).toContain('mode: publish');
    // The runner swallows `::add-mask::` commands (they register the secret); nothing else may show it.
    const shown = out()
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain(token);
  });

  test('other API errors are not swallowed', async () => {
    // PR 999 does not exist: 404 is a real error, not a permission problem.
    setup();
    const p = await publisher();
    await expect(p.publish(request(report('fail'), 'x', { prNumber: 999 }))).rejects.toMatchObject({
      status: 404,
    });
  });
});
