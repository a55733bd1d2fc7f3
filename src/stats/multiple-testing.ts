/**
 * Multiple-comparison adjustment of p-values. `null` entries (tests that could not be run) pass
 * through and do not count towards the number of hypotheses m.
 */

function collect(p: readonly (number | null)[]): { idx: number[]; vals: number[] } {
  const idx: number[] = [];
  const vals: number[] = [];
  p.forEach((v, i) => {
    if (v !== null && !Number.isNaN(v)) {
      idx.push(i);
      vals.push(v);
    }
  });
  return { idx, vals };
}

/**
 * Holm (1979) step-down adjusted p-values, controlling the family-wise error rate under any dependence:
 * with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎). Rejecting p̃ < α is Holm's
 * procedure at level α. Monotone in the raw p-values and capped at 1.
 */
export function holm(p: readonly (number | null)[]): (number | null)[] {
  const out: (number | null)[] = p.map(() => null);
  const { idx, vals } = collect(p);
  const m = vals.length;
  const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b] || a - b);
  let running = 0;
  order.forEach((o, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * vals[o]));
    out[idx[o]] = running;
  });
  return out;
}

/**
 * Benjamini–Hochberg (1995) adjusted p-values ("q-values"), controlling the false discovery rate for
 * independent or positively dependent tests: p̃₍ᵢ₎ = min_{j ≥ i} min(1, m·p₍ⱼ₎ / j). Used across slices,
 * where many comparisons are expected and a few false flags are acceptable.
 */
export function benjaminiHochberg(p: readonly (number | null)[]): (number | null)[] {
  const out: (number | null)[] = p.map(() => null);
  const { idx, vals } = collect(p);
  const m = vals.length;
  const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b] || a - b);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const o = order[rank];
    // m/j ≥ 1, so an adjusted p is never below the raw one; max() removes a last-bit rounding residue.
    running = Math.min(running, Math.max(vals[o], Math.min(1, (m * vals[o]) / (rank + 1))));
    out[idx[o]] = running;
  }
  return out;
}
