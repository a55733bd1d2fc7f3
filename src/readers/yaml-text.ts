/**
 * YAML parsing with the error messages every YAML input shares (config files, YAML metric maps): the
 * line, and for a duplicate key the key itself, since "keys must be unique" alone leaves the user
 * searching.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { InputError } from '../errors.js';
import { showKey } from './json-text.js';

/** Parses YAML text into a document; InputError (file, line, key) on the first YAML error. */
export function parseYamlDocument(text: string, file: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.pos ? lineCounter.linePos(err.pos[0]).line : undefined;
    if (err.code === 'DUPLICATE_KEY' && err.pos) {
      const key =
        /^[^:\n]*/
          .exec(text.slice(err.pos[0]))?.[0]
          .trim()
          .replace(/^["']|["']$/g, '') ?? '';
      throw new InputError(`duplicate key ${showKey(key)} in a YAML mapping (which value is meant?)`, {
        file,
        line,
        field: key,
      });
    }
    throw new InputError(`invalid YAML: ${err.message.split('\n')[0]}`, { file, line });
  }
  return { doc, lineCounter };
}
