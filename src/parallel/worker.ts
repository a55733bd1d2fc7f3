/**
 * The helper thread's entry (parallel/helper.ts): reads a part of a JSONL file into columns, or runs
 * half of a one-vs-rest DeLong pass over shared memory. Bundled on its own as `worker.js` beside each
 * bundle (scripts/post-build.mjs), so that it loads only the reader and statistics code.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { RecordMapping } from '../readers/types.js';
import { readJsonlRange, type SharedRegion } from '../readers/columnar/jsonl-stream.js';
import { packColumns } from '../readers/columnar/column-transfer.js';
import { runOvrJob, type OvrJob } from '../stats/ovr-parallel.js';
import type { SerialisedError } from './helper.js';

interface ReadJob {
  type: 'read-jsonl';
  id: number;
  file: string;
  mapping: RecordMapping;
  start: number;
  end: number;
  region?: SharedRegion;
  /** The part's movable end (readers/columnar/range-cut.ts). */
  cut?: Int32Array;
  /** Wait this long before reading (tests). */
  delayMs?: number;
}

function serialise(e: unknown): SerialisedError {
  if (e instanceof InputError)
    return { input: true, message: e.message, detail: e.detail, location: { ...e.location } };
  return { input: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

const port = parentPort!;
port.on('message', (job: ReadJob | OvrJob) => {
  if (job.type === 'ovr') {
    runOvrJob(job);
    return;
  }
  let last = 0;
  const read = () =>
    readJsonlRange(
      job.file,
      job.mapping,
      job.start,
      job.end,
      (bytes, rows) => {
        // At most ~4 messages a second: the reading thread throttles what it shows anyway.
        const now = Date.now();
        if (now - last < 250) return;
        last = now;
        port.postMessage({ id: job.id, progress: [bytes, rows] });
      },
      job.region,
      job.cut,
    ).then(
      ({ cols, lines }) => {
        const [packed, transfer] = packColumns(cols, lines);
        port.postMessage({ id: job.id, result: packed }, transfer);
      },
      (e: unknown) => port.postMessage({ id: job.id, error: serialise(e) }),
    );
  if (job.delayMs) setTimeout(read, job.delayMs);
  else void read();
});
