import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestServerOptions {
  /** Keep the data in memory (lost at stop) instead of in a folder (kept across restart). */
  inMemory?: boolean;
}

export interface TestServer {
  /** http://127.0.0.1:<port>, without credentials: pass `auth` to PouchDB. */
  readonly url: string;
  readonly port: number;
  readonly auth: { username: string; password: string };
  /** The server's working folder (config.json, log.txt, and the databases unless in memory). */
  readonly folder: string;
  /** The URL of a database on the server. */
  dbUrl(name: string): string;
  /** Stops the server process; its files stay until dispose(). */
  stop(): Promise<void>;
  /** Starts it again on the same port, with its data when it is not in memory. */
  restart(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
}

const require = createRequire(import.meta.url);
const USERNAME = 'admin';
const PASSWORD = 'dossier-test-secret';

/**
 * pouchdb-server (a CouchDB-compatible HTTP server on PouchDB) in a child process on loopback,
 * with an admin user so credentials are exercised. Quirks of pouchdb-server 4.2 worth knowing:
 * it rewrites config.json in its working folder (hashing the admin password) and logs to
 * log.txt there; an anonymous request to create a database makes it crash
 * ("db.info is not a function" in express-pouchdb) instead of answering 401, so always pass
 * `auth`; and `require_valid_user` is not honoured, so reads without credentials are not refused.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'dossier-couch-'));
  await writeFile(path.join(folder, 'config.json'), JSON.stringify({ admins: { [USERNAME]: PASSWORD }, log: { file: './log.txt' } }));
  const port = await freePort();
  const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
  const args = [bin, '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs', '--config', './config.json'];
  args.push(...(options.inMemory ? ['--in-memory'] : ['--dir', './data']));
  if (!options.inMemory) await mkdir(path.join(folder, 'data'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const started = spawn(process.execPath, args, { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child = started;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`pouchdb-server exited (${started.exitCode}): ${stderr}`);
      const ready = await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer on ${url}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url,
    port,
    auth: { username: USERNAME, password: PASSWORD },
    folder,
    dbUrl: (name) => `${url}/${encodeURIComponent(name)}`,
    stop,
    async restart() {
      await stop();
      await start();
    },
    async dispose() {
      await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A port the system just handed out and released (loopback only). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
