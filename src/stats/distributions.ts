/**
 * Distribution functions the tests need, in double precision, gathered from their one-job files:
 * - standard normal cdf/sf/pdf/quantile (normal.ts);
 * - exact binomial pmf/tails (binomial.ts);
 * - gamma/beta functions and Student t cdf/quantile (student-t.ts).
 */
export { normalCdf, normalPdf, normalQuantile, normalSf, Z975 } from './normal.js';
export { binomialCdf, binomialLogPmf, binomialPmf, binomialSf } from './binomial.js';
export {
  gamma,
  incompleteBeta,
  lbeta,
  lgamma,
  studentTCdf,
  studentTQuantile,
  studentTSf,
} from './student-t.js';
