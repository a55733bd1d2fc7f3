/** Deterministic synthetic eval data for tests (no Math.random: every run sees the same numbers). */

/** mulberry32: tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BinaryRow {
  id: string;
  label: number;
  prediction: number;
  probabilities: number;
  language: string;
}

/**
 * A binary classifier's outputs on n examples. `difficulty` is shared between runs made with the same
 * `dataSeed`, so two runs of similar skill have correlated errors (nearby checkpoints).
 */
export function binaryRun(
  n: number,
  skill: number,
  dataSeed: number,
  runSeed: number,
  skillByLang?: Record<string, number>,
): BinaryRow[] {
  const data = rng(dataSeed);
  const run = rng(runSeed);
  const langs = ['en', 'de', 'fr', 'es'];
  const rows: BinaryRow[] = [];
  for (let i = 0; i < n; i++) {
    const label = data() < 0.5 ? 1 : 0;
    const difficulty = data();
    const language = langs[Math.floor(data() * langs.length)];
    const s = skillByLang?.[language] ?? skill;
    const correct = difficulty + (run() - 0.5) * 0.06 < s;
    const conf = correct ? 0.5 + 0.5 * run() : 0.5 * run();
    const p = label ? conf : 1 - conf;
    rows.push({
      id: `ex${i}`,
      label,
      prediction: p >= 0.5 ? 1 : 0,
      probabilities: Math.min(1, Math.max(0, p)),
      language,
    });
  }
  return rows;
}

export const toJsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
