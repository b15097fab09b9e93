import { randomBytes, timingSafeEqual } from 'node:crypto';
import { realpathSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isCallName } from '../common/callNames';
import type { DossierCore } from '../core';
import { SECURITY_HEADERS } from './securityHeaders';
import { readStaticFile } from './staticFiles';

/** Requests larger than this are refused: a generous batch import of base64 text files. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HostOptions {
  /** What answers the calls: a core, or the app's switchable workspace (AppWorkspaces). */
  core: Pick<DossierCore, 'dispatch' | 'events'>;
  /**
   * The folder of the workspace open now, when it can change while the host runs: a CLI call
   * naming another one (`X-Dossier-Workspace`) is then refused rather than run on the wrong workspace.
   */
  workspacePath?: () => string | null;
  rendererDir: string;
  port?: number;
  /** Defaults to MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

export interface RunningHost {
  /** The URL to open, carrying the token in the fragment (never sent to the server or in logs). */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * `dossier serve`: the renderer and the contract over HTTP on 127.0.0.1 only. Every API call
 * needs this start's random token, and Host/Origin must name this server (defeats DNS rebinding
 * and cross-site requests from other pages in the same browser).
 */
export async function startHost({ core, rendererDir, port = 0, maxBodyBytes = MAX_BODY_BYTES, workspacePath }: HostOptions): Promise<RunningHost> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const root = path.resolve(rendererDir);
  const streams = new Set<http.ServerResponse>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendText(res, 421, 'Unknown host');
    const origin = req.headers.origin;
    // Compared whole: a browser sends `http://host:port`, nothing shorter or longer.
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return sendText(res, 403, 'Cross-origin requests are not allowed');
    }
    // The path exactly as sent: `new URL` would read `//x` as a host and resolve `..` away.
    const pathname = (req.url ?? '').split('?')[0]!;
    if (!pathname.startsWith('/')) return sendText(res, 400, 'Bad request');

    if (pathname.startsWith('/api/')) {
      if (!hasToken(req)) return sendJson(res, 401, { ok: false, error: { code: 'unavailable', message: 'Missing or wrong token' } });
      if (pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      const call = /^\/api\/call\/([\w.]+)$/.exec(pathname);
      if (call && req.method === 'POST') {
        // Looked up in the contract's list of names, so no inherited property (`__proto__`,
        // `constructor`, `toString` …) can ever name a handler.
        if (!isCallName(call[1])) {
          return sendJson(res, 404, { ok: false, error: { code: 'bad-input', message: `Unknown call: ${call[1]!.slice(0, 80)}` } });
        }
        const named = req.headers['x-dossier-workspace'];
        const current = workspacePath?.();
        // With none open (the start screen shows), a call naming a workspace has nothing to run on.
        if (workspacePath && typeof named === 'string' && (current == null || !samePlace(decodeURIComponent(named), current))) {
          return sendJson(res, 409, {
            ok: false,
            error: { code: 'conflict', message: 'The running Dossier has another workspace open now; run the command again.' },
          });
        }
        const body = await readBody(req, maxBodyBytes);
        if (body === null) {
          // The rest of the body is read and dropped, so the client gets this answer rather than
          // a reset connection; the connection then closes.
          res.setHeader('Connection', 'close');
          return sendJson(res, 413, {
            ok: false,
            error: { code: 'bad-input', message: `Request too large: the limit is ${sizeText(maxBodyBytes)}.` },
          });
        }
        let payload: unknown;
        try {
          payload = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'bad-input', message: 'Request is not JSON' } });
        }
        return sendJson(res, 200, await core.dispatch(call[1]!, payload));
      }
      return sendJson(res, 404, { ok: false, error: { code: 'not-found', message: 'No such API route' } });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    const file = await readStaticFile(root, pathname);
    if (file.status === 400) return sendText(res, 400, 'Bad path');
    if (file.status === 404) return sendText(res, 404, 'Not found');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function hasToken(req: http.IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = core.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const origin = `http://127.0.0.1:${actualPort}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port: actualPort,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The same folder however it is spelt (a symlink, a trailing separator). */
function samePlace(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const [ra, rb] = [real(a), real(b)];
  return process.platform === 'win32' || process.platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** How much of an oversize body is read and dropped before the connection is simply cut. */
const DISCARD_LIMIT_BYTES = 256 * 1024 * 1024;

/** The request body, or null when it is larger than `limit` (its rest is then drained, up to a point). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      chunks.length = 0;
      req.removeListener('data', onData);
      let discarded = 0;
      req.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy();
      });
      // A client that hangs up meanwhile is no error of ours to log.
      req.removeListener('error', reject);
      req.on('error', () => undefined);
      resolve(null);
    };
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return tooLarge();
      chunks.push(chunk);
    };
    req.on('error', reject);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return tooLarge();
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
