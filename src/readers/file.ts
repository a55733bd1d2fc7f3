/** Reading an input file's bytes with the error every reader gives for a missing or unreadable file. */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/** The file's bytes; InputError "file not found" / "cannot read file" otherwise. */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file });
  }
}
