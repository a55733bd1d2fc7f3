import { describe, expect, test } from 'vitest';
import { applyWaivers } from '../../src/history/waivers.js';
import { refusedAsBaseline, resultGateOf } from '../../src/history/hygiene.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { EvalResult } from '../../src/types.js';
import { plain } from '../e2e/scenario.js';
import { report, row } from './helpers.js';

const now = new Date('2026-12-02T01:00:00Z');
const failing = () =>
  report([
    row('accuracy', { current: 0.85, status: 'regressed', reason: 'worse by 0.05 > max_regression 0.01' }),
    row('f1', { current: 0.88, status: 'warn', severity: 'warn', reason: 'worse by 0.02' }),
    row('accuracy', {
      slice: { field: 'lang', value: 'de' },
      current: 0.8,
      status: 'regressed',
      reason: 'slice',
    }),
    row('auc'),
  ]);

describe('waivers', () => {
  test('a config waiver waives its metric (overall only unless a slice is named) until its expiry day', () => {
    const r = failing();
    applyWaivers(r, {
      config: [{ metric: 'accuracy', reason: 'new tokenizer, accepted', expires: '2026-12-02' }],
      now,
    });
    expect(r.comparisons.map((c) => c.status)).toEqual(['waived', 'warn', 'regressed', 'unchanged']);
    expect(r.comparisons[0].reason).toBe(
      'waived (config, until 2026-12-02): new tokenizer, accepted; was: worse by 0.05 > max_regression 0.01',
    );
    expect(r.verdict).toBe('fail'); // the slice still regresses
    expect(r.waivers).toEqual([
      {
        kind: 'config',
        metric: 'accuracy',
        reason: 'new tokenizer, accepted',
        expires: '2026-12-02',
        applied: true,
        waived: 1,
      },
    ]);
    const s = failing();
    applyWaivers(s, {
      config: [
        { metric: 'accuracy', reason: 'a', expires: '2027-01-01' },
        { metric: 'accuracy', slice: { field: 'lang', value: 'de' }, reason: 'b', expires: '2027-01-01' },
      ],
      now,
    });
    expect(s.verdict).toBe('warn');
    expect(s.regressions).toBe(0);
    expect(s.warnings).toBe(1);
  });

  test('an expired waiver stops applying and says so; until_baseline ties it to one baseline commit', () => {
    const r = failing();
    applyWaivers(r, {
      config: [
        { metric: 'accuracy', reason: 'old', expires: '2026-12-01' },
        { metric: 'f1', reason: 'x', expires: '2027-01-01', untilBaseline: '0123456' },
      ],
      now,
    });
    expect(r.verdict).toBe('fail');
    expect(r.waivers!.map((w) => w.inactive)).toEqual([
      'expired on 2026-12-01',
      'accepted against baseline 0123456; the baseline is now abcdef1',
    ]);
    const md = plain(renderMarkdown(r));
    expect(md).toContain(
      '⌛ **Waiver** for **accuracy** no longer applies: expired on 2026-12-01 (reason was “old”).',
    );
    const t = failing();
    applyWaivers(t, {
      config: [{ metric: 'f1', reason: 'x', expires: '2027-01-01', untilBaseline: 'abcdef1' }],
      now,
    });
    expect(t.comparisons[1].status).toBe('waived');
  });

  test('the PR label waives every flagged row; the audit line names who added it and when, without pinging', () => {
    const r = failing();
    applyWaivers(r, {
      config: [],
      label: { label: 'evalgate:accept-regression', actor: 'alice', at: '2026-12-01T14:03:09Z' },
      now,
    });
    expect(r.verdict).toBe('pass');
    expect(r.regressions).toBe(0);
    expect(r.comparisons.filter((c) => c.status === 'waived')).toHaveLength(3);
    const md = renderMarkdown(r);
    expect(md).toContain('@\u200balice');
    expect(plain(md)).toContain(
      '💤 **Waiver** by label `evalgate:accept-regression`, added by @alice on 2026-12-01 14:03 UTC: 3 rows waived.',
    );
    expect(plain(md)).toMatch(/^### ✅ \*\*Pass\*\* · evalgate — 3 waived/m);
    expect(resultGateOf(r)).toEqual({ verdict: 'pass', waived: 3 });
  });

  test('waiving rows keeps what the settings add: an inconclusive row under on_inconclusive fail or warn', () => {
    for (const [policy, verdict] of [
      ['fail', 'fail'],
      ['warn', 'warn'],
      ['pass', 'pass'],
    ] as const) {
      const r = failing();
      r.comparisons.push(row('recall', { status: 'inconclusive', reason: 'worse, not confirmed' }));
      r.settings.on_inconclusive = policy;
      applyWaivers(r, { config: [], label: { label: 'evalgate:accept-regression' }, now });
      expect(r.verdict).toBe(verdict);
    }
  });

  test('baseline hygiene: a recorded verdict outside baseline_verdicts refuses the result', () => {
    const res = { gate: { verdict: 'fail', waived: 0 } } as unknown as EvalResult;
    expect(refusedAsBaseline(res, ['pass', 'warn', 'no-baseline'])).toBe('verdict fail');
    expect(refusedAsBaseline(res, ['pass', 'warn', 'fail'])).toBeUndefined();
    expect(refusedAsBaseline({} as EvalResult, ['pass'])).toBeUndefined();
  });
});
