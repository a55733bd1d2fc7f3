/**
 * How the two runs' examples pair up (per-example records and per-example scores), and the notes that
 * tell the reader when a comparison is unpaired or rests on a partial overlap.
 */
import { pairDatasets, pairScores, type Pairing } from '../stats/index.js';
import type { GateInput } from './input.js';

/**
 * The pairing of the two runs' datasets when both have one of the same task (else undefined), plus
 * notes on the pairing, the current run's own notes and the per-example score pairing, in that order.
 */
export function pairRuns(input: GateInput): { pairing: Pairing | undefined; notes: string[] } {
  const { current, baseline } = input;
  const notes: string[] = [];
  let pairing: Pairing | undefined;
  const canPair =
    input.currentData !== undefined &&
    input.baselineData !== undefined &&
    input.currentData.task === input.baselineData.task;
  if (canPair) {
    pairing = pairDatasets(input.baselineData!, input.currentData!);
    const info = pairing.info;
    if (!info.paired) {
      notes.push(
        'Baseline and current share no example ids: unpaired comparison (independent standard errors).',
      );
    } else if (info.overlap_ratio < 0.95) {
      notes.push(
        `Only ${info.overlap} of ${Math.max(info.n_baseline, info.n_current)} example ids are in both runs (${(info.overlap_ratio * 100).toFixed(1)}%): paired tests use the overlap.`,
      );
    }
  } else if (baseline && (input.currentData || input.baselineData)) {
    notes.push('Only one run has per-example records: unpaired comparison (independent standard errors).');
  }

  notes.push(...(current.notes ?? []));
  // Per-example scores of pre-scored metrics (e.g. lm-eval samples) pair by id like records do.
  if (baseline?.scores && current.scores) {
    for (const [name, col] of Object.entries(current.scores)) {
      const b = baseline.scores[name];
      if (!b) continue;
      const { overlap } = pairScores(b, col);
      const total = Math.max(b.ids.length, col.ids.length);
      if (overlap === 0) notes.push(`${name}: the runs share no example ids; unpaired comparison.`);
      else if (overlap < 0.95 * total)
        notes.push(
          `${name}: only ${overlap} of ${total} example ids are in both runs; the paired test uses those.`,
        );
    }
  }
  return { pairing, notes };
}
