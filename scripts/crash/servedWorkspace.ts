import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { CallName, CallRequest, CallResponse } from '../../electron/common/contract';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The built `dossier` command (what `npx dossier` runs): it starts in a third of the time tsx takes. */
export const CLI = path.join(ROOT, 'bin', 'dossier.js');

export type Answer<K extends CallName> = { ok: true; value: CallResponse<K> } | { ok: false; error: { code: string; message: string } };

/** A `dossier serve` child process and the URL and token it printed. */
export interface ServedWorkspace {
  child: ChildProcess;
  /** Everything it wrote on stderr, for a failure's report. */
  log: string[];
  /** Resolves when the process has gone (its exit code, or the signal's name). */
  exited: Promise<string>;
  /**
   * One API call over HTTP: the server's answer, or an exception when no answer came (the
   * process was killed while the call was on its way).
   */
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<Answer<K>>;
}

/** Starts `dossier serve` on `dir`; resolves once it has printed its URL, or with null if it died first. */
export function startServer(dir: string, env: Record<string, string> = {}): { started: Promise<ServedWorkspace | null>; child: ChildProcess; exited: Promise<string>; log: string[] } {
  const child = spawn(process.execPath, [CLI, 'serve', '--workspace', dir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOSSIER_WORKSPACE: '', ...env },
  });
  const log: string[] = [];
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const started = new Promise<ServedWorkspace | null>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const newline = out.indexOf('\n');
      if (newline === -1) return;
      const url = new URL(out.slice(0, newline).trim());
      const token = url.hash.replace(/^#token=/, '');
      resolve({ child, log, exited, call: (name, request) => post(url.origin, token, name, request) });
    });
    void exited.then(() => resolve(null));
  });
  return { started, child, exited, log };
}

async function post<K extends CallName>(origin: string, token: string, name: K, request: CallRequest<K>): Promise<Answer<K>> {
  const response = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  return (await response.json()) as Answer<K>;
}

/** SIGKILL: no handler runs, nothing is flushed or folded, the lock stays behind. */
export async function killHard(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await exited;
}
