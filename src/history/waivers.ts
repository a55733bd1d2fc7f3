/**
 * Waivers with a paper trail. A team that accepts a known regression says so where it is recorded: a
 * PR label (who added it and when comes from the issue events API) or a config entry with a reason and
 * an expiry date. A waiver turns flagged rows (regressed, warn, drifted) into `waived`; every waiver
 * considered is listed in the report with its audit line, and one that no longer applies (expired,
 * accepted against another baseline) says why instead of silently applying.
 */
import type { WaiverConfig } from '../config/load.js';
import { FLAGGED_STATUSES } from '../policy.js';
import type { Comparison, Report, WaiverAudit } from '../types.js';
import { settleVerdict } from './verdict.js';

/** The waiver label found on the pull request. */
export interface LabelWaiver {
  label: string;
  /** Who added it last (issue events API); undefined when the events could not be read. */
  actor?: string;
  /** When (ISO 8601). */
  at?: string;
}

/** What waivers apply to a report. */
export interface WaiverInput {
  config: WaiverConfig[];
  label?: LabelWaiver;
  /** Today (UTC): a waiver applies up to and including its `expires` day. */
  now: Date;
}

const FLAGGED = new Set<string>(FLAGGED_STATUSES);

function sameSlice(c: Comparison, w: WaiverConfig): boolean {
  if (!w.slice) return !c.slice;
  return c.slice?.field === w.slice.field && c.slice.value === w.slice.value;
}

function waive(c: Comparison, why: string): void {
  const was = c.reason ? `; was: ${c.reason}` : '';
  c.status = 'waived';
  c.reason = `waived ${why}${was}`;
}

/** Why a config waiver does not apply to this run; undefined when it does. */
function inactive(w: WaiverConfig, report: Report, today: string): string | undefined {
  if (today > w.expires) return `expired on ${w.expires}`;
  if (w.untilBaseline) {
    const commit = report.baseline.commit?.toLowerCase();
    if (!commit) return `accepted against baseline ${w.untilBaseline}, and this run has no baseline commit`;
    if (!commit.startsWith(w.untilBaseline))
      return `accepted against baseline ${w.untilBaseline.slice(0, 7)}; the baseline is now ${commit.slice(0, 7)}`;
  }
  return undefined;
}

/** Applies the waivers to the report's rows and drift results, records the audit, settles the verdict. */
export function applyWaivers(report: Report, input: WaiverInput): void {
  const today = input.now.toISOString().slice(0, 10);
  const audits: WaiverAudit[] = [];
  for (const w of input.config) {
    const audit: WaiverAudit = {
      kind: 'config',
      metric: w.metric,
      reason: w.reason,
      expires: w.expires,
      applied: false,
      waived: 0,
    };
    if (w.slice) audit.slice = w.slice;
    if (w.untilBaseline) audit.until_baseline = w.untilBaseline;
    const off = inactive(w, report, today);
    if (off) audit.inactive = off;
    else {
      for (const c of report.comparisons) {
        if (c.metric !== w.metric || !sameSlice(c, w) || !FLAGGED.has(c.status)) continue;
        waive(c, `(config, until ${w.expires}): ${w.reason}`);
        audit.waived++;
      }
      audit.applied = audit.waived > 0;
    }
    audits.push(audit);
  }
  if (input.label) {
    const l = input.label;
    const audit: WaiverAudit = { kind: 'label', label: l.label, applied: false, waived: 0 };
    if (l.actor) audit.actor = l.actor;
    if (l.at) audit.at = l.at;
    const by = l.actor ? ` added by @${l.actor}` : '';
    for (const c of report.comparisons) {
      if (!FLAGGED.has(c.status)) continue;
      waive(c, `(label ${l.label}${by})`);
      audit.waived++;
    }
    audit.applied = audit.waived > 0;
    audits.push(audit);
  }
  for (const d of report.drift ?? []) {
    const row = report.comparisons.find((c) => !c.slice && c.metric === d.metric);
    if (d.drifted && row?.status === 'waived') d.waived = true;
  }
  if (audits.length) report.waivers = audits;
  settleVerdict(report);
}
