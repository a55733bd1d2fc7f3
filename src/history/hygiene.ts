/**
 * Baseline hygiene: a run whose gate failed must not become the baseline (or a history entry) of the
 * runs after it, or one bad run on the main branch becomes the new normal and hides its own regression
 * from every later comparison. Every EvalResult records the verdict of its own gate (`gate`); a later
 * run accepts it only when that verdict is among `baseline_verdicts`.
 */
import type { EvalResult, Report, ResultGate, Verdict } from '../types.js';

/** Why a stored result may not serve as baseline; undefined when it may. */
export function refusedAsBaseline(result: EvalResult, accepted: readonly Verdict[]): string | undefined {
  // Results of versions before the verdict was recorded (or never gated) carry none: nothing to judge.
  const verdict = result.gate?.verdict;
  if (verdict === undefined || accepted.includes(verdict)) return undefined;
  return `verdict ${verdict}`;
}

/** What this run's result records about its own gate. */
export function resultGateOf(report: Report): ResultGate {
  const waived = (report.waivers ?? []).reduce((n, w) => n + w.waived, 0);
  const gate: ResultGate = { verdict: report.verdict, waived };
  if (report.profile) gate.profile = report.profile;
  return gate;
}
