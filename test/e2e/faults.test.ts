/**
 * Fault scenarios end to end: the bundled action (`node dist/index.js`) against the fake GitHub when a
 * call never answers, when two runs of one PR race, when a baseline artifact is a declared-size bomb,
 * and when the primary rate limit is exhausted. The per-request timeout and the retry waits are
 * shortened through EVALGATE_REQUEST_TIMEOUT_MS / EVALGATE_RETRY_BASE_MS so each runs in seconds.
 */
import { describe, expect, test } from 'vitest';
import { makeZip } from '../fake-github/index.js';
import { history, plain, prStep, pushStep, useFake } from './scenario.js';

const fake = useFake();
const FAST = { EVALGATE_REQUEST_TIMEOUT_MS: '1500', EVALGATE_RETRY_BASE_MS: '50' };

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  const value = await f();
  return { value, ms: Date.now() - t0 };
}

describe('a GitHub call that never answers', () => {
  test('the compare endpoint hangs: the step fails after the timeout and one retry, naming the call', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail({ operation: 'repos/compare-commits', status: 'hang' });
    const { value, ms } = await timed(() => prStep(fake, h.wf, h.f1, { env: FAST }));
    const { step } = value;
    expect(step.status).toBe(1);
    expect(step.errors).toHaveLength(1);
    expect(step.errors[0]).toMatch(
      /^evalgate: the baseline lookup failed: GitHub did not answer: no answer within 1\.5 s to GET \/repos\/acme\/model\/compare\/\S+ \(2 attempts\); retry later\. No verdict; nothing was posted; this run's metrics are in the job summary$/,
    );
    expect(fake.calls('repos/compare-commits')).toHaveLength(2);
    // The job summary is written: why, and what was measured.
    expect(step.summary).toContain('**The baseline lookup failed**');
    expect(step.summary).toMatch(/\| accuracy \|/);
    expect(step.outputs.verdict).toBeUndefined();
    expect(fake.comments).toHaveLength(0);
    // 2 × 1.5 s of waiting plus start-up: far from the HTTP client's 300 s per try.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  test('every call hangs: github-timeout-minutes bounds the whole step', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail({ operation: '*', status: 'hang' });
    const { value, ms } = await timed(() =>
      prStep(fake, h.wf, h.f1, {
        inputs: { 'github-timeout-minutes': '0.05' },
        env: { EVALGATE_REQUEST_TIMEOUT_MS: '60000', EVALGATE_RETRY_BASE_MS: '50' },
      }),
    );
    const { step } = value;
    expect(step.status).toBe(1);
    expect(step.errors[0]).toMatch(
      /^evalgate: the baseline lookup failed: the 3 s allowed for GitHub calls \(input github-timeout-minutes\) ran out at GET \/repos\/acme\/model\/actions\/runs\/\d+; last timed out: GET /,
    );
    expect(step.summary).toContain('**The baseline lookup failed**');
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  test('publishing hangs: the verdict stands, the report is in the summary, the step ends in time', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail({ operation: 'issues/list-comments', status: 'hang' });
    const { value, ms } = await timed(() => prStep(fake, h.wf, h.f1, { env: FAST }));
    const { step } = value;
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(step.errors.join('\n')).toMatch(/^evalgate: \d+ regressions?: .*accuracy/m);
    expect(step.warnings.join('\n')).toMatch(
      /evalgate could not publish the report \(GitHub did not answer: no answer within 1\.5 s to GET \/repos\/acme\/model\/issues\/7\/comments \(2 attempts\); retry later\); the verdict stands, and the full report is in the job summary/,
    );
    expect(plain(step.summary)).toContain('**accuracy**');
    expect(fake.comments).toHaveLength(0);
    expect(ms).toBeLessThan(25_000);
  }, 60_000);

  test('the result upload hangs (artifact service): a warning, and the step still ends', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail({ operation: 'twirp:CreateArtifact', status: 'hang' });
    const { value, ms } = await timed(() => prStep(fake, h.wf, h.f1, { env: FAST }));
    const { step } = value;
    expect(step.outputs.verdict).toBe('fail');
    expect(step.warnings.join('\n')).toMatch(
      /could not upload the result as "evalgate-results": no answer within 4\.5 s to the upload of artifact "evalgate-results"/,
    );
    // The comment is still posted: the upload's hang costs its own timeout, not the step.
    expect(fake.commentsOn(7)).toHaveLength(1);
    expect(step.stdout).toMatch(/ending the step \(gave up on: the upload of artifact "evalgate-results"/);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});

describe('two runs of one PR racing', () => {
  test('both see no comment and both post; after the race one comment remains, the oldest', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    // Both runs list the comments before either posts (a real race, made certain).
    fake.holdUntil('GET', /\/issues\/7\/comments$/, 2);
    const [a, b] = await Promise.all([prStep(fake, h.wf, h.f1), prStep(fake, h.wf, h.f1)]);
    expect(a.step.outputs.verdict).toBe('fail');
    expect(b.step.outputs.verdict).toBe('fail');
    expect(fake.calls('issues/create-comment')).toHaveLength(2);
    const left = fake.commentsOn(7);
    expect(left).toHaveLength(1);
    expect(fake.calls('issues/delete-comment').length).toBeGreaterThanOrEqual(1);
    // Both runs point at the one that is left.
    expect(a.step.outputs['comment-url']).toBe(b.step.outputs['comment-url']);
    expect(a.step.outputs['comment-url']).toContain(`#issuecomment-${left[0].id}`);
  }, 90_000);
});

describe('a baseline artifact that is a declared-size bomb', () => {
  test('refused at once (before inflating); the report says why, not "expired"', async () => {
    const h = history(fake);
    const base = fake.addRun({ workflowId: h.wf.id, headSha: h.m2 });
    const zip = makeZip({ 'evalgate-result.json': '{}' });
    // The directory declares 3 GiB: more than the 2 GiB evalgate extracts.
    zip.writeUInt32LE(0xc0000000, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    fake.addArtifact(base.id, 'evalgate-results', zip);
    const { value, ms } = await timed(() => prStep(fake, h.wf, h.f1, { env: FAST }));
    const { step } = value;
    expect(step.outputs.verdict).toBe('no-baseline');
    const why = plain(step.summary);
    expect(why).toContain(`run #${base.runNumber}: artifact refused: exceeds size limit`);
    expect(why).toContain('with a usable "evalgate-results" artifact');
    expect(why).not.toContain('unexpired');
    expect(step.warnings.join('\n')).toMatch(
      /The "evalgate-results" artifact of run #\d+ was refused: .*the archive declares more than 2147483648 bytes of content/,
    );
    expect(plain(fake.commentsOn(7)[0].body)).toContain('artifact refused: exceeds size limit');
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});

describe('the primary rate limit', () => {
  const limited = (resetInS: number) => ({
    operation: '*',
    status: 403,
    times: 1,
    headers: {
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '1000',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInS),
      'x-ratelimit-resource': 'core',
    },
    body: {
      message: 'API rate limit exceeded for installation ID 4242.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
    },
  });

  test('resetting in a few seconds: the step waits for it and goes on', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail(limited(2));
    const { step } = await prStep(fake, h.wf, h.f1, { env: FAST });
    expect(step.outputs.verdict).toBe('fail');
    expect(step.warnings.join('\n')).toMatch(
      /GitHub rate limit hit for GET .*; it resets in \d+ s, retrying then/,
    );
    expect(fake.commentsOn(7)).toHaveLength(1);
  }, 60_000);

  test('resetting in half an hour: a clear failure at once, saying when', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail({ ...limited(1800), times: undefined });
    const { value, ms } = await timed(() => prStep(fake, h.wf, h.f1, { env: FAST }));
    const { step } = value;
    expect(step.status).toBe(1);
    expect(step.errors[0]).toMatch(
      /^evalgate: the baseline lookup failed: GitHub API rate limit exhausted; retry later \(it resets at \S+, in (29\.\d|30) min: longer than evalgate waits, 60 s\)\. HTTP 403: API rate limit exceeded for installation ID 4242\. No verdict;/,
    );
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
