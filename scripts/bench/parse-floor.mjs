/**
 * The bare streaming JSON.parse pass over a JSONL file (`npm run bench`'s floor): 4 MiB chunks, split at
 * newlines, JSON.parse of every line, nothing kept. Prints the number of records.
 */
import { createReadStream } from 'node:fs';

let rows = 0;
let carry = '';
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 4 << 20, encoding: 'utf8' })) {
  const text = carry + chunk;
  let start = 0;
  let nl;
  while ((nl = text.indexOf('\n', start)) >= 0) {
    if (nl > start) {
      JSON.parse(text.slice(start, nl));
      rows++;
    }
    start = nl + 1;
  }
  carry = text.slice(start);
}
if (carry.trim()) {
  JSON.parse(carry);
  rows++;
}
process.stdout.write(`${rows}\n`);
