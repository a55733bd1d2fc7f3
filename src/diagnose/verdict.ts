/**
 * Statuses and the verdict: multiple-testing correction over the gated rows, then each row's status
 * from its threshold check and adjusted p-value, then the run's verdict from the statuses.
 */
import { benjaminiHochberg, holm } from '../stats/index.js';
import { minimumDetectableEffect } from '../stats/margin.js';
import type { SetupChangePolicy } from '../policy.js';
import type { Comparison, Report } from '../types.js';
import { fmt, UNTESTED_TOLERANCE_PCT, type Row } from './row.js';

/**
 * Multiple-testing correction over the gated rows (`holm` overall, `bh` for slices), then the status of
 * every row (docs/statistics.md, "From tests to statuses"):
 * - `regressed` (or `warn` for severity warn) when the margin test of H0 "worse by at most the
 *   tolerance t" rejects after the correction — or, for a metric without any test, when a configured
 *   threshold is exceeded (it decides alone) or, without one, when the worsening exceeds
 *   UNTESTED_TOLERANCE_PCT of the baseline;
 * - `inconclusive` when the worsening exceeds t but the test does not reject (with the minimum
 *   detectable effect), or when an untested metric without threshold got worse within the default;
 * - `improved` / `unchanged` otherwise.
 * With `significance: null` thresholds alone decide. Returns the number of tests in the family (m).
 */
export function decide(rows: Row[], alpha: number | null, correction: 'holm' | 'bh'): number {
  const gated = rows.filter((r) => r.cmp.gated && r.bad !== null);
  let m = 1;
  if (alpha !== null) {
    const withP = gated.filter((r) => r.cmp.test?.p_value !== null && r.cmp.test?.p_value !== undefined);
    const ps = withP.map((r) => r.cmp.test!.p_value as number);
    const adj = correction === 'holm' ? holm(ps) : benjaminiHochberg(ps);
    withP.forEach((r, i) => (r.cmp.p_adjusted = adj[i]));
    m = Math.max(1, withP.length);
    // MDE at the strictest step of either procedure (α/m): what this family could detect for sure.
    for (const r of withP) {
      if (r.tolerance === null) continue;
      const t = r.cmp.test!;
      // A discrete test whose smallest attainable p is not below α/m can confirm nothing on this data
      // (e.g. two documents changed): no finite MDE would be honest.
      r.cmp.mde =
        t.min_p !== undefined && t.min_p >= alpha / m
          ? null
          : minimumDetectableEffect(t.se ?? null, alpha / m, 0.8, t.df);
    }
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
    const bad = r.bad;
    const fail = () => (c.status = c.severity === 'fail' ? 'regressed' : 'warn');
    if (c.gated && r.tolerance !== null) {
      const t = r.tolerance;
      const p = c.test?.p_value ?? null;
      const pAdj = c.p_adjusted ?? null;
      const pText =
        p !== null ? `p=${fmtP(p)}${pAdj !== null && pAdj !== p ? `, adjusted ${fmtP(pAdj)}` : ''}` : '';
      const bound = boundText(c);
      if (alpha === null) {
        if (r.exceeds) {
          fail();
          c.reason += pText ? ` (${pText}; thresholds alone decide)` : ' (thresholds alone decide)';
          continue;
        }
      } else if (pAdj !== null) {
        if (pAdj < alpha) {
          fail();
          c.reason = `worse by ${fmt(bad)}${t > 0 ? ` > tolerance ${fmt(t)}` : ''}, significant (${pText} < ${alpha}${bound})`;
          continue;
        }
        if (r.exceeds) {
          c.status = 'inconclusive';
          const mde = c.mde ?? null;
          c.reason =
            `worse by ${fmt(bad)}${t > 0 ? ` > tolerance ${fmt(t)}` : ''}, not confirmed (${pText} ≥ ${alpha}${bound})` +
            (mde !== null
              ? `: at this n only a worsening ≥ ${fmt(t + mde)} is detectable (80% power)`
              : c.test?.min_p !== undefined
                ? `: too few examples changed for any test result below ${fmtP(alpha / m)} (smallest attainable p ${fmtP(c.test.min_p)})`
                : '');
          continue;
        }
      } else if (r.exceeds) {
        const why = c.test?.reason
          ? `no significance test (${c.test.reason})`
          : 'no significance test possible';
        if (!r.implicit) {
          fail();
          c.reason += `; ${why}: the threshold alone decides`;
        } else {
          const base = c.baseline ?? 0;
          const limit = (UNTESTED_TOLERANCE_PCT / 100) * Math.abs(base);
          if (bad > limit) {
            fail();
            c.reason = `worse by ${fmt(bad)} > ${UNTESTED_TOLERANCE_PCT}% of the baseline (${fmt(limit)}), the default tolerance of a metric without threshold or standard error; ${why}`;
          } else {
            c.status = 'inconclusive';
            c.reason = `worse by ${fmt(bad)}, untested: ${why}; within the default ${UNTESTED_TOLERANCE_PCT}% tolerance (${fmt(limit)})`;
          }
        }
        continue;
      }
    }
    // Not a regression: improved when the change is in the good direction beyond noise.
    // Improved only beyond noise: the CI of the difference excludes 0 on the good side; with no CI at all
    // (pre-aggregated metrics without standard errors) any change in the good direction counts.
    const ci = c.test?.ci_delta ?? null;
    const good = ci === null ? true : c.direction === 'higher' ? ci[0] > 0 : ci[1] < 0;
    if (bad < 0 && good) {
      c.status = 'improved';
      c.reason = `better by ${fmt(-bad)}`;
    } else {
      c.status = 'unchanged';
      c.reason =
        bad > 0
          ? `worse by ${fmt(bad)}${c.gated ? (r.tolerance !== null && r.tolerance > 0 ? `, within the tolerance ${fmt(r.tolerance)}` : ', within the allowed threshold') : ' (not gated)'}`
          : bad < 0
            ? `better by ${fmt(-bad)}, within noise`
            : 'no change';
    }
  }
  return alpha === null ? 0 : gated.filter((r) => r.cmp.p_adjusted != null).length;
}

/** "; 95% bound ≤ −0.012": the one-sided bound of the change from the same test, when there is one. */
function boundText(c: Comparison): string {
  const b = c.test?.bound;
  if (b === null || b === undefined || !Number.isFinite(b)) return '';
  const level = Math.round((1 - (c.test?.alpha ?? 0.05)) * 100);
  return `; ${level}% bound: Δ ${c.direction === 'higher' ? '≤' : '≥'} ${fmt(b)}`;
}

/**
 * The verdict and its counts: fail on any regression (absolute floors/ceilings need no baseline, so
 * they fail the gate even without one), else warn on any warning, else pass (no-baseline without one).
 * Inconclusive comparisons count as `onInconclusive` says (default pass: a green check, but the report
 * names them); `setupChange` is the `on_setup_change` policy when the eval setup changed (undefined when
 * it did not): `fail` fails the gate, `warn` warns at least. Drifted rows (nightly history) count as
 * regressions or warnings by their severity. The one place these rules live: diagnosis and the recount
 * after waivers and drift (history/verdict.ts) both call it.
 */
export function verdictOf(
  all: Comparison[],
  hasBaseline: boolean,
  onInconclusive: 'pass' | 'warn' | 'fail' = 'pass',
  setupChange?: SetupChangePolicy,
): { verdict: Report['verdict']; regressions: number; warnings: number; inconclusive: number } {
  const regressions = all.filter(
    (c) => c.status === 'regressed' || (c.status === 'drifted' && c.severity === 'fail'),
  ).length;
  const warnings = all.filter(
    (c) => c.status === 'warn' || (c.status === 'drifted' && c.severity === 'warn'),
  ).length;
  const inconclusive = all.filter((c) => c.status === 'inconclusive').length;
  const failing =
    regressions > 0 || (onInconclusive === 'fail' && inconclusive > 0) || setupChange === 'fail';
  const warning = warnings > 0 || (onInconclusive === 'warn' && inconclusive > 0) || setupChange === 'warn';
  const verdict: Report['verdict'] = !hasBaseline
    ? regressions > 0
      ? 'fail'
      : 'no-baseline'
    : failing
      ? 'fail'
      : warning
        ? 'warn'
        : 'pass';
  return { verdict, regressions, warnings, inconclusive };
}

function fmtP(p: number): string {
  // An exact tail this small underflows to 0 in float64; say so rather than print "0".
  if (p < 1e-300) return '< 1e-300';
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}
