/**
 * Nightly and release gating through the bundled action against the fake GitHub: history and trend
 * charts, drift, the tracking issue, release profiles and notes, label waivers, baseline hygiene.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  pushPayload,
  releasePayload,
  schedulePayload,
  type FakeRun,
  type FakeWorkflow,
} from '../fake-github/index.js';
import { runStep, type StepResult } from './runner.js';
import { plain, prStep, REPO, useFake } from './scenario.js';

const fake = useFake();

const CONFIG = `metrics:
  accuracy: { max_regression: 0.01 }
`;

/** A workspace with `metrics.json` ({accuracy}) and the config. */
function ws(accuracy: number, config = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-ws-'));
  writeFileSync(join(dir, 'metrics.json'), JSON.stringify({ accuracy }));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github', 'evalgate.yml'), config);
  return dir;
}

/** An earlier run of the workflow whose results artifact holds `accuracy` and the recorded verdict. */
function earlierRun(
  wf: FakeWorkflow,
  accuracy: number,
  o: { event?: string; verdict?: string; sha?: string } = {},
): FakeRun {
  const sha = o.sha ?? fake.commitOn('main');
  const run = fake.addRun({ workflowId: wf.id, headSha: sha, event: o.event ?? 'schedule' });
  const result = {
    schema: 'evalgate/eval-result',
    version: 1,
    task: 'aggregate',
    n: null,
    metrics: { accuracy: { value: accuracy, n: null } },
    slices: {},
    sources: [{ file: 'metrics.json', format: 'metric-map' }],
    meta: { commit: sha, run_id: run.id },
    ...(o.verdict ? { gate: { verdict: o.verdict, waived: 0 } } : {}),
  };
  fake.addArtifact(run.id, 'evalgate-results', { 'evalgate-result.json': JSON.stringify(result) });
  return run;
}

/** A scheduled (or other branch event) run on main evaluating `accuracy`. */
async function branchStep(
  wf: FakeWorkflow,
  accuracy: number,
  o: { event?: string; config?: string; inputs?: Record<string, string> } = {},
): Promise<{ run: FakeRun; step: StepResult }> {
  const event = o.event ?? 'schedule';
  const sha = fake.commitOn('main');
  const run = fake.addRun({ workflowId: wf.id, headSha: sha, event, status: 'in_progress' });
  const step = await runStep({
    fake,
    run,
    event,
    payload:
      event === 'schedule' ? schedulePayload() : pushPayload(REPO, { ref: 'refs/heads/main', after: sha }),
    ref: 'refs/heads/main',
    sha,
    inputs: { current: 'metrics.json', comment: 'never', ...o.inputs },
    workspace: ws(accuracy, o.config),
  });
  fake.completeRun(run.id, step.status === 0 ? 'success' : 'failure');
  return { run, step };
}

describe('nightly', () => {
  test('a nightly with 6 earlier runs shows the Mermaid trend chart and the history, in the summary and the check', async () => {
    const wf = fake.addWorkflow('nightly', '.github/workflows/nightly.yml');
    const values = [0.9, 0.905, 0.91, 0.908, 0.912, 0.915];
    const earlier = values.map((v) => earlierRun(wf, v, { verdict: 'pass' }));
    // An expired artifact is left out and counted.
    fake.artifactsOf(earlierRun(wf, 0.5, { verdict: 'pass' }).id)[0].expired = true;
    const { step, run } = await branchStep(wf, 0.914);
    expect(step.status).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    const md = step.summary;
    expect(md).toContain('<details><summary>Trends: 6 earlier runs on `main` and this one</summary>');
    const nums = earlier.map((r) => `"#${r.runNumber}"`).join(', ');
    expect(md).toContain(
      ['```mermaid', 'xychart-beta', '    title "accuracy"', `    x-axis [${nums}, "this run"]`].join('\n'),
    );
    expect(md).toContain('    line [0.9, 0.905, 0.91, 0.908, 0.912, 0.915, 0.914]');
    const newest = earlier[earlier.length - 1];
    expect(md).toContain(
      `| [#${newest.runNumber}](https://github.com/acme/model/actions/runs/${newest.id}) |`,
    );
    expect(plain(md)).toContain('Left out of the history: 1 (artifact expired)');
    const check = fake.checkRuns.find((c) => c.headSha === run.headSha)!;
    expect(check.output.summary).toContain('xychart-beta');
    // One listing request for the history; the baseline's run is not downloaded twice.
    expect(fake.calls('actions/list-workflow-runs').length).toBeLessThanOrEqual(2);
    const downloads = fake.calls('actions/download-artifact').length;
    expect(downloads).toBe(6);
  }, 120_000);

  test('a slow slide fails drift while each step passes', async () => {
    const wf = fake.addWorkflow('nightly', '.github/workflows/nightly.yml');
    for (const v of [0.95, 0.945, 0.94, 0.935, 0.93, 0.925]) earlierRun(wf, v, { verdict: 'pass' });
    const config = `${CONFIG}drift: { window: 6, max_regression: 0.01, severity: fail }\n`;
    const { step } = await branchStep(wf, 0.92, { config });
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    const md = plain(step.summary);
    // Against the previous nightly: 0.005 worse, within max_regression 0.01.
    expect(md).toMatch(
      /drifted: accuracy down 0\.0175 \(−1\.9%\) over 6 earlier passing runs \(reference: median 0\.9375\) > drift max_regression 0\.01/,
    );
    expect(md).toContain('📉');
    const report = JSON.parse(
      (await import('node:fs')).readFileSync(step.outputs['report-path'], 'utf8'),
    ) as { comparisons: { metric: string; status: string; delta: number }[]; drift: { drifted: boolean }[] };
    const acc = report.comparisons.find((c) => c.metric === 'accuracy')!;
    expect(acc.status).toBe('drifted');
    expect(acc.delta).toBeCloseTo(-0.005, 10);
    expect(report.drift[0].drifted).toBe(true);
  }, 120_000);

  test('a failing nightly opens one tracking issue, a second comments on it, a passing one closes it', async () => {
    const wf = fake.addWorkflow('nightly', '.github/workflows/nightly.yml');
    earlierRun(wf, 0.9, { verdict: 'pass' });
    const first = await branchStep(wf, 0.8);
    expect(first.step.status).toBe(1);
    expect(fake.issues).toHaveLength(1);
    const issue = fake.issues[0];
    expect(fake.labels.get(issue.number)).toEqual(['evalgate-regression']);
    expect(issue.body!.startsWith('<!-- evalgate:tracking=evalgate%2Dresults -->\n')).toBe(true);
    expect(plain(issue.body!)).toContain(`failed in [run #${first.run.runNumber}]`);
    expect(first.step.outputs['tracking-issue-url']).toBe(
      `https://github.com/acme/model/issues/${issue.number}`,
    );

    const second = await branchStep(wf, 0.79);
    expect(second.step.status).toBe(1);
    expect(fake.issues).toHaveLength(1);
    expect(fake.commentsOn(issue.number)).toHaveLength(1);
    expect(plain(fake.commentsOn(issue.number)[0].body)).toContain(
      `failed again in [run #${second.run.runNumber}]`,
    );

    const third = await branchStep(wf, 0.9);
    expect(third.step.status).toBe(0);
    expect(fake.issues).toHaveLength(1);
    expect(issue.state).toBe('closed');
    expect(issue.stateReason).toBe('completed');
    expect(plain(fake.commentsOn(issue.number)[1].body)).toContain(
      `passes again in [run #${third.run.runNumber}]`,
    );
    expect(fake.calls('issues/create')).toHaveLength(1);
  }, 120_000);

  test('without issues: write, a warning names the permission and nothing else changes', async () => {
    const wf = fake.addWorkflow('nightly', '.github/workflows/nightly.yml');
    earlierRun(wf, 0.9, { verdict: 'pass' });
    const token = fake.addToken({ issues: 'read' });
    const sha = fake.commitOn('main');
    const run = fake.addRun({ workflowId: wf.id, headSha: sha, event: 'schedule', status: 'in_progress' });
    const step = await runStep({
      fake,
      run,
      event: 'schedule',
      payload: schedulePayload(),
      ref: 'refs/heads/main',
      sha,
      inputs: { current: 'metrics.json', comment: 'never' },
      workspace: ws(0.8),
      token,
    });
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(step.warnings.join('\n')).toMatch(/tracking issue: the token lacks `issues: write`/);
    expect(fake.issues).toHaveLength(0);
  }, 120_000);
});

describe('baseline hygiene', () => {
  test('a main-branch run with a fail verdict is skipped as a baseline', async () => {
    const wf = fake.addWorkflow('eval', '.github/workflows/pr-gate.yml');
    const good = await branchStep(wf, 0.9, { event: 'push' });
    expect(good.step.outputs.verdict).toBe('no-baseline');
    // A regressed push that does not fail its job (fail-on: never): a successful run with verdict fail.
    const bad = await branchStep(wf, 0.8, { event: 'push', inputs: { 'fail-on': 'never' } });
    expect(bad.step.status).toBe(0);
    expect(bad.step.outputs.verdict).toBe('fail');
    expect(JSON.parse(fake.filesOf(fake.artifactsOf(bad.run.id)[0])['evalgate-result.json']).gate).toEqual({
      verdict: 'fail',
      waived: 0,
    });
    const next = await branchStep(wf, 0.9, { event: 'push' });
    expect(next.step.outputs['baseline-run-id']).toBe(String(good.run.id));
    expect(next.step.outputs.verdict).toBe('pass');
    expect(plain(next.step.summary)).toContain(
      `previous successful run on main (run #${good.run.runNumber}, ${good.run.headSha.slice(0, 7)}, push); skipped run #${bad.run.runNumber} (verdict fail) as baseline (baseline-verdicts)`,
    );
    // Asked for, a failed run is a baseline again.
    const lax = await branchStep(wf, 0.9, {
      event: 'push',
      inputs: { 'baseline-verdicts': 'pass,warn,fail' },
    });
    expect(lax.step.outputs['baseline-run-id']).toBe(String(next.run.id));
  }, 120_000);
});

describe('waivers', () => {
  test('a labelled PR passes with an audit line naming the labeller', async () => {
    const wf = fake.addWorkflow('eval', '.github/workflows/pr-gate.yml');
    const m1 = fake.commitOn('main', 'm1');
    fake.branchAt('feature', m1);
    const f1 = fake.commitOn('feature', 'f1');
    earlierRun(wf, 0.9, { event: 'push', sha: m1, verdict: 'pass' });
    fake.addPull({ number: 7, headSha: f1, headRef: 'feature' });
    fake.addLabel(7, 'evalgate:accept-regression', 'alice');
    const { step } = await prStep(fake, wf, f1, { file: 'metrics-low.json' });
    expect(step.status).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    const body = fake.commentsOn(7)[0].body;
    expect(body).toContain('@\u200balice');
    expect(plain(body)).toMatch(
      /💤 \*\*Waiver\*\* by label `evalgate:accept-regression`, added by @alice on \d{4}-\d\d-\d\d \d\d:\d\d UTC: 1 row waived\./,
    );
    expect(fake.checkRuns.find((c) => c.headSha === f1)!.conclusion).toBe('success');
  }, 120_000);
});

describe('release', () => {
  test('a release run applies its profile, reports against the previous release and the default branch, and sets release-notes', async () => {
    const wf = fake.addWorkflow('release', '.github/workflows/release-gate.yml');
    const c1 = fake.commitOn('main', 'c1');
    const prevRun = earlierRun(wf, 0.9, { event: 'push', sha: c1, verdict: 'pass' });
    fake.addRelease({ tag: 'v1.0.0', sha: c1 });
    const mainRun = earlierRun(wf, 0.93, { event: 'push', verdict: 'pass' });
    const c3 = fake.commitOn('main', 'c3');
    fake.addRelease({ tag: 'v1.1.0', sha: c3 });
    const run = fake.addRun({
      workflowId: wf.id,
      headSha: c3,
      headBranch: 'v1.1.0',
      event: 'release',
      status: 'in_progress',
    });
    const config = `${CONFIG}profiles:
  release:
    metrics:
      accuracy: { max_regression: 0.05 }
    on_missing_baseline: fail
`;
    const step = await runStep({
      fake,
      run,
      event: 'release',
      payload: releasePayload(REPO, { tag: 'v1.1.0' }),
      ref: 'refs/tags/v1.1.0',
      sha: c3,
      inputs: { current: 'metrics.json', comment: 'never' },
      workspace: ws(0.92, config),
    });
    expect(step.status).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    expect(step.outputs['baseline-run-id']).toBe(String(prevRun.id));
    const md = plain(step.summary);
    expect(md).toContain('profile `release`');
    expect(md).toContain(
      `#### Against the default branch (run #${mainRun.runNumber}) (pass; informational, the verdict above decides)`,
    );
    expect(step.outputs['release-notes']).toBe(
      [
        '**Evaluation** (evalgate, pass) vs `v1.0.0`',
        '',
        '| Metric | `v1.0.0` | This release | Δ | Δ% |',
        '| --- | ---: | ---: | ---: | ---: |',
        '| accuracy 🟢 | 0.9000 | 0.9200 | +0.0200 | +2.22% |',
        '',
      ].join('\n'),
    );
  }, 120_000);
});
