// Generates the bundled example eval (a sentiment classifier, baseline vs a PR that regresses on German)
// deterministically, so `examples/` can be regenerated and reviewed: node scripts/make-examples.mjs
import { writeFileSync } from 'node:fs';

let s = 20261129;
const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const langs = ['en', 'en', 'en', 'de', 'fr', 'es'];
const pos = ['great', 'loved it', 'works perfectly', 'excellent value', 'would buy again', 'superb'];
const neg = [
  'broke after a week',
  'terrible',
  'waste of money',
  'never again',
  'disappointing',
  'awful support',
];
const n = 600;
const base = [];
const pr = [];
for (let i = 0; i < n; i++) {
  const language = langs[Math.floor(rand() * langs.length)];
  const label = rand() < 0.5 ? 1 : 0;
  const words = label ? pos : neg;
  const text = `${words[Math.floor(rand() * words.length)]} (${language} review ${i})`;
  // A latent difficulty shared by both models makes their errors correlated, as for two checkpoints.
  const difficulty = rand();
  const skillBase = 0.9;
  const skillPr = language === 'de' ? 0.72 : 0.9;
  const noise = () => (rand() - 0.5) * 0.1;
  const mk = (skill, latency) => {
    const correct = difficulty + noise() < skill;
    const p = correct ? 0.55 + 0.44 * rand() : 0.05 + 0.44 * rand();
    const prob = label ? p : 1 - p;
    return {
      id: `rev-${String(i).padStart(4, '0')}`,
      text,
      language,
      label,
      prediction: prob >= 0.5 ? 1 : 0,
      probabilities: Math.round(prob * 1e4) / 1e4,
      latency_ms: Math.round(latency * (0.8 + 0.4 * rand())),
    };
  };
  base.push(mk(skillBase, 42));
  pr.push(mk(skillPr, 43));
}
writeFileSync('examples/sentiment/baseline.jsonl', base.map((r) => JSON.stringify(r)).join('\n') + '\n');
writeFileSync('examples/sentiment/pr.jsonl', pr.map((r) => JSON.stringify(r)).join('\n') + '\n');
