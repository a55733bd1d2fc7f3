/**
 * Input files → ReadOutput. Which reader reads a file is decided by the registry (`registry.ts`): by
 * content, with config `format:` as an override; this module adds folder expansion and the per-path
 * config lookups (`format:`, `encoding:`).
 */
import { statSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { knownExtensions, readWithRegistry, type ReadContext } from './registry.js';
import { hasExtension } from './sniff.js';
import type { ReadOutput, RecordMapping } from './types.js';

export type { ReadOutput, RecordMapping } from './types.js';
export type { ReadContext, FormatReader, SeriesSelect } from './registry.js';
export { FORMATS, formatList, detectFormat } from './registry.js';

function contextOf(c: ReadContext | RecordMapping): ReadContext {
  return 'fields' in c ? { mapping: c } : c;
}

/**
 * Reads one input file with the reader its content calls for (`format` names one explicitly).
 * Accepts a bare RecordMapping for callers that need nothing else.
 */
export async function readInputFile(
  file: string,
  ctx: ReadContext | RecordMapping,
  format?: string,
): Promise<ReadOutput> {
  return readWithRegistry(file, contextOf(ctx), format);
}

/** Same as {@link readInputFile} (kept for callers written when only Parquet was asynchronous). */
export const readInputFileAsync = readInputFile;

/**
 * Expands folders (their files with a known format ending, sorted, non-recursive) and checks that every
 * path exists: a path that matches nothing is an error, never an empty gate.
 */
export function expandInputPaths(paths: string[]): string[] {
  const exts = knownExtensions();
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError('file not found', { file: p });
    if (statSync(p).isDirectory()) {
      const files = readdirSync(p)
        .filter((f) => hasExtension(f, exts) && !statSync(join(p, f)).isDirectory())
        .sort()
        .map((f) => join(p, f));
      if (files.length === 0)
        throw new InputError(`folder holds no supported files (${exts.join(', ')})`, { file: p });
      out.push(...files);
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Turns a glob (`*`, `**`, `?`) into a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The value of a per-path config setting for a file: a single value applies to every file; a mapping of
 * glob → value applies the first glob that matches the path as given or its file name.
 */
export function settingFor<T extends string>(
  setting: T | Record<string, T> | undefined,
  file: string,
): T | undefined {
  if (setting === undefined || typeof setting === 'string') return setting;
  const path = file.replace(/\\/g, '/');
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const [glob, value] of Object.entries(setting)) {
    const re = globToRegExp(glob);
    if (re.test(path) || re.test(name) || re.test(path.replace(/^\.\//, ''))) return value;
  }
  return undefined;
}
