import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import {
  ActionsArtifactStore,
  artifactMatcher,
  checkExtracted,
  downloadCurrentArtifacts,
} from '../../src/github/artifacts.js';
import { useFakeGitHub } from './helpers.js';

const { fake } = useFakeGitHub();

function thisRun() {
  const wf = fake.addWorkflow();
  const sha = fake.commitOn('main');
  const run = fake.addRun({ workflowId: wf.id, headSha: sha, status: 'in_progress' });
  process.env.ACTIONS_RUNTIME_TOKEN = fake.runtimeToken(run.id);
  return run;
}

function tmp(): string {
  return mkdtempSync(join(process.env.RUNNER_TEMP!, 'art-'));
}

describe('upload through @actions/artifact', () => {
  test('the uploaded zip becomes a downloadable artifact of this run', async () => {
    const run = thisRun();
    const dir = tmp();
    writeFileSync(join(dir, 'evalgate-result.json'), '{"schema":"evalgate/eval-result"}');
    const store = new ActionsArtifactStore(fake.token, fake.owner, fake.repo);
    const res = await store.upload('evalgate-results', [join(dir, 'evalgate-result.json')], dir, 7);
    const [art] = fake.artifactsOf(run.id);
    expect(res.id).toBe(art.id);
    expect(art.name).toBe('evalgate-results');
    expect(fake.filesOf(art)).toEqual({ 'evalgate-result.json': '{"schema":"evalgate/eval-result"}' });
    const days = (Date.parse(art.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    // Another run downloads it through the public API (302 to the blob, then unzip).
    const out = tmp();
    await store.downloadFromRun({ artifactId: art.id, runId: run.id, dir: out });
    expect(readFileSync(join(out, 'evalgate-result.json'), 'utf8')).toContain('eval-result');
    expect(fake.calls('actions/download-artifact').map((c) => c.status)).toEqual([302]);
  });

  test('a second upload under the same name in one run is refused (409)', async () => {
    thisRun();
    const dir = tmp();
    writeFileSync(join(dir, 'a.json'), '{}');
    const store = new ActionsArtifactStore(fake.token, fake.owner, fake.repo);
    await store.upload('results', [join(dir, 'a.json')], dir);
    await expect(store.upload('results', [join(dir, 'a.json')], dir)).rejects.toThrow(/already exists/);
  });
});

describe("current-artifact: this run's shards", () => {
  test('downloads every artifact matching the glob into its own folder', async () => {
    const run = thisRun();
    fake.addArtifact(run.id, 'eval-shard-1', { 'preds.jsonl': '{"id":1}\n' });
    fake.addArtifact(run.id, 'eval-shard-0', { 'preds.jsonl': '{"id":0}\n' });
    fake.addArtifact(run.id, 'other', { 'x.txt': 'x' });
    const store = new ActionsArtifactStore(fake.token, fake.owner, fake.repo);
    const root = tmp();
    const dirs = await downloadCurrentArtifacts(store, 'eval-shard-*', root);
    expect(dirs).toEqual([join(root, 'eval-shard-0'), join(root, 'eval-shard-1')]);
    expect(readFileSync(join(dirs[0], 'preds.jsonl'), 'utf8')).toBe('{"id":0}\n');
    expect(readFileSync(join(dirs[1], 'preds.jsonl'), 'utf8')).toBe('{"id":1}\n');
    expect(readdirSync(root)).toHaveLength(2);
    // Internal API: the runtime token, not the REST token.
    expect(fake.requests.some((r) => r.operation === 'twirp:ListArtifacts')).toBe(true);
    expect(fake.calls('actions/list-workflow-run-artifacts')).toHaveLength(0);
  });

  test('no match is a usage error listing what there is', async () => {
    const run = thisRun();
    fake.addArtifact(run.id, 'shard-a', { 'a.jsonl': '' });
    const store = new ActionsArtifactStore(fake.token, fake.owner, fake.repo);
    const err = await downloadCurrentArtifacts(store, 'eval-*', tmp()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(
      'current-artifact "eval-*" matches none of this run\'s artifacts (shard-a); upload the shards in earlier jobs of the same workflow run',
    );
  });
});

describe('helpers', () => {
  test('artifactMatcher: exact names and * ? wildcards, nothing else special', () => {
    expect(artifactMatcher('a.b')('a.b')).toBe(true);
    expect(artifactMatcher('a.b')('axb')).toBe(false);
    expect(artifactMatcher('shard-*')('shard-12')).toBe(true);
    expect(artifactMatcher('shard-?')('shard-12')).toBe(false);
    expect(artifactMatcher('(x)+*')('(x)+y')).toBe(true);
  });

  test('checkExtracted refuses oversized content', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big'), Buffer.alloc(2000));
    expect(checkExtracted(dir, 5000)).toBe(2000);
    expect(() => checkExtracted(dir, 1000)).toThrow(InputError);
  });
});
