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

/** Most alias uses a YAML document may expand (the `yaml` library's guard against alias bombs). */
const MAX_ALIAS_COUNT = 100;

/**
 * The document as plain data. Aliases that expand exponentially ("billion laughs") are an InputError
 * naming the file, not a crash: the library refuses them with a ReferenceError.
 */
export function yamlToJs(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      throw new InputError(
        `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias uses); refusing to read it`,
        { file },
      );
    throw e;
  }
}
