/**
 * The artifact service (`github.actions.results.api.v1.ArtifactService`, Twirp over JSON) that
 * @actions/artifact v2+ calls: CreateArtifact, FinalizeArtifact, ListArtifacts, GetSignedArtifactURL.
 * Requests are authenticated by the runtime token's `Actions.Results` scope; fields are type-checked.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { signedBlobUrl } from './blob.js';
import { iso } from './objects.js';
import type { FakeState } from './state.js';
import type { Reply } from './types.js';

/** Handles a request to `/twirp/...`. */
export function twirp(s: FakeState, req: IncomingMessage, url: URL, raw: Buffer): Reply {
  const method = url.pathname.replace('/twirp/github.actions.results.api.v1.ArtifactService/', '');
  const fail = (status: number, code: string, msg: string): Reply => ({ status, body: { code, msg } });
  if (req.method !== 'POST') return fail(404, 'bad_route', 'not found');
  const auth = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  let scope: { run: string; job: string } | undefined;
  try {
    const payload = JSON.parse(Buffer.from(auth.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      scp?: string;
    };
    const parts = payload.scp
      ?.split(' ')
      .find((x) => x.startsWith('Actions.Results:'))
      ?.split(':');
    if (parts && parts.length === 3) scope = { run: parts[1], job: parts[2] };
  } catch {
    scope = undefined;
  }
  if (!scope) return fail(401, 'unauthenticated', 'invalid runtime token');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    s.violations.push(`twirp ${method}: body is not JSON`);
    return fail(400, 'malformed', 'bad json');
  }
  const spec: Record<string, Record<string, string>> = {
    CreateArtifact: {
      workflow_run_backend_id: 'string',
      workflow_job_run_backend_id: 'string',
      name: 'string',
      expires_at: 'timestamp',
      version: 'number',
      mime_type: 'string',
    },
    FinalizeArtifact: {
      workflow_run_backend_id: 'string',
      workflow_job_run_backend_id: 'string',
      name: 'string',
      size: 'int64',
      hash: 'string',
    },
    ListArtifacts: {
      workflow_run_backend_id: 'string',
      workflow_job_run_backend_id: 'string',
      name_filter: 'string',
      id_filter: 'int64',
    },
    GetSignedArtifactURL: {
      workflow_run_backend_id: 'string',
      workflow_job_run_backend_id: 'string',
      name: 'string',
    },
  };
  const fields = spec[method];
  if (!fields) {
    s.violations.push(`twirp: unknown method ${method}`);
    return fail(404, 'bad_route', `unknown method ${method}`);
  }
  for (const [k, v] of Object.entries(body)) {
    const t = fields[k];
    const ok =
      t === 'string'
        ? typeof v === 'string'
        : t === 'number'
          ? typeof v === 'number'
          : t === 'int64'
            ? typeof v === 'string' && /^\d+$/.test(v)
            : t === 'timestamp'
              ? typeof v === 'string' && !isNaN(Date.parse(v))
              : false;
    if (!ok) s.violations.push(`twirp ${method}: bad field ${k}=${JSON.stringify(v)}`);
  }
  if (body.workflow_run_backend_id !== scope.run || body.workflow_job_run_backend_id !== scope.job) {
    return fail(403, 'permission_denied', 'backend ids do not match the runtime token');
  }
  const run = s.runs.find((r) => r.backendId === scope.run);
  if (!run) return fail(404, 'not_found', 'workflow run not found');
  const name = body.name as string | undefined;
  switch (method) {
    case 'CreateArtifact': {
      if (!name) return fail(400, 'invalid_argument', 'name required');
      if (body.version !== 7)
        s.violations.push(`twirp CreateArtifact: unexpected version ${String(body.version)}`);
      if (s.artifactsOf(run.id).some((a) => a.name === name)) {
        return fail(409, 'already_exists', 'an artifact with this name already exists on the workflow run');
      }
      const id = randomBytes(8).toString('hex');
      s.uploads.set(id, {
        runId: run.id,
        name,
        blocks: new Map(),
        expiresAt: body.expires_at as string | undefined,
      });
      return {
        status: 200,
        body: { ok: true, signed_upload_url: signedBlobUrl(s, `upload/${id}`, `${name}.zip`) },
      };
    }
    case 'FinalizeArtifact': {
      const entry = [...s.uploads.entries()].find(([, u]) => u.runId === run.id && u.name === name);
      if (!entry || !entry[1].committed)
        return fail(404, 'not_found', 'no committed upload for this artifact');
      const [id, up] = entry;
      s.uploads.delete(id);
      if (String(up.committed!.length) !== body.size)
        s.violations.push(`FinalizeArtifact: size ${String(body.size)} != uploaded ${up.committed!.length}`);
      const hash = 'sha256:' + createHash('sha256').update(up.committed!).digest('hex');
      if (body.hash !== undefined && body.hash !== hash)
        s.violations.push(`FinalizeArtifact: hash ${String(body.hash)} != ${hash}`);
      const art = s.addArtifact(run.id, up.name, up.committed!);
      if (up.expiresAt) art.expiresAt = iso(Date.parse(up.expiresAt));
      return { status: 200, body: { ok: true, artifact_id: String(art.id) } };
    }
    case 'ListArtifacts': {
      let arts = s.artifactsOf(run.id).filter((a) => !a.expired);
      if (body.name_filter !== undefined) arts = arts.filter((a) => a.name === body.name_filter);
      if (body.id_filter !== undefined) arts = arts.filter((a) => String(a.id) === body.id_filter);
      return {
        status: 200,
        body: {
          artifacts: arts.map((a) => ({
            workflow_run_backend_id: run.backendId,
            workflow_job_run_backend_id: scope!.job,
            database_id: String(a.id),
            name: a.name,
            size: String(a.zip.length),
            created_at: a.createdAt,
            digest: a.digest,
          })),
        },
      };
    }
    case 'GetSignedArtifactURL': {
      const art = s.artifactsOf(run.id).find((a) => a.name === name && !a.expired);
      if (!art) return fail(404, 'not_found', 'artifact not found');
      return {
        status: 200,
        body: { signed_url: signedBlobUrl(s, `artifacts/${art.id}`, `${art.name}.zip`) },
      };
    }
  }
  return fail(404, 'bad_route', method);
}
