/**
 * The reader registry: one {@link FormatReader} per input format, chosen by content. Each reader looks at
 * the first bytes of a file (decompressed when gzip) and says how sure it is that the file is its format;
 * the most confident reader reads it. The file name is only a hint (a `.json` may hold JSON Lines, a
 * samples log may have any name). Config `format:` overrides detection per path or glob.
 *
 * Adding a format: write `src/readers/<format>.ts` exporting a FormatReader and add it to FORMATS below
 * (docs/formats.md, "Adding a format").
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { constants as zc, gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { readBytes } from './file.js';
import { isGzip, sniffText } from './text.js';
import { firstJsonLines, hasExtension, outlineJson, type JsonOutline } from './sniff.js';
import type { FileHead, FormatReader, ReadContext, ReadOutput } from './types.js';

export type { FileHead, FormatReader, ReadContext, SeriesSelect } from './types.js';
import { jsonlFormat } from './jsonl.js';
import { csvFormat, tsvFormat } from './csv.js';
import { parquetFormat } from './parquet.js';
import { jsonMetricMapFormat, yamlMetricMapFormat } from './metric-map.js';
import { lmEvalResultsFormat } from './lm-eval.js';
import { lmEvalSamplesFormat } from './lm-eval-samples.js';
import { evalResultFormat } from './eval-result.js';
import { inspectAiFormat } from './inspect-ai.js';
import { promptfooFormat } from './promptfoo.js';
import { openAiEvalsFormat } from './openai-evals.js';
import { hfTrainerFormat } from './hf-trainer.js';
import { catwalkMetricsFormat, catwalkPredictionsFormat } from './catwalk.js';
import { jsonRecordsFormat } from './json-records.js';
import { mtebFormat, mtebModelMetaFormat } from './mteb.js';
import {
  helmPerInstanceFormat,
  helmRunSpecFormat,
  helmScenarioFormat,
  helmScenarioStateFormat,
  helmStatsFormat,
} from './helm.js';

/** How many bytes of a file detection looks at. */
export const HEAD_BYTES = 256 * 1024;

/**
 * Every format, most specific first: on equal confidence the earlier one wins, so tool formats come
 * before the generic record and metric-map readers.
 */
export const FORMATS: readonly FormatReader[] = [
  evalResultFormat,
  inspectAiFormat,
  promptfooFormat,
  mtebFormat,
  mtebModelMetaFormat,
  helmStatsFormat,
  helmPerInstanceFormat,
  helmRunSpecFormat,
  helmScenarioFormat,
  helmScenarioStateFormat,
  lmEvalResultsFormat,
  lmEvalSamplesFormat,
  openAiEvalsFormat,
  catwalkMetricsFormat,
  catwalkPredictionsFormat,
  hfTrainerFormat,
  parquetFormat,
  jsonlFormat,
  jsonRecordsFormat,
  csvFormat,
  tsvFormat,
  jsonMetricMapFormat,
  yamlMetricMapFormat,
];

/** Below this, no reader claims a file. */
export const MIN_CONFIDENCE = 0.25;

/** The reader of a format name; undefined when unknown. */
export function formatByName(name: string): FormatReader | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** Every file-name ending a reader hints at (to expand folders). */
export function knownExtensions(): string[] {
  return [...new Set(FORMATS.flatMap((f) => f.extensions))];
}

/** Builds a FileHead from a buffer of a file's first bytes. */
export function headFromBytes(raw: Buffer, complete: boolean): FileHead {
  const gzip = isGzip(raw);
  let bytes = raw;
  let whole = complete;
  if (gzip) {
    try {
      // Partial input: flush what has been inflated so far instead of failing on the cut end.
      bytes = gunzipSync(raw, { finishFlush: zc.Z_SYNC_FLUSH, maxOutputLength: HEAD_BYTES * 8 });
      whole = complete && bytes.length < HEAD_BYTES * 8;
    } catch {
      bytes = Buffer.alloc(0);
      whole = false;
    }
  }
  const text = sniffText(bytes);
  let outline: JsonOutline | undefined;
  let lines: Record<string, unknown>[] | undefined | null = null;
  return {
    raw,
    bytes,
    gzip,
    complete: whole,
    text,
    get outline() {
      return (outline ??= outlineJson(text));
    },
    get jsonLines() {
      if (lines === null) lines = firstJsonLines(text);
      return lines;
    },
  };
}

/** Reads a file's head. */
export function readHead(file: string): FileHead {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    readBytes(file); // throws the reader's usual "file not found" / "cannot read" error
    throw new InputError('cannot read file', { file });
  }
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const got = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return headFromBytes(buf.subarray(0, got), got < HEAD_BYTES);
  } finally {
    closeSync(fd);
  }
}

/** Every reader's confidence for a file, most confident first (ties keep registry order). */
export function rankFormats(
  head: FileHead,
  fileName: string,
): { format: FormatReader; confidence: number }[] {
  const name = basename(fileName);
  return FORMATS.map((format, i) => {
    let confidence = 0;
    try {
      confidence = Math.max(0, Math.min(1, format.detect(head, name)));
    } catch {
      confidence = 0;
    }
    return { format, confidence, i };
  })
    .sort((a, b) => b.confidence - a.confidence || a.i - b.i)
    .map(({ format, confidence }) => ({ format, confidence }));
}

/**
 * The format of a file: the one named by config (`override`), else the most confident detector. An
 * undetectable file is an InputError naming the closest formats and what each needs.
 */
export function detectFormat(file: string, override?: string): FormatReader {
  if (override !== undefined) {
    const f = formatByName(override);
    if (!f) {
      throw new InputError(
        `unknown format "${override}" in config \`format\`; known formats: ${FORMATS.map((x) => x.name).join(', ')}`,
        { file },
      );
    }
    return f;
  }
  const head = readHead(file);
  if (head.raw.length === 0) throw new InputError('empty file', { file });
  const ranked = rankFormats(head, file);
  if (ranked[0].confidence >= MIN_CONFIDENCE) return ranked[0].format;
  const close = ranked.filter((r) => r.confidence > 0).slice(0, 3);
  const hinted = FORMATS.filter(
    (f) => hasExtension(file, f.extensions) && !close.some((c) => c.format === f),
  );
  const list = [...close.map((c) => c.format), ...hinted].slice(0, 3);
  const shown = (list.length ? list : FORMATS.slice(0, 3))
    .map((f) => `${f.name} (${f.description})`)
    .join('; ');
  throw new InputError(
    `cannot tell the format of this file from its content; closest: ${shown}. Set \`format:\` in the config to name it`,
    { file },
  );
}

/** Reads one input file with the format detected (or named by `override`). */
export async function readWithRegistry(
  file: string,
  ctx: ReadContext,
  override?: string,
): Promise<ReadOutput> {
  const format = detectFormat(file, override);
  return format.read(file, ctx);
}

/** The supported formats as lines for `--help` and docs: `name — description`. */
export function formatList(): string[] {
  return FORMATS.map((f) => `${f.name} — ${f.description}`);
}
