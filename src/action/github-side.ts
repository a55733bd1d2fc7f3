/**
 * The action's GitHub side: runner context, client and artifact store, set up only when a feature needs
 * them (a gate with a local baseline and nothing to publish needs no token), and the one time budget
 * that all of the step's GitHub calls share.
 */
import { UsageError } from '../errors.js';
import { ActionsArtifactStore, type ArtifactStore } from '../github/artifacts.js';
import type { RunnerContext } from '../github/context.js';
import { createGitHubClient, type GitHubClient } from '../github/octokit.js';
import { GitHubPublisher } from '../github/publisher.js';
import type { TimeBudget } from '../github/timeouts.js';
import type { ActionInputs } from './inputs.js';
import { stepBudget } from './time-budget.js';

/** The GitHub side, set up only when a feature needs it (the CLI-like local use never does). */
export interface GitHubSide {
  ctx: RunnerContext;
  client: GitHubClient;
  store: ArtifactStore;
}

/** True inside a GitHub Actions job (the runner sets these for every step). */
export function inActions(): boolean {
  return Boolean(process.env.GITHUB_REPOSITORY && process.env.GITHUB_RUN_ID);
}

/** The time budget of this step's GitHub calls, once it talks to GitHub. */
let budget: TimeBudget | undefined;

/**
 * The step's GitHub time budget, or undefined when it never talked to GitHub: `run` reads it at the
 * end to end a step that gave up on a call still holding a connection open.
 */
export function githubBudget(): TimeBudget | undefined {
  return budget;
}

/** Connects to GitHub with the `github-token` input; starts the step's time budget. */
export async function connect(inputs: ActionInputs, ctx: RunnerContext): Promise<GitHubSide> {
  if (!inputs.githubToken)
    throw new UsageError('input "github-token" is empty; it is needed for baselines, comments and checks');
  // The clock starts at the first GitHub call and covers look-up, artifacts and publishing together.
  budget = stepBudget(inputs.githubTimeoutMinutes);
  const client = await createGitHubClient(inputs.githubToken, { baseUrl: ctx.apiUrl, budget });
  const store = new ActionsArtifactStore(inputs.githubToken, ctx.owner, ctx.repo, { client, budget });
  return { ctx, client, store };
}

/** The comment/check publisher for this gate. */
export function publisherFor(side: GitHubSide, inputs: ActionInputs): GitHubPublisher {
  return new GitHubPublisher({
    client: side.client,
    owner: side.ctx.owner,
    repo: side.ctx.repo,
    gateId: inputs.gateId,
    comment: inputs.comment,
    checkName: inputs.checkName,
  });
}
