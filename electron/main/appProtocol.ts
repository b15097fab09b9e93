import path from 'node:path';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../host/securityHeaders';
import { readStaticFile } from '../host/staticFiles';
import { APP_HOST, APP_SCHEME } from './appUrl';

/**
 * Must run before `ready`: only then does Chromium treat dossier:// as a standard, secure origin
 * (module scripts, fetch and the CSP's 'self' all depend on that).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at dossier://app/…, with the same headers as the loopback host. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}

export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    // readStaticFile decodes the path and refuses anything that could reach outside root.
    const file = await readStaticFile(root, url.pathname);
    if (file.status === 400) return plain(400, 'Bad path');
    if (file.status === 404) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': 'no-cache' },
    });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
