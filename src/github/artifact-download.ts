/**
 * Downloading another run's artifact under the step's time budget (timeouts.ts): the REST call that
 * answers with the archive's address goes through the step's client (per-request timeout, retries), and
 * the archive is streamed from blob storage with an inactivity timeout — a download may take long, but
 * never wait 30 s for its next byte — within what is left of the budget, and within the size limit.
 * `@actions/artifact` does the same with its own client, on which no timeout can be set.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GitHubClient } from './octokit.js';
import { GitHubTimeoutError, TIMEOUT_RETRIES, type TimeBudget } from './timeouts.js';
import { ArchiveRefusedError } from './zip.js';

/** What to download. */
export interface RestDownload {
  owner: string;
  repo: string;
  artifactId: number;
  /** Where the archive is written. */
  file: string;
  /** Largest archive accepted (bytes, compressed). */
  maxBytes: number;
}

/** An HTTP error with its status, so callers can tell 404/410 (gone, expired) from the rest. */
class BlobError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'BlobError';
  }
}

/** Downloads the artifact's zip archive to `d.file`. */
export async function downloadArtifactZip(
  client: GitHubClient,
  budget: TimeBudget,
  d: RestDownload,
): Promise<void> {
  const res = await client.request(
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    {
      owner: d.owner,
      repo: d.repo,
      artifact_id: d.artifactId,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    },
  );
  const location = res.headers.location;
  if (res.status !== 302 || !location)
    throw new Error(`GitHub answered the artifact download with HTTP ${res.status} and no address`);
  await fetchToFile(location, d.file, budget, d.maxBytes);
}

/** Streams `url` into `file` with an inactivity timeout and a size cap; retries a stall once. */
async function fetchToFile(url: string, file: string, budget: TimeBudget, maxBytes: number): Promise<void> {
  const what = `the artifact download from ${new URL(url).host}`;
  for (let attempt = 1; ; attempt++) {
    const left = budget.remaining();
    if (left <= 0) throw budget.exhaustedError(what);
    const idle = new AbortController();
    let timer = setTimeout(() => idle.abort(), Math.min(budget.requestMs, left));
    const signal = AbortSignal.any([idle.signal, AbortSignal.timeout(left)]);
    try {
      const res = await fetch(url, { signal });
      if (res.status !== 200 || !res.body) {
        await res.body?.cancel();
        throw new BlobError(`blob storage answered HTTP ${res.status}`, res.status);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes)
        throw new ArchiveRefusedError(
          'exceeds size limit',
          `the archive is ${declared} bytes, more than the ${maxBytes} evalgate downloads`,
          basename(file),
        );
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
          bytes += chunk.length;
          if (bytes > maxBytes)
            return done(
              new ArchiveRefusedError(
                'exceeds size limit',
                `the archive is more than the ${maxBytes} bytes evalgate downloads`,
                basename(file),
              ),
            );
          // Each chunk restarts the inactivity clock: a slow download is fine, a stalled one is not.
          clearTimeout(timer);
          timer = setTimeout(() => idle.abort(), Math.min(budget.requestMs, budget.remaining()));
          done(null, chunk);
        },
      });
      await pipeline(
        Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
        counter,
        createWriteStream(file),
      );
      return;
    } catch (e) {
      rmSync(file, { force: true });
      if (!signal.aborted) {
        if (e instanceof ArchiveRefusedError || e instanceof BlobError || attempt > TIMEOUT_RETRIES) throw e;
        continue; // a dropped connection: once more
      }
      budget.timedOut.push(what);
      const timeout = new GitHubTimeoutError(what, Math.min(budget.requestMs, left), attempt);
      if (attempt > TIMEOUT_RETRIES || budget.remaining() <= 0) throw timeout;
    } finally {
      clearTimeout(timer);
    }
  }
}
