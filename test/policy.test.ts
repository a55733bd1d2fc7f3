import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { configSchema } from '../src/config/schema.js';
import {
  CONCLUSIONS,
  conclusionFor,
  DIRECTIONS,
  EXIT,
  exitCodeFor,
  FAIL_ON,
  isOneOf,
  MISSING_BASELINE_POLICIES,
  RESULT_TASKS,
  SEVERITIES,
  STATUSES,
  TASK_SETTINGS,
  TASKS,
  VERDICTS,
  type Conclusion,
  type FailOn,
  type MissingPolicy,
  type Verdict,
} from '../src/policy.js';

describe('conclusionFor', () => {
  // The whole table, written out: a change to what fails a build must show up here.
  const table: [Verdict, FailOn, MissingPolicy, Conclusion][] = [
    ['pass', 'regression', 'warn', 'success'],
    ['pass', 'warn', 'fail', 'success'],
    ['pass', 'never', 'pass', 'success'],
    ['warn', 'regression', 'warn', 'neutral'],
    ['warn', 'warn', 'warn', 'failure'],
    ['warn', 'never', 'warn', 'neutral'],
    ['fail', 'regression', 'warn', 'failure'],
    ['fail', 'warn', 'warn', 'failure'],
    ['fail', 'never', 'warn', 'neutral'],
    ['no-baseline', 'regression', 'pass', 'success'],
    ['no-baseline', 'regression', 'warn', 'neutral'],
    ['no-baseline', 'regression', 'fail', 'failure'],
    ['no-baseline', 'never', 'fail', 'failure'],
  ];
  it.each(table)('%s with fail-on %s, missing %s → %s', (verdict, failOn, missing, expected) => {
    expect(conclusionFor(verdict, failOn, missing)).toBe(expected);
  });

  it('the missing-baseline policy matters only without a baseline; fail-on only with one', () => {
    for (const v of VERDICTS)
      for (const f of FAIL_ON) {
        const seen = new Set(MISSING_BASELINE_POLICIES.map((m) => conclusionFor(v, f, m)));
        expect(seen.size).toBe(v === 'no-baseline' ? 3 : 1);
      }
    for (const m of MISSING_BASELINE_POLICIES) {
      const seen = new Set(FAIL_ON.map((f) => conclusionFor('no-baseline', f, m)));
      expect(seen.size).toBe(1);
    }
  });
});

describe('exitCodeFor', () => {
  it('is 1 exactly when the conclusion is failure, else 0', () => {
    for (const v of VERDICTS)
      for (const f of FAIL_ON)
        for (const m of MISSING_BASELINE_POLICIES) {
          const failed = conclusionFor(v, f, m) === 'failure';
          expect(exitCodeFor(v, f, m)).toBe(failed ? 1 : 0);
        }
  });

  it('matches docs/design.md "Exit codes"', () => {
    expect(EXIT).toEqual({ ok: 0, regression: 1, badInput: 2, internal: 3 });
    expect(exitCodeFor('warn', 'regression', 'warn')).toBe(0);
    expect(exitCodeFor('warn', 'warn', 'warn')).toBe(1);
    expect(exitCodeFor('fail', 'never', 'warn')).toBe(0);
  });
});

describe('vocabularies', () => {
  it('derive from one another where they must', () => {
    expect(TASK_SETTINGS).toEqual(['auto', ...TASKS]);
    expect(RESULT_TASKS).toEqual([...TASKS, 'aggregate']);
    expect(CONCLUSIONS).toEqual(['success', 'neutral', 'failure']);
    expect(isOneOf(VERDICTS, 'no-baseline')).toBe(true);
    expect(isOneOf(VERDICTS, 'passed')).toBe(false);
    expect(isOneOf(STATUSES, undefined)).toBe(false);
  });

  it('the config schema uses the shared lists', () => {
    const props = configSchema.properties as unknown as Record<string, { enum?: readonly string[] }>;
    expect(props.task.enum).toEqual(TASK_SETTINGS);
    expect(props.on_missing_baseline.enum).toEqual(MISSING_BASELINE_POLICIES);
    const json = JSON.stringify(configSchema);
    expect(json).toContain(JSON.stringify({ enum: SEVERITIES }).slice(1, -1));
    expect(json).toContain(JSON.stringify({ enum: DIRECTIONS }).slice(1, -1));
  });

  it('no file in src/ outside policy.ts spells out a vocabulary list again', () => {
    const src = new URL('../src/', import.meta.url).pathname;
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    // Three or more words of a list in a row, quoted: a copy of the list (or of its start).
    const lists = [TASKS, FAIL_ON, MISSING_BASELINE_POLICIES, CONCLUSIONS, VERDICTS, STATUSES];
    const patterns = lists.map(
      (l) =>
        new RegExp(
          l
            .slice(0, 3)
            .map((w) => `['"]${w}['"]`)
            .join('\\s*,\\s*'),
        ),
    );
    const offenders = files(src)
      .map((p) => relative(src, p))
      .filter((rel) => rel !== 'policy.ts')
      .flatMap((rel) => {
        const text = readFileSync(join(src, rel), 'utf8');
        return patterns.filter((re) => re.test(text)).map((re) => `${rel}: ${re.source}`);
      });
    expect(offenders).toEqual([]);
  });
});
