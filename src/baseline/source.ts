/**
 * Where a baseline comes from, behind one small interface: an earlier workflow run's artifact
 * (src/github/baseline.ts) or a local file or folder (below). Both answer with the result and a
 * sentence saying which baseline it is and why — or none, with the reason.
 */
import type { BaselineInfo, EvalResult } from '../types.js';

/** A baseline, or none with the reason. `L` is what the loader returns (at least the EvalResult). */
export type BaselineLookup<L extends { result: EvalResult } = { result: EvalResult }> =
  (L & { info: BaselineInfo }) | { result: null; info: BaselineInfo };

/** Where a baseline comes from (an earlier run's artifact, a local path, …). */
export interface BaselineSource<L extends { result: EvalResult } = { result: EvalResult }> {
  find(): Promise<BaselineLookup<L>>;
}

/** A baseline from local files or folders (`baseline-path`, or the CLI's `--baseline`). */
export class LocalPathBaselineSource<L extends { result: EvalResult }> implements BaselineSource<L> {
  constructor(
    private readonly paths: string[],
    private readonly load: (paths: string[]) => Promise<L>,
    private readonly reason: string,
  ) {}

  async find(): Promise<BaselineLookup<L>> {
    return {
      ...(await this.load(this.paths)),
      info: { source: 'path', path: this.paths.join(', '), reason: this.reason },
    };
  }
}
