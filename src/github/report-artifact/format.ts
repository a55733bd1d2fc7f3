/** The report artifact's contract: its name, the files it holds, their size bounds and `pr.json`. */
import type { Conclusion, FailOn, MissingPolicy } from '../../policy.js';

/** File names inside the report artifact. */
export const REPORT_FILES = { markdown: 'report.md', json: 'report.json', meta: 'pr.json' } as const;

/** Upper bound on what publish mode reads from the untrusted artifact. */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;
/** Upper bound on `pr.json` (a few short fields). */
export const MAX_META_BYTES = 64 * 1024;

/** Name of the report artifact for a results artifact name. */
export function reportArtifactName(artifactName: string): string {
  return `${artifactName}-report`;
}

/** `pr.json`: what the gate knew about the PR when it ran. */
export interface ReportArtifactMeta {
  schema: 'evalgate/pr-report';
  version: 1;
  pr_number: number;
  head_sha: string;
  gate_id: string;
  conclusion: Conclusion;
  run_id: number;
  /** The gate's `fail-on`: with the verdict, it decides the conclusion. */
  fail_on?: FailOn;
  /** The gate's missing-baseline policy (`on-missing-baseline`, or the config's). */
  on_missing_baseline?: MissingPolicy;
}
