import { promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type StaticFile =
  | { status: 200; body: Buffer; type: string }
  /** A path no file of the renderer could have: an escape attempt or garbage. */
  | { status: 400 }
  | { status: 404 };

/**
 * The renderer-relative file name a URL path names, or null when the path is refused. The built
 * renderer's names are plain (`assets/index-3f2a.js`), so anything that only an attack needs is
 * refused outright instead of being resolved and checked: `.`/`..` segments in any encoding,
 * backslashes (a separator on Windows), a `%` left after decoding (double encoding), drive
 * letters and other colons, control characters, malformed escapes, and a path that is not
 * origin-relative (`//host/…`, an absolute URL).
 */
export function staticFileName(urlPath: string): string | null {
  const pathOnly = urlPath.split('?')[0]!.split('#')[0]!;
  if (!pathOnly.startsWith('/') || pathOnly.startsWith('//')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\%:\u0000-\u001f\u007f]/.test(decoded)) return null;
  if (decoded === '/') return 'index.html';
  // One trailing slash is still a client route (`/notes/`); an empty segment anywhere else is an
  // absolute path in disguise (`/%2Fetc/passwd` decodes to `//etc/passwd`).
  const segments = decoded.slice(1).replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return segments.join('/');
}

/**
 * A file of the built renderer for a URL path, never anything outside `root`. Unknown paths
 * without an extension get index.html (client-side routes).
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const relative = staticFileName(urlPath);
  if (relative === null) return { status: 400 };
  // Belt and braces: whatever staticFileName lets through must still resolve inside root.
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 400 };
  try {
    return { status: 200, body: await fs.readFile(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    if (path.extname(relative)) return { status: 404 };
    try {
      return { status: 200, body: await fs.readFile(path.join(root, 'index.html')), type: TYPES['.html']! };
    } catch {
      return { status: 404 };
    }
  }
}
