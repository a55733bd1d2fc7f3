/**
 * How the two runs' examples pair up (per-example records, per-example scores and per-document corpus
 * items), and the notes that tell the reader when a comparison is unpaired or rests on the examples the
 * two runs share (an eval set that changed, or a `--limit` run against a full one).
 */
import { pairDatasets, type Pairing } from '../stats/index.js';
import type { GateInput } from './input.js';

/** "Eval set changed: 12 ids added, 3 removed; compared on the 985 shared ids" (no final stop). */
export function evalSetChange(nBaseline: number, nCurrent: number, shared: number): string {
  const added = nCurrent - shared;
  const removed = nBaseline - shared;
  return `Eval set changed: ${added} id${added === 1 ? '' : 's'} added, ${removed} removed; compared on the ${shared} shared id${shared === 1 ? '' : 's'}`;
}

/** At most three names, then "and N more". */
function names(list: string[]): string {
  return list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ');
}

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
    } else if (info.overlap < info.n_baseline || info.overlap < info.n_current) {
      notes.push(`${evalSetChange(info.n_baseline, info.n_current, info.overlap)}.`);
    }
  } else if (baseline && (input.currentData || input.baselineData)) {
    notes.push('Only one run has per-example records: unpaired comparison (independent standard errors).');
  }

  notes.push(...(current.notes ?? []));
  // Per-example scores of pre-scored metrics (e.g. lm-eval samples) and per-document corpus items pair
  // by id like records do. Metrics of one task share their ids: one note per distinct change, naming
  // the metrics only when the changes differ between them.
  if (baseline) {
    const disjoint: string[] = [];
    const changed = new Map<string, { text: string; metrics: string[] }>();
    let columns = 0;
    const look = (name: string, b: { ids: string[] }, c: { ids: string[] }) => {
      columns++;
      const bs = new Set(b.ids);
      const cs = new Set(c.ids);
      let shared = 0;
      for (const id of cs) if (bs.has(id)) shared++;
      const nb = bs.size;
      const nc = cs.size;
      if (shared === 0) disjoint.push(name);
      else if (shared < nb || shared < nc) {
        const text = evalSetChange(nb, nc, shared);
        const g = changed.get(text) ?? { text, metrics: [] };
        g.metrics.push(name);
        changed.set(text, g);
      }
    };
    for (const [name, col] of Object.entries(current.scores ?? {}))
      if (baseline.scores?.[name]) look(name, baseline.scores[name], col);
    for (const [name, col] of Object.entries(current.corpus ?? {}))
      if (baseline.corpus?.[name] && !current.scores?.[name]) look(name, baseline.corpus[name], col);
    if (disjoint.length)
      notes.push(`${names(disjoint)}: the runs share no example ids; unpaired comparison.`);
    for (const g of changed.values()) {
      // The records' note already says it when every column changed the same way.
      const all = changed.size === 1 && g.metrics.length === columns && disjoint.length === 0;
      if (all && notes.includes(`${g.text}.`)) continue;
      notes.push(all ? `${g.text}.` : `${g.text} (${names(g.metrics)}).`);
    }
  }
  return { pairing, notes };
}
