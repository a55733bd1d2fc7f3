/**
 * Downloads one earlier run's result artifact and reads it, for the baseline and the history alike. A
 * missing, expired, oversized, vanished, refused or unreadable artifact is an attempt that failed with a
 * reason (the run is skipped); GitHub being unavailable throws.
 */
import * as core from '@actions/core';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { isExpectedError } from '../errors.js';
import { MAX_ARTIFACT_BYTES, type ArtifactStore } from './artifacts.js';
import { short } from './context.js';
import { apiMessage, httpStatus, unavailableError, type GitHubClient } from './octokit.js';
import type { RunSummary } from './workflow-runs.js';
import { ArchiveRefusedError } from './zip.js';

/**
 * Outcome of trying one candidate run. `refused`: the artifact was there but refused or unreadable
 * (not merely missing or expired), which changes how a fruitless search is worded.
 */
export type Attempt<L> = { ok: true; loaded: L } | { ok: false; why: string; refused?: boolean };

interface ArtifactSummary {
  id: number;
  name: string;
  expired: boolean;
  size_in_bytes: number;
}

/** Where and how run artifacts are fetched. */
export interface RunArtifactOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  artifacts: ArtifactStore;
  /** Name of the results artifact (`artifact-name`). */
  artifactName: string;
  /** Parent folder of the download folders. */
  tempDir: string;
}

/**
 * Downloads `run`'s newest unexpired artifact of the configured name and reads it with `load`; `what`
 * names the purpose in log lines (`what run #N skipped: why`).
 */
export async function fetchRunArtifact<T>(
  o: RunArtifactOptions,
  run: RunSummary,
  load: (dir: string) => T | Promise<T>,
  what: string,
): Promise<Attempt<T>> {
  const label = `run #${run.run_number}`;
  const skip = (why: string, refused = false): Attempt<T> => {
    core.info(`${what} ${label} skipped: ${why}`);
    return refused ? { ok: false, why, refused } : { ok: false, why };
  };
  const { data } = await o.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
    owner: o.owner,
    repo: o.repo,
    run_id: run.id,
    name: o.artifactName,
    per_page: 100,
  });
  const arts = (data.artifacts as unknown as ArtifactSummary[])
    .filter((a) => a.name === o.artifactName)
    .sort((a, b) => b.id - a.id);
  if (arts.length === 0) return skip('no artifact');
  const art = arts.find((a) => !a.expired);
  if (!art) return skip('artifact expired');
  if (art.size_in_bytes > MAX_ARTIFACT_BYTES) return skip(`artifact too large (${art.size_in_bytes} bytes)`);
  const dir = mkdtempSync(join(o.tempDir, `evalgate-run-${run.id}-`));
  try {
    await o.artifacts.downloadFromRun({ artifactId: art.id, runId: run.id, dir });
  } catch (e) {
    if (e instanceof ArchiveRefusedError) {
      // Untrusted content: say why it was refused (never "expired"), and go on to the next candidate.
      core.warning(`The "${art.name}" artifact of ${label} was refused: ${e.message}; skipping it`);
      return skip(`artifact refused: ${e.reason}`, true);
    }
    if (httpStatus(e) === 410) return skip('artifact expired (410 on download)');
    if (httpStatus(e) === 404) return skip('artifact gone (404 on download)');
    const down = unavailableError(e, 'the baseline lookup');
    if (down) throw down;
    core.warning(`Could not download the "${art.name}" artifact of ${label}: ${apiMessage(e)}; skipping it`);
    return skip('download failed', true);
  }
  try {
    const loaded = await load(dir);
    core.info(`${what} ${label} (${short(run.head_sha)}): artifact "${art.name}" loaded`);
    return { ok: true, loaded };
  } catch (e) {
    if (!isExpectedError(e)) throw e;
    core.warning(
      `The "${art.name}" artifact of ${label} is not a readable evalgate result (${e.message}); skipping it`,
    );
    return skip('unreadable artifact', true);
  }
}
