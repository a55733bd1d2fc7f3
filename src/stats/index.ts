/**
 * Statistics engine: standard errors, bootstrap, paired tests and multiple-testing correction
 * (docs/statistics.md describes the methods and their references).
 */
export { Rng, deriveSeed } from './rng.js';
export {
  Z975,
  normalCdf,
  normalSf,
  normalPdf,
  normalQuantile,
  binomialPmf,
  binomialLogPmf,
  binomialSf,
  binomialCdf,
  studentTCdf,
  studentTSf,
  studentTQuantile,
  incompleteBeta,
  lgamma,
  lbeta,
} from './distributions.js';
export {
  meanStats,
  waldInterval,
  wilsonInterval,
  clusteredStderr,
  quantileSorted,
  quantileOrderInterval,
  percentileInterval,
  type MeanStats,
} from './intervals.js';
export { holm, benjaminiHochberg } from './multiple-testing.js';
export { placements, delongVariance, delongPaired, type Placements } from './delong.js';
export {
  CountResampler,
  resampleIndices,
  summarizeReplicates,
  bootstrapPValue,
  type ReplicateSummary,
} from './bootstrap.js';
export {
  mcnemarExact,
  pairedProportionCi,
  pairedTTest,
  pairedClusteredTest,
  zTestWorse,
  type PairedTResult,
} from './hypothesis.js';
export { DEFAULT_MAX_RESAMPLED_ROWS, MIN_EXAMPLE_RESAMPLES, exampleResamples } from './example-bootstrap.js';
export {
  withErrorBars,
  aucInterval,
  DEFAULT_BOOTSTRAP,
  WILSON_BELOW_N,
  type ErrorBarOptions,
} from './error-bars.js';
export { pairDatasets, type Pairing } from './pairing.js';
export { compareDatasets, compareMetric, unpairedTest, type CompareOptions } from './compare.js';
export { flippedExamples, type FlipOptions, type Flips } from './flipped.js';
export { scoreMetric, pairScores, compareScores } from './scores.js';
export { ovrAucWithVariance } from './delong-ovr.js';
