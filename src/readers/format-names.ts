/**
 * The registry's format names, in registry order, without loading any reader: `--help` lists them while
 * the CLI keeps the engine out of its start-up. test/readers/registry.test.ts keeps this equal to FORMATS.
 */
export const FORMAT_NAMES = [
  'eval-result',
  'inspect-ai',
  'promptfoo',
  'mteb',
  'mteb-model-meta',
  'helm-stats',
  'helm-per-instance',
  'helm-run-spec',
  'helm-scenario',
  'helm-scenario-state',
  'lm-eval',
  'lm-eval-samples',
  'openai-evals',
  'olmo-eval',
  'olmo-eval-predictions',
  'hf-trainer',
  'parquet',
  'jsonl',
  'json-records',
  'csv',
  'tsv',
  'metric-map',
  'metric-map-yaml',
] as const;
