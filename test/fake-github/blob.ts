/**
 * Blob storage: the subset of the Azure Blob protocol that @azure/storage-blob uses for artifacts
 * (GET of a signed download URL; PUT of blocks, a block list, or a single BlockBlob for uploads).
 * URLs carry a signature over their key, so only URLs the fake handed out work.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FakeState } from './state.js';
import type { Reply } from './types.js';

/** A signed blob URL for `<kind>/<id>`, the way the artifact service hands out SAS URLs. */
export function signedBlobUrl(s: FakeState, path: string, fileName: string): string {
  const sig = createHash('sha256').update(`${s.blobSecret}:${path}`).digest('base64url');
  return `${s.base}/_blob/${path}/${encodeURIComponent(fileName)}?sv=2023-11-03&se=2099-01-01T00%3A00%3A00Z&sr=b&sp=rcw&sig=${sig}`;
}

/** The blob key (`<kind>/<id>`) of a signed URL; undefined if its signature is wrong. */
function checkSig(s: FakeState, url: URL): string | undefined {
  // path = /_blob/<kind>/<id>/<file>
  const parts = url.pathname.split('/');
  const key = `${parts[2]}/${parts[3]}`;
  const sig = createHash('sha256').update(`${s.blobSecret}:${key}`).digest('base64url');
  return url.searchParams.get('sig') === sig ? key : undefined;
}

/** Handles a request to `/_blob/...`. */
export function blob(s: FakeState, req: IncomingMessage, url: URL, raw: Buffer): Reply {
  const key = checkSig(s, url);
  if (!key) {
    s.violations.push(`blob request without a valid signature: ${req.method} ${url.pathname}`);
    return { status: 403, body: Buffer.from('<Error><Code>AuthenticationFailed</Code></Error>') };
  }
  const [kind, id] = key.split('/');
  const azureHeaders = (): Record<string, string> => ({
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2023-11-03',
    date: new Date().toUTCString(),
  });
  if (kind === 'artifacts' && req.method === 'GET') {
    const art = s.artifacts.find((a) => String(a.id) === id);
    if (!art) return { status: 404 };
    return {
      status: 200,
      headers: {
        ...azureHeaders(),
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${encodeURIComponent(art.name)}.zip"`,
      },
      body: art.zip,
    };
  }
  if (kind === 'upload' && req.method === 'PUT') {
    const up = s.uploads.get(id);
    if (!up) return { status: 404 };
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) return { status: 400 };
      up.blocks.set(blockId, raw);
      return { status: 201, headers: { ...azureHeaders(), 'x-ms-request-server-encrypted': 'true' } };
    }
    if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(
        (m) => m[2],
      );
      const parts: Buffer[] = [];
      for (const b of ids) {
        const block = up.blocks.get(b);
        if (!block) {
          s.violations.push(`blob commit references unknown block ${b}`);
          return { status: 400 };
        }
        parts.push(block);
      }
      up.committed = Buffer.concat(parts);
      return {
        status: 201,
        headers: { ...azureHeaders(), etag: '"0x1"', 'last-modified': new Date().toUTCString() },
      };
    }
    if (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      up.committed = raw;
      return {
        status: 201,
        headers: { ...azureHeaders(), etag: '"0x1"', 'last-modified': new Date().toUTCString() },
      };
    }
  }
  s.violations.push(`unsupported blob request ${req.method} ${url.pathname}${url.search}`);
  return { status: 400 };
}
