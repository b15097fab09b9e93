import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';

/**
 * The signed-in person's full name as the system knows it, to prefill the display name asked on
 * first run; '' when there is none. Never the bare login name: that is what ended up as "root" on
 * every reply. Linux: the GECOS field of the passwd entry (getent also asks LDAP/SSSD); macOS:
 * `id -F`; Windows: the Full Name of `net user`.
 */
export async function osFullName(platform: NodeJS.Platform = process.platform): Promise<string> {
  let login: string;
  try {
    login = os.userInfo().username;
  } catch {
    // No passwd entry (a container's arbitrary uid): there is no full name either.
    return '';
  }
  try {
    const name =
      platform === 'darwin'
        ? await run('id', ['-F'])
        : platform === 'win32'
          ? fullNameOfNetUser(await run('net', ['user', login]))
          : gecosName((await run('getent', ['passwd', login]).catch(() => '')) || (await passwdLine(login)));
    return properName(name, login);
  } catch {
    return '';
  }
}

/** The first comma-separated part of a passwd line's GECOS field (`Jane Doe,Room 4,…`). */
export function gecosName(passwdLine: string): string {
  const fields = passwdLine.trim().split(':');
  return fields.length >= 7 ? (fields[4] ?? '').split(',')[0]!.trim() : '';
}

/** The "Full Name" line of `net user <login>`. */
export function fullNameOfNetUser(output: string): string {
  const line = output.split(/\r?\n/).find((l) => /^Full Name\s/i.test(l));
  return line ? line.replace(/^Full Name\s+/i, '').trim() : '';
}

/** The name, unless it is empty or only the login again. */
export function properName(name: string, login: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!trimmed || trimmed.toLowerCase() === login.toLowerCase()) return '';
  return trimmed.slice(0, 200);
}

async function passwdLine(login: string): Promise<string> {
  const passwd = await fs.readFile('/etc/passwd', 'utf8').catch(() => '');
  return passwd.split('\n').find((line) => line.startsWith(`${login}:`)) ?? '';
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 3000, windowsHide: true }, (error, stdout) => (error ? reject(error) : resolve(String(stdout).trim())));
  });
}
