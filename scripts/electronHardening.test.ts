import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The items of Electron's security checklist that are settled by configuration and source text
 * rather than by behaviour: checked here so a change that undoes one fails CI. The behaviour
 * (navigation, window.open, requests, IPC senders, external links) is tested beside the code in
 * electron/main. SECURITY.md maps every item to its check.
 */
const root = path.resolve(__dirname, '..');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file: path.relative(root, file), text: readFileSync(file, 'utf8') };
    });
}

const shell = [...sources(path.join(root, 'electron', 'main')), ...sources(path.join(root, 'electron', 'preload'))];

describe('the packaged app', () => {
  it('flips the fuses that turn an installed Dossier into something else', () => {
    const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is built on a supported Electron (the three newest majors are; 45 is the floor until the next bump)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const major = Number(/\d+/.exec(pkg.devDependencies.electron ?? '')?.[0]);
    expect(major).toBeGreaterThanOrEqual(45);
  });
});

describe('the shell\u2019s source', () => {
  it('reads the files it checks', () => {
    expect(shell.map((s) => s.file)).toEqual(expect.arrayContaining([path.join('electron', 'main', 'createMainWindow.ts'), path.join('electron', 'preload', 'index.ts')]));
  });

  it.each([
    ['Node integration', /nodeIntegration(InSubFrames|InWorker)?\s*:\s*true/],
    ['context isolation off', /contextIsolation\s*:\s*false/],
    ['the sandbox off', /sandbox\s*:\s*false|no-sandbox/],
    ['web security off', /webSecurity\s*:\s*false|disable-web-security/],
    ['insecure content', /allowRunningInsecureContent\s*:\s*true/],
    ['experimental features', /experimentalFeatures\s*:\s*true|enable-experimental-web-platform-features/],
    ['Blink features', /enableBlinkFeatures/],
    ['<webview>', /webviewTag\s*:\s*true|allowpopups/],
    ['remote content', /loadURL\(\s*['"`]https?:/],
    ['an http(s) window URL from the environment', /ELECTRON_RENDERER_URL|VITE_DEV_SERVER_URL/],
    ['the remote module', /@electron\/remote|enableRemoteModule/],
    ['a raw ipcRenderer handed to the page', /exposeInMainWorld\([^)]*ipcRenderer\s*\)/],
  ])('never turns on %s', (_what, pattern) => {
    expect(shell.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('loads pages over dossier://, with file:// only for the PDF printer\u2019s script-less temporary page', () => {
    expect(shell.filter((s) => /loadFile\(/.test(s.text)).map((s) => s.file)).toEqual([]);
    expect(shell.filter((s) => /pathToFileURL\(|loadURL\(\s*['"`]file:/.test(s.text)).map((s) => s.file)).toEqual([
      path.join('electron', 'main', 'pdfPrinter.ts'),
    ]);
  });

  it('calls shell.openExternal in one place, behind the scheme check and the confirmation', () => {
    const callers = shell.filter((s) => /openExternal\(/.test(s.text)).map((s) => s.file);
    expect(callers).toEqual([path.join('electron', 'main', 'externalLinks.ts')]);
  });

  it('checks the sender in every ipcMain handler', () => {
    for (const { file, text } of shell) {
      const handlers = text.match(/ipcMain\.(handle|on|once|handleOnce)\(/g) ?? [];
      if (!handlers.length) continue;
      expect(text.match(/assertAppSender\(event\)/g)?.length ?? 0, file).toBeGreaterThanOrEqual(handlers.length);
    }
  });
});
