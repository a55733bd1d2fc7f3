/**
 * Statuses and the verdict: multiple-testing correction over the gated rows, then each row's status
 * from its threshold check and adjusted p-value, then the run's verdict from the statuses.
 */
import { benjaminiHochberg, holm } from '../stats/index.js';
import type { Comparison, Report } from '../types.js';
import { fmt, type Row } from './row.js';

/**
 * Multiple-testing correction over the gated rows (`holm` overall, `bh` for slices), then the status of
 * every row: regressed/warn only when a threshold is exceeded and the change is significant.
 */
export function decide(rows: Row[], alpha: number | null, correction: 'holm' | 'bh'): void {
  const gated = rows.filter((r) => r.cmp.gated && r.bad !== null);
  if (alpha !== null) {
    const withP = gated.filter((r) => r.cmp.test?.p_value !== null && r.cmp.test?.p_value !== undefined);
    const ps = withP.map((r) => r.cmp.test!.p_value as number);
    const adj = correction === 'holm' ? holm(ps) : benjaminiHochberg(ps);
    withP.forEach((r, i) => (r.cmp.p_adjusted = adj[i]));
  }
  for (const r of rows) {
    const c = r.cmp;
    if (['waived', 'skipped', 'missing', 'new'].includes(c.status) && !r.absolute) {
      if (c.status === 'missing' && c.gated) {
        c.status = 'warn';
        if (!c.reason || c.reason === 'in the baseline but not in this run') {
          c.reason = 'gated metric is in the baseline but not in this run';
        }
      }
      continue;
    }
    if (r.absolute && c.gated) {
      c.status = c.severity === 'fail' ? 'regressed' : 'warn';
      c.reason = r.absolute;
      continue;
    }
    if (r.bad === null) continue;
    const p = c.test?.p_value ?? null;
    const pAdj = c.p_adjusted ?? null;
    const pText = p !== null ? `p=${fmtP(p)}${pAdj !== null ? `, adjusted ${fmtP(pAdj)}` : ''}` : '';
    if (c.gated && r.exceeds) {
      if (alpha === null || pAdj === null) {
        c.status = c.severity === 'fail' ? 'regressed' : 'warn';
        if (alpha !== null && pAdj === null)
          c.reason += '; no significance test possible (no standard errors), threshold alone decides';
        else if (pText) c.reason += ` (${pText})`;
      } else if (pAdj < alpha) {
        c.status = c.severity === 'fail' ? 'regressed' : 'warn';
        c.reason += `, significant (${pText} < ${alpha})`;
      } else {
        c.status = 'unchanged';
        c.reason += `, but not significant (${pText} ≥ ${alpha}): within noise`;
      }
      continue;
    }
    // Not a regression: improved when the change is in the good direction beyond noise.
    // Improved only beyond noise: the CI of the difference excludes 0 on the good side; with no CI at all
    // (pre-aggregated metrics without standard errors) any change in the good direction counts.
    const ci = c.test?.ci_delta ?? null;
    const good = ci === null ? true : c.direction === 'higher' ? ci[0] > 0 : ci[1] < 0;
    if (r.bad < 0 && good) {
      c.status = 'improved';
      c.reason = `better by ${fmt(-r.bad)}`;
    } else {
      c.status = 'unchanged';
      if (!c.reason) {
        c.reason =
          r.bad > 0
            ? `worse by ${fmt(r.bad)}${c.gated ? ', within the allowed threshold' : ' (not gated)'}`
            : r.bad < 0
              ? `better by ${fmt(-r.bad)}, within noise`
              : 'no change';
      }
    }
  }
}

/**
 * The verdict and its counts: fail on any regression (absolute floors/ceilings need no baseline, so
 * they fail the gate even without one), else warn on any warning, else pass (no-baseline without one).
 */
export function verdictOf(
  all: Comparison[],
  hasBaseline: boolean,
): { verdict: Report['verdict']; regressions: number; warnings: number } {
  const regressions = all.filter((c) => c.status === 'regressed').length;
  const warnings = all.filter((c) => c.status === 'warn').length;
  const verdict: Report['verdict'] = !hasBaseline
    ? regressions > 0
      ? 'fail'
      : 'no-baseline'
    : regressions > 0
      ? 'fail'
      : warnings > 0
        ? 'warn'
        : 'pass';
  return { verdict, regressions, warnings };
}

function fmtP(p: number): string {
  // An exact tail this small underflows to 0 in float64; say so rather than print "0".
  if (p < 1e-300) return '< 1e-300';
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}
