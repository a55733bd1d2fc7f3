import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import {
  ActionsArtifactStore,
  artifactMatcher,
  downloadCurrentArtifacts,
} from '../../src/github/artifacts.js';
import { ArchiveRefusedError, checkExtracted } from '../../src/github/zip.js';
import { makeZip } from '../fake-github/index.js';
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

/** Bytes of the files under `dir`. */
function diskUsage(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

describe("another run's artifact: bounded extraction", () => {
  const MiB = 1024 * 1024;

  function otherRun(content: Record<string, string | Buffer> | Buffer) {
    const run = thisRun();
    const art = fake.addArtifact(run.id, 'evalgate-results', content);
    return { run, art, store: new ActionsArtifactStore(fake.token, fake.owner, fake.repo) };
  }

  test('a zip bomb declaring its size is refused before anything is inflated', async () => {
    // 64 MiB of zeros: about 64 KiB compressed.
    const { run, art, store } = otherRun({ 'evalgate-result.json': Buffer.alloc(64 * MiB) });
    expect(art.zip.length).toBeLessThan(MiB);
    const root = tmp();
    const dir = join(root, 'out');
    const err = await store
      .downloadFromRun({ artifactId: art.id, runId: run.id, dir, limits: { maxBytes: MiB } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArchiveRefusedError);
    expect(err).toMatchObject({ reason: 'exceeds size limit' });
    expect((err as Error).message).toMatch(/the archive declares more than 1048576 bytes of content/);
    // Nothing written, and the downloaded archive is removed.
    expect(diskUsage(root)).toBe(0);
  });

  test('within the size limits, an implausible compression ratio (> 200:1) is refused before inflating', async () => {
    const { run, art, store } = otherRun({ 'evalgate-result.json': Buffer.alloc(64 * MiB) });
    const root = tmp();
    const err = await store
      .downloadFromRun({ artifactId: art.id, runId: run.id, dir: join(root, 'out') })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'implausible compression ratio' });
    expect((err as Error).message).toMatch(
      /entry "evalgate-result\.json" declares 67108864 bytes from \d+ compressed \(more than 200:1\)/,
    );
    expect(diskUsage(root)).toBe(0);
  });

  test('an entry that lies about its size (declares 1 KiB) is stopped at 1 KiB while it inflates', async () => {
    const zip = makeZip({ 'evalgate-result.json': Buffer.alloc(16 * MiB) });
    // Declared size 1 KiB in the central directory and the local header: the ratio looks harmless.
    zip.writeUInt32LE(1024, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    zip.writeUInt32LE(1024, 22);
    const { run, art, store } = otherRun(zip);
    const root = tmp();
    const err = await store
      .downloadFromRun({ artifactId: art.id, runId: run.id, dir: join(root, 'out') })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'exceeds size limit' });
    expect((err as Error).message).toMatch(
      /entry "evalgate-result\.json" inflates to more than the 1024 bytes it declares/,
    );
    expect(diskUsage(root)).toBe(0);
  });

  test('many entries add up: the limit is on the total written', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`part-${i}.jsonl`, Buffer.alloc(MiB / 2, 0x20)]),
    );
    const { run, art, store } = otherRun(files);
    const dir = join(tmp(), 'out');
    await expect(
      store.downloadFromRun({ artifactId: art.id, runId: run.id, dir, limits: { maxBytes: 2 * MiB } }),
    ).rejects.toThrow(/declares more than 2097152 bytes/);
    expect(diskUsage(dir)).toBeLessThanOrEqual(2 * MiB);
  });

  test('with expected files: only those are extracted, each within its own limit', async () => {
    const { run, art, store } = otherRun({
      'report.json': '{"a":1}',
      'pr.json': Buffer.alloc(4096, 0x20),
      'report.md': 'never read',
      'sub/x.json': '{}',
    });
    const dir = join(tmp(), 'out');
    await expect(
      store.downloadFromRun({
        artifactId: art.id,
        runId: run.id,
        dir,
        limits: { files: { 'report.json': 100, 'pr.json': 1000 } },
      }),
    ).rejects.toThrow(/entry "pr\.json" declares 4096 bytes, more than the 1000 allowed/);
    const ok = join(tmp(), 'ok');
    await store.downloadFromRun({
      artifactId: art.id,
      runId: run.id,
      dir: ok,
      limits: { files: { 'report.json': 100, 'pr.json': 5000 } },
    });
    expect(readdirSync(ok).sort()).toEqual(['pr.json', 'report.json']);
  });

  test('entry names that climb out of the folder are refused', async () => {
    for (const name of ['../evil.json', '/etc/evil', 'a/../../evil', 'a\\..\\evil', 'C:/evil']) {
      fake.reset();
      const { run, art, store } = otherRun({ [name]: 'x', 'evalgate-result.json': '{}' });
      const root = tmp();
      await expect(
        store.downloadFromRun({ artifactId: art.id, runId: run.id, dir: join(root, 'a', 'b') }),
      ).rejects.toThrow(/unsafe entry path/);
      expect(readdirSync(root, { recursive: true }).filter((f) => String(f).includes('evil'))).toEqual([]);
    }
  });

  test('a corrupt entry (CRC mismatch) is refused', async () => {
    const zip = makeZip({ 'evalgate-result.json': '{"schema":"x"}' });
    zip.writeUInt32LE(0xdeadbeef, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16);
    const { run, art, store } = otherRun(zip);
    await expect(
      store.downloadFromRun({ artifactId: art.id, runId: run.id, dir: join(tmp(), 'out') }),
    ).rejects.toThrow(/entry "evalgate-result\.json" is corrupt/);
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
