#!/usr/bin/env node
// `npm start`: builds, then runs Dossier in Electron when its runtime is available; otherwise
// says so in one line and serves the same app on 127.0.0.1 for a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

async function build() {
  try {
    const { build: electronViteBuild } = await import('electron-vite');
    await electronViteBuild({ root, logLevel: 'warn' });
  } catch (error) {
    console.error(`Dossier: the build failed: ${error?.message ?? error}`);
    process.exit(1);
  }
}

/** The Electron binary, fetching it once if this machine can; null when it cannot be had. */
function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const install = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe', timeout: 180_000 });
  if (install.status !== 0) return null;
  const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  const binary = path.join(dir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function runElectron(binary) {
  const child = spawn(binary, [path.join(root, 'out', 'main', 'index.js'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

/** A Chromium-family browser to show the app in its own window, apart from the user's profile. */
function findAppBrowser() {
  const candidates =
    process.platform === 'darwin'
      ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
      : process.platform === 'win32'
        ? [
            path.join(process.env['PROGRAMFILES(X86)'] ?? '', 'Microsoft/Edge/Application/msedge.exe'),
            path.join(process.env.PROGRAMFILES ?? '', 'Google/Chrome/Application/chrome.exe'),
          ]
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge', '/usr/bin/brave-browser'];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function runInBrowser() {
  console.log('Dossier: the Electron runtime is not available on this machine (it could not be downloaded); serving Dossier on 127.0.0.1 for your browser instead.');
  const host = spawn(process.execPath, [path.join(root, 'bin', 'dossier.js'), 'serve', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let browser = null;
  let profile = null;
  let buffered = '';
  host.stdout.on('data', (chunk) => {
    if (buffered === null) return process.stdout.write(chunk);
    buffered += chunk.toString();
    const newline = buffered.indexOf('\n');
    if (newline === -1) return;
    const url = buffered.slice(0, newline).trim();
    buffered = null;
    console.log(`Open Dossier at: ${url}`);
    const executable = hasDisplay() ? findAppBrowser() : null;
    if (executable) {
      // A throwaway profile: the analyst's everyday extensions must not see the token.
      profile = mkdtempSync(path.join(os.tmpdir(), 'dossier-browser-'));
      browser = spawn(executable, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking'], {
        stdio: 'ignore',
      });
      browser.on('error', () => undefined);
    }
  });
  const stop = (signal) => {
    browser?.kill();
    host.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  host.on('exit', (code) => {
    browser?.kill();
    if (profile) rmSync(profile, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

await build();
const binary = electronBinary();
if (binary) runElectron(binary);
else runInBrowser();
