/**
 * A fake GitHub for one repository, on a loopback port: the REST endpoints evalgate and
 * @actions/artifact call (rest.ts, rest-routes.ts), the artifact service (twirp.ts) and a blob store
 * speaking the subset of the Azure Blob protocol that @azure/storage-blob uses for block uploads
 * (blob.ts). State is seeded by the test and inspected afterwards (state.ts). Every REST request and
 * response is checked against GitHub's OpenAPI description; violations are recorded (and answered with
 * 422/500) and `assertClean()` turns them into a test failure.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blob } from './blob.js';
import { OpenApiValidator } from './openapi.js';
import { HANG, injectedFailure, rest } from './rest.js';
import { FakeState } from './state.js';
import type { Reply } from './types.js';
import { twirp } from './twirp.js';

export * from './state.js';
export * from './types.js';

/** The fake GitHub server: its state plus an HTTP server routing to REST, Twirp and blob handlers. */
export class FakeGitHub extends FakeState {
  private server?: Server;
  private readonly validator = new OpenApiValidator();
  /** Responses held open by an injected hang (ended when the fake stops or resets). */
  private readonly hanging = new Set<ServerResponse>();

  /** Starts listening on 127.0.0.1 and an ephemeral port. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        this.violations.push(`fake crashed on ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'fake crashed' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.releaseHangs();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Barriers set by `holdUntil` (cleared by reset). */
  private barriers: {
    method: string;
    path: RegExp;
    count: number;
    arrived: number;
    open: Promise<void>;
    release: () => void;
  }[] = [];

  /**
   * Holds the first `count` requests matching `method` and `path` until all of them have arrived, then
   * lets them through together: two overlapping runs then both see the same state (a real race, made
   * certain). Requests after the first `count` pass at once.
   */
  holdUntil(method: string, path: RegExp, count: number): void {
    let release!: () => void;
    const open = new Promise<void>((r) => (release = r));
    this.barriers.push({ method, path, count, arrived: 0, open, release });
  }

  /** Drops the connections an injected hang holds open. */
  releaseHangs(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  override reset(): void {
    this.releaseHangs();
    for (const b of this.barriers ?? []) b.release();
    this.barriers = [];
    super.reset();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const barrier = this.barriers.find(
      (b) => b.method === req.method && b.path.test(url.pathname) && b.arrived < b.count,
    );
    if (barrier) {
      if (++barrier.arrived === barrier.count) barrier.release();
      await barrier.open;
    }
    let reply: Reply;
    let operation: string | undefined;
    if (url.pathname.startsWith('/twirp/')) {
      operation = 'twirp:' + url.pathname.split('/').pop();
      reply = injectedFailure(this, operation, false) ?? twirp(this, req, url, raw);
    } else if (url.pathname.startsWith('/_blob/')) {
      operation = 'blob';
      reply = injectedFailure(this, operation, false) ?? blob(this, req, url, raw);
    } else {
      const r = rest(this, this.validator, req, url, raw);
      reply = r.reply;
      operation = r.operation;
    }
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.search,
      status: reply.status,
      operation,
    });
    if (reply.status === HANG) {
      // An injected hang: never answer; the client's timeout (or the fake stopping) ends it.
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (reply.status === 0) {
      // An injected network failure: the connection drops without an answer.
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { ...reply.headers };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(reply.body)) payload = reply.body;
    else if (reply.body !== undefined) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    if (payload) headers['content-length'] = String(payload.length);
    res.writeHead(reply.status, headers);
    res.end(payload);
  }
}
