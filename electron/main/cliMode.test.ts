import { describe, expect, it, vi } from 'vitest';

// require('electron') from plain Node tries to download the binary: the test gets a fake app.
const fake = vi.hoisted(() => ({
  app: { whenReady: vi.fn(() => Promise.resolve()), exit: vi.fn(), dock: { hide: vi.fn() } },
}));
vi.mock('electron', () => ({ app: fake.app, BrowserWindow: class {}, session: {} }));

const { cliArguments, runCliMode } = await import('./cliMode');

describe('cliArguments', () => {
  it('takes what follows --cli, and nothing when it is absent', () => {
    expect(cliArguments(['/opt/Dossier/dossier', '--cli', 'articles', '--json'])).toEqual(['articles', '--json']);
    expect(cliArguments(['/opt/Dossier/dossier', '--cli'])).toEqual([]);
    expect(cliArguments(['/opt/Dossier/dossier', '--workspace', '/w'])).toBeNull();
  });
});

describe('runCliMode', () => {
  it('runs the command once the app is ready and exits with its code, without a window', async () => {
    const out: string[] = [];
    const err: string[] = [];
    await runCliMode(['--help'], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} });
    expect(fake.app.whenReady).toHaveBeenCalled();
    expect(fake.app.dock.hide).toHaveBeenCalled();
    expect(out.join('')).toContain('Usage: dossier <command>');
    expect(fake.app.exit).toHaveBeenLastCalledWith(0);
  });

  it('exits non-zero with the command’s own error line', async () => {
    const err: string[] = [];
    await runCliMode(['no-such-command'], { stdout: () => {}, stderr: (t) => err.push(t), env: {} });
    expect(err.join('')).toMatch(/^dossier: /);
    expect(fake.app.exit).toHaveBeenLastCalledWith(2);
  });
});
