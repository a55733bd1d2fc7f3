/**
 * The fake's REST front: matches a request to a GitHub operation (OpenAPI), answers injected failures,
 * authenticates the token, checks the repository, GitHub's documented limits, the request schema and
 * the token's permissions, hands the request to its route (rest-routes.ts), and checks the response
 * against the schema. Anything off is recorded as a violation.
 */
import type { IncomingMessage } from 'node:http';
import type { MatchedOperation, OpenApiValidator } from './openapi.js';
import { ROUTES } from './rest-routes.js';
import { DOCS, MAX_CHECK_TEXT, TRUNCATE_COMMENT, type FakeState } from './state.js';
import type { Access, Reply, TokenPermissions } from './types.js';

/** Handles a REST request; returns the reply and the operation id it matched. */
export function rest(
  s: FakeState,
  validator: OpenApiValidator,
  req: IncomingMessage,
  url: URL,
  raw: Buffer,
): { reply: Reply; operation?: string } {
  const method = req.method ?? 'GET';
  const m = validator.match(method, url.pathname);
  if (!m) {
    s.violations.push(`no GitHub operation for ${method} ${url.pathname}`);
    return { reply: { status: 404, body: { message: 'Not Found', documentation_url: DOCS } } };
  }
  const injected = injectedFailure(s, m.id);
  if (injected) return { reply: injected, operation: m.id };
  const reply = restOperation(s, validator, req, url, raw, m);
  if (reply.status >= 400 && !(String(reply.status) in m.op.responses)) {
    // GitHub documents few error statuses per operation; all errors share the basic-error shape.
    const body = reply.body as Record<string, unknown>;
    if (!body || typeof body.message !== 'string')
      s.violations.push(`${m.id} ${reply.status}: error body without message`);
  } else {
    const errs = validator.validateResponse(m, reply.status, reply.body);
    if (errs.length) {
      s.violations.push(`response of ${m.id} breaks GitHub's schema: ${errs.join(' | ')}`);
      return {
        reply: { status: 500, body: { message: 'fake response broke the schema' } },
        operation: m.id,
      };
    }
  }
  return { reply, operation: m.id };
}

/** Reply status meaning "never answer" (an injected hang). */
export const HANG = -1;

/**
 * The reply of the first injected failure that matches, counting it down; undefined if none. `*`
 * matches REST operations only (`rest` is false for Twirp and blob requests, which match by name).
 */
export function injectedFailure(s: FakeState, operation: string, restOp = true): Reply | undefined {
  const f = s.failures.find(
    (x) =>
      ((restOp && x.operation === '*') || x.operation === operation) &&
      (x.times === undefined || x.times > 0),
  );
  if (!f) return undefined;
  if (f.times !== undefined) f.times--;
  if (f.status === 'network') return { status: 0 };
  if (f.status === 'hang') return { status: HANG };
  return {
    status: f.status,
    headers: f.headers,
    body: f.body ?? { message: f.status >= 500 ? 'Server Error' : 'Error', documentation_url: DOCS },
  };
}

function restOperation(
  s: FakeState,
  validator: OpenApiValidator,
  req: IncomingMessage,
  url: URL,
  raw: Buffer,
  m: MatchedOperation,
): Reply {
  const auth = req.headers.authorization ?? '';
  const token = auth.replace(/^(token|bearer)\s+/i, '');
  const perms = s.tokens.get(token);
  if (!perms) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } };
  const repoScoped = m.op.parameters.some((p) => p.in === 'path' && p.name === 'owner');
  if (repoScoped && (m.params.owner !== s.owner || m.params.repo !== s.repo)) {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };
  }
  let body: unknown;
  if (raw.length) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      s.violations.push(`${m.id}: request body is not JSON`);
      return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } };
    }
  }
  const limit = checkLimits(m.id, body);
  if (limit) {
    s.limitRejections.push(`${m.id}: ${limit}`);
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: m.id, code: 'custom', message: limit }],
        documentation_url: DOCS,
      },
    };
  }
  const errs = validator.validateRequest(m, url.searchParams, body);
  if (errs.length) {
    s.violations.push(`request to ${m.id} breaks GitHub's schema: ${errs.join(' | ')}`);
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: errs.map((e) => ({ code: 'invalid', message: e })),
        documentation_url: DOCS,
      },
    };
  }
  const denied = checkPermission(m, perms);
  if (denied) return denied;
  const handler = ROUTES[m.id];
  if (!handler) {
    s.violations.push(`fake has no handler for ${m.id}`);
    return { status: 501, body: { message: `not implemented in fake: ${m.id}` } };
  }
  const q = url.searchParams;
  const identity = s.identityOf(token);
  return handler({ s, m, url, q, body: body as Record<string, unknown> | undefined, identity, h: s.hosts() });
}

function checkLimits(op: string, body: unknown): string | undefined {
  const b = body as Record<string, unknown> | undefined;
  if ((op === 'issues/create-comment' || op === 'issues/update-comment') && typeof b?.body === 'string') {
    if (b.body.length > TRUNCATE_COMMENT)
      return `body is too long (maximum is ${TRUNCATE_COMMENT} characters)`;
  }
  if (op === 'checks/create' || op === 'checks/update') {
    const out = b?.output as Record<string, unknown> | undefined;
    for (const k of ['summary', 'text'] as const) {
      if (typeof out?.[k] === 'string' && (out[k] as string).length > MAX_CHECK_TEXT)
        return `output.${k} is too long (maximum is ${MAX_CHECK_TEXT} characters)`;
    }
    if (Array.isArray(out?.annotations) && out.annotations.length > 50)
      return 'Only 50 annotations may be sent per request';
  }
  return undefined;
}
function checkPermission(m: MatchedOperation, perms: TokenPermissions): Reply | undefined {
  const need = (scope: keyof TokenPermissions, level: Access): boolean =>
    level === 'read' ? perms[scope] !== 'none' : perms[scope] === 'write';
  let ok = true;
  if (m.id.startsWith('actions/')) ok = need('actions', 'read');
  else if (
    m.id === 'issues/create-comment' ||
    m.id === 'issues/update-comment' ||
    m.id === 'issues/delete-comment'
  ) {
    ok = need('pull-requests', 'write') || need('issues', 'write');
  } else if (m.id.startsWith('checks/')) ok = need('checks', 'write');
  else if (m.id === 'issues/list-comments') ok = need('pull-requests', 'read') || need('issues', 'read');
  else if (m.id === 'issues/create' || m.id === 'issues/update') ok = need('issues', 'write');
  else if (
    m.id === 'issues/list-for-repo' ||
    m.id === 'issues/list-labels-on-issue' ||
    m.id === 'issues/list-events'
  )
    ok = need('issues', 'read') || need('pull-requests', 'read');
  else if (m.id.startsWith('pulls/')) ok = need('pull-requests', 'read');
  else if (m.id === 'users/get-authenticated')
    ok = true; // answered by identity, in rest-routes.ts
  else ok = need('contents', 'read');
  if (ok) return undefined;
  return {
    status: 403,
    body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
  };
}

/** GitHub's 404 answer. */
export function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}
/** Pages a list the way GitHub does (`per_page` ≤ 100, `page` from 1) with a `Link` header. */
export function paginate<T>(
  s: FakeState,
  items: T[],
  url: URL,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string): string => {
    const u = new URL(url.pathname + url.search, s.base);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'));
  if (page < last) links.push(link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
