/**
 * One helper thread for the second core of a CI runner (docs/performance.md, "Two cores"): it reads the
 * second half of a large JSONL file while this thread reads the first, and takes half of the classes of
 * a one-vs-rest DeLong pass. Started on first use, kept for the run, never holding the process open
 * while it has nothing to do.
 *
 * Everything it does has a same-thread fallback that gives identical results: no helper script next to
 * the bundle, `EVALGATE_THREADS=1`, a one-core machine, or a helper that fails in any unexpected way
 * only cost speed. Expected errors (bad input) come back as the same `InputError` a sequential read
 * would have thrown.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Whether a helper thread may be used: `EVALGATE_THREADS=1` turns it off, as does a one-core machine. */
export function threadsAllowed(): boolean {
  const env = process.env.EVALGATE_THREADS;
  if (env !== undefined && env.trim() !== '') return Number(env) >= 2;
  return availableParallelism() >= 2;
}

/**
 * The helper's script: `worker.js` beside the bundle chunk this code is in (dist/ and dist/cli/, see
 * scripts/post-build.mjs), or `worker.ts` beside this file when running from source (tests, tsx).
 */
function workerScript(): { file: string; source: boolean } | undefined {
  const dir = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(dir, 'worker.js'))) return { file: join(dir, 'worker.js'), source: false };
  if (existsSync(join(dir, 'worker.ts'))) return { file: join(dir, 'worker.ts'), source: true };
  return undefined;
}

/** A reply from the helper: `result` or a serialised error. */
interface Reply {
  id: number;
  result?: unknown;
  error?: SerialisedError;
  progress?: unknown;
}

/** An error crossing threads: an `InputError` keeps its message and location. */
export interface SerialisedError {
  input: boolean;
  message: string;
  detail?: string;
  location?: { file?: string; line?: number; field?: string };
}

/** Jobs handed to a helper so far (tests check that a path really used it). */
export const helperJobs = { count: 0 };

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  progress?(p: unknown): void;
}

/** The helper thread: asynchronous requests with replies, and synchronous jobs over shared memory. */
export class Helper {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the thread failed or exited: callers fall back to doing the work themselves. */
  dead = false;
  /** Set when it was stopped on purpose (its work became moot): a new one may be started. */
  stopped = false;

  constructor(file: string, source: boolean) {
    this.worker = source
      ? // From source the helper is TypeScript: load it through tsx, as the tests and scripts run.
        new Worker(
          `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`,
          // Not the parent's flags: a worker inheriting `--import tsx` never lets the process exit.
          { eval: true, execArgv: [] },
        )
      : new Worker(file);
    this.worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.progress !== undefined) {
        p.progress?.(m.progress);
        return;
      }
      this.settle(m.id);
      if (m.error) p.reject(m.error);
      else p.resolve(m.result);
    });
    const fail = (e: unknown) => {
      this.dead = true;
      for (const [id, p] of this.pending) {
        this.settle(id);
        p.reject({ input: false, message: `helper thread failed: ${String(e)}` } satisfies SerialisedError);
      }
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(`exited with code ${code}`));
    // After the listeners: adding a 'message' listener refs the thread again.
    this.worker.unref();
  }

  private settle(id: number): void {
    this.pending.delete(id);
    // Only a pending reply keeps the process alive for the helper.
    if (this.pending.size === 0) this.worker.unref();
  }

  /**
   * Sends a job and resolves with its result; rejects with a `SerialisedError`. `progress` receives
   * the job's progress messages.
   */
  request<T>(job: object, transfer: ArrayBuffer[] = [], progress?: (p: unknown) => void): Promise<T> {
    if (this.dead) return Promise.reject({ input: false, message: 'helper thread is not running' });
    const id = this.nextId++;
    helperJobs.count++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      this.worker.ref();
      this.worker.postMessage({ ...job, id }, transfer);
    });
  }

  /** Sends a job that reports its end through shared memory (`waitSync`); returns at once. */
  post(job: object): void {
    helperJobs.count++;
    this.worker.postMessage({ ...job, id: 0 });
  }

  /** Terminates the thread (its work became moot, or tests). */
  async stop(): Promise<void> {
    this.dead = true;
    this.stopped = true;
    await this.worker.terminate();
  }
}

/**
 * Waits (blocking this thread) until `done[0]` leaves 0 or `timeoutMs` passes; returns its final value
 * (0 on timeout). Blocking is what keeps callers synchronous; the timeout bounds a helper that died.
 */
export function waitSync(done: Int32Array, timeoutMs: number): number {
  const until = Date.now() + timeoutMs;
  while (Atomics.load(done, 0) === 0) {
    const left = until - Date.now();
    if (left <= 0) return 0;
    Atomics.wait(done, 0, 0, Math.min(left, 1000));
  }
  return Atomics.load(done, 0);
}

let helper: Helper | null | undefined;

/** The run's helper thread, started on first call; undefined when threads are off or unavailable. */
export function getHelper(): Helper | undefined {
  if (!threadsAllowed()) return undefined;
  if (helper?.stopped) helper = undefined;
  if (helper === undefined) {
    helper = null;
    const script = workerScript();
    if (script) {
      try {
        helper = new Helper(script.file, script.source);
      } catch {
        helper = null;
      }
    }
  }
  return helper && !helper.dead ? helper : undefined;
}

/** Stops the helper (tests that count threads or time). */
export async function stopHelper(): Promise<void> {
  const h = helper;
  helper = undefined;
  if (h) await h.stop();
}
