/**
 * Artifacts through `@actions/artifact` (v4+ artifact service): download another run's artifact (the
 * baseline, a fork's report), upload this run's results, and download this run's own artifacts (matrix
 * shards). The library is imported lazily: the CLI never loads it.
 *
 * Downloads are never unzipped by the library: the zip is saved as is (`skipDecompress`) and extracted
 * by `extractZip` (./zip.ts) within the caller's limits.
 */
import * as core from '@actions/core';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { downloadArtifactZip } from './artifact-download.js';
import type { GitHubClient } from './octokit.js';
import type { TimeBudget } from './timeouts.js';
import { extractZip, type ExtractLimits } from './zip.js';

export type { ExtractLimits } from './zip.js';

/** Artifacts above this size (compressed) are not downloaded: a baseline is a small JSON file. */
export const MAX_ARTIFACT_BYTES = 512 * 1024 * 1024;
/** An artifact of this run, as the artifact service lists it. */
export interface RunArtifact {
  id: number;
  name: string;
  size?: number;
}

/** What evalgate needs from artifact storage. */
export interface ArtifactStore {
  /** Downloads an artifact of another workflow run and extracts it into `dir`, within `limits`. */
  downloadFromRun(opts: {
    artifactId: number;
    runId: number;
    dir: string;
    limits?: ExtractLimits;
  }): Promise<void>;
  /** Uploads `files` (paths under `rootDir`) as an artifact of this run. */
  upload(
    name: string,
    files: string[],
    rootDir: string,
    retentionDays?: number,
  ): Promise<{ id?: number; size?: number }>;
  /** Lists this run's artifacts (uploaded by earlier jobs of the same run). */
  listCurrent(): Promise<RunArtifact[]>;
  /** Downloads one of this run's artifacts into `dir`. */
  downloadCurrent(artifactId: number, dir: string): Promise<void>;
}

/**
 * The step's client and time budget. With them, another run's artifact is downloaded through the REST
 * API and blob storage under the budget's timeouts (artifact-download.ts), and the calls that only the
 * artifact service's own client can make (this run's artifacts, uploads) are raced against the budget.
 */
export interface ArtifactTiming {
  client: GitHubClient;
  budget: TimeBudget;
}

/** ArtifactStore backed by `@actions/artifact`. */
export class ActionsArtifactStore implements ArtifactStore {
  constructor(
    private readonly token: string,
    private readonly owner: string,
    private readonly repo: string,
    private readonly timing?: ArtifactTiming,
  ) {}

  /** Runs a call of the artifact library: raced against the budget when there is one. */
  private timed<T>(what: string, call: () => Promise<T>, ms?: number): Promise<T> {
    return this.timing ? this.timing.budget.race(what, call, ms) : call();
  }

  private async client() {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    return new DefaultArtifactClient();
  }

  async downloadFromRun(opts: {
    artifactId: number;
    runId: number;
    dir: string;
    limits?: ExtractLimits;
  }): Promise<void> {
    const timing = this.timing;
    if (timing) {
      await this.downloadZip(opts.dir, opts.limits, async (_client, path) => {
        await downloadArtifactZip(timing.client, timing.budget, {
          owner: this.owner,
          repo: this.repo,
          artifactId: opts.artifactId,
          file: join(path, 'artifact.zip'),
          maxBytes: MAX_ARTIFACT_BYTES,
        });
      });
      return;
    }
    const findBy = {
      token: this.token,
      workflowRunId: opts.runId,
      repositoryOwner: this.owner,
      repositoryName: this.repo,
    };
    await this.downloadZip(opts.dir, opts.limits, async (client, path) => {
      await client.downloadArtifact(opts.artifactId, { path, skipDecompress: true, findBy });
    });
  }

  /** Downloads the zip (unextracted) into a scratch folder beside `dir`, then extracts it within `limits`. */
  private async downloadZip(
    dir: string,
    limits: ExtractLimits | undefined,
    download: (client: Awaited<ReturnType<ActionsArtifactStore['client']>>, path: string) => Promise<void>,
  ): Promise<void> {
    mkdirSync(dir, { recursive: true });
    const scratch = mkdtempSync(join(dirname(resolve(dir)), '.evalgate-zip-'));
    try {
      await download(await this.client(), scratch);
      const files = readdirSync(scratch);
      if (files.length !== 1) throw new Error(`expected one downloaded archive, found ${files.length} files`);
      await extractZip(join(scratch, files[0]), dir, limits);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  async upload(
    name: string,
    files: string[],
    rootDir: string,
    retentionDays?: number,
  ): Promise<{ id?: number; size?: number }> {
    const client = await this.client();
    // Three service calls (create, blob upload, finalize) of a small file: three request timeouts.
    return this.timed(
      `the upload of artifact "${name}"`,
      () => client.uploadArtifact(name, files, rootDir, retentionDays ? { retentionDays } : {}),
      this.timing && 3 * this.timing.budget.requestMs,
    );
  }

  async listCurrent(): Promise<RunArtifact[]> {
    const client = await this.client();
    const { artifacts } = await this.timed("the listing of this run's artifacts", () =>
      client.listArtifacts({ latest: true }),
    );
    return artifacts.map((a) => ({ id: a.id, name: a.name, size: a.size }));
  }

  async downloadCurrent(artifactId: number, dir: string): Promise<void> {
    // A shard may be large: the download may take what is left of the budget.
    await this.timed(
      `the download of this run's artifact ${artifactId}`,
      () =>
        this.downloadZip(dir, undefined, async (client, path) => {
          await client.downloadArtifact(artifactId, { path, skipDecompress: true });
        }),
      Infinity,
    );
  }
}

/** Turns an artifact name pattern (`*` and `?` wildcards) into a matcher. */
export function artifactMatcher(pattern: string): (name: string) => boolean {
  if (!/[*?]/.test(pattern)) return (name) => name === pattern;
  const re = new RegExp(
    '^' +
      pattern
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
        .join('') +
      '$',
  );
  return (name) => re.test(name);
}

/**
 * Downloads this run's artifacts whose names match `pattern` (name or glob, e.g. `eval-shard-*`), each
 * into its own folder under `dir`; returns the folders in name order. No match is a usage error that
 * lists what there is.
 */
export async function downloadCurrentArtifacts(
  store: ArtifactStore,
  pattern: string,
  dir: string,
): Promise<string[]> {
  const all = await store.listCurrent();
  const match = artifactMatcher(pattern);
  const hits = all.filter((a) => match(a.name)).sort((a, b) => a.name.localeCompare(b.name));
  if (hits.length === 0) {
    const names = all.map((a) => a.name).sort();
    throw new UsageError(
      `current-artifact "${pattern}" matches none of this run's artifacts (${names.length ? names.join(', ') : 'there are none'}); ` +
        'upload the shards in earlier jobs of the same workflow run',
    );
  }
  const out: string[] = [];
  for (const a of hits) {
    if (a.size !== undefined && a.size > MAX_ARTIFACT_BYTES) {
      throw new InputError(
        `artifact is ${a.size} bytes, more than the ${MAX_ARTIFACT_BYTES} evalgate reads`,
        { file: a.name },
      );
    }
    // One folder per artifact: shards often contain files with the same name.
    const target = join(dir, a.name.replace(/[^A-Za-z0-9._-]/g, '_'));
    await store.downloadCurrent(a.id, target);
    core.info(`Downloaded artifact "${a.name}" of this run into ${target}`);
    out.push(target);
  }
  return out;
}
