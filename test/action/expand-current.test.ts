import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandCurrent } from '../../src/action/step-files.js';
import { InputError } from '../../src/errors.js';

describe('expandCurrent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-expand-'));
  mkdirSync(join(dir, 'runs'));
  for (const f of ['run[1].jsonl', 'run{a,b}.jsonl', 'a.jsonl', 'b.jsonl'])
    writeFileSync(join(dir, f), '{}\n');
  writeFileSync(join(dir, 'runs', 'x.jsonl'), '{}\n');

  it('an existing path with [ ] { } in its name is taken literally, not as a glob (issue 12, F)', () => {
    expect(expandCurrent(['run[1].jsonl'], dir)).toEqual(['run[1].jsonl']);
    expect(expandCurrent(['run{a,b}.jsonl'], dir)).toEqual(['run{a,b}.jsonl']);
  });

  it('patterns that name no existing file are still globs', () => {
    expect(expandCurrent(['{a,b}.jsonl'], dir)).toEqual(['a.jsonl', 'b.jsonl']);
    expect(expandCurrent(['runs/*.jsonl'], dir)).toEqual(['runs/x.jsonl']);
    expect(() => expandCurrent(['nothing-*.jsonl'], dir)).toThrow(InputError);
    expect(() => expandCurrent(['nothing-*.jsonl'], dir)).toThrow(/glob matches no files/);
  });
});
