/**
 * Time to a clear failure when GitHub does not answer (`npm run bench:faults`): the bundled action
 * (`dist/index.js`, build it first) runs a pull-request gate against the loopback fake GitHub while one
 * endpoint never answers, with the action's real defaults (30 s per request, one retry after a
 * timeout, `github-timeout-minutes: 10`). Prints the wall time of each scenario and the step's error;
 * no assertions on time. Takes a few minutes: each scenario waits out the real timeouts.
 */
import { FakeGitHub } from '../test/fake-github/index.js';
import { history, prStep, pushStep } from '../test/e2e/scenario.js';

/** Operations to hang, one scenario each (default: the compare endpoint, the worst case). */
const SCENARIOS = (process.env.BENCH_HANG ?? 'repos/compare-commits').split(',');

async function main(): Promise<void> {
  const fake = new FakeGitHub();
  await fake.start();
  try {
    for (const operation of SCENARIOS) {
      fake.reset();
      const h = history(fake);
      await pushStep(fake, h.wf, h.m2);
      fake.fail({ operation, status: 'hang' });
      const t0 = Date.now();
      const { step } = await prStep(fake, h.wf, h.f1, { timeoutMs: 15 * 60_000 });
      const s = (Date.now() - t0) / 1000;
      process.stdout.write(
        `${operation} hanging: step ended after ${s.toFixed(1)} s with exit code ${step.status}\n` +
          `  ${step.errors.join('\n  ') || step.warnings.join('\n  ')}\n`,
      );
    }
  } finally {
    await fake.stop();
  }
}

await main();
