import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileOpenQueue, filesFromArgv, openFiles, openKind, recentDocuments } from './openFiles';

const existing = new Set(['/home/me/report.pdf', '/home/me/notes/a b.md', '/work/x.dossier-backup']);
const isFile = (file: string) => existing.has(file);

describe('filesFromArgv', () => {
  it('takes the files of a packaged launch, resolved against where it was launched', () => {
    expect(filesFromArgv(['/opt/Dossier/dossier', 'report.pdf', 'notes/a b.md'], { defaultApp: false, cwd: '/home/me', isFile })).toEqual(['/home/me/report.pdf', '/home/me/notes/a b.md']);
  });

  it('skips the app path in development, switches and their values, folders and missing files', () => {
    const argv = ['electron', '/home/me', '--workspace', '/home/me/report.pdf', '--inspect=9229', '--', '/work/x.dossier-backup', 'missing.txt', '/home/me'];
    expect(filesFromArgv(argv, { defaultApp: true, cwd: '/home/me', isFile })).toEqual(['/work/x.dossier-backup']);
  });

  it('skips the app file in development even after switches (as Playwright launches it)', () => {
    const files = new Set(['/app/out/main/index.js', '/home/me/report.pdf']);
    const argv = ['electron', '--inspect=0', '--remote-debugging-port=0', '/app/out/main/index.js', '--workspace', '/ws', 'report.pdf'];
    expect(filesFromArgv(argv, { defaultApp: true, cwd: '/home/me', isFile: (f) => files.has(f) })).toEqual(['/home/me/report.pdf']);
    // Packaged, the same file would be one to open: only development has an app path.
    expect(filesFromArgv(['dossier', '/app/out/main/index.js'], { defaultApp: false, cwd: '/', isFile: (f) => files.has(f) })).toEqual(['/app/out/main/index.js']);
  });

  it('names a file once however often it is given', () => {
    expect(filesFromArgv(['dossier', 'report.pdf', '/home/me/report.pdf'], { defaultApp: false, cwd: '/home/me', isFile })).toEqual(['/home/me/report.pdf']);
  });

  it('reads the disk by default', () => {
    const self = new URL(import.meta.url).pathname;
    expect(filesFromArgv(['dossier', self, path.dirname(self)], { defaultApp: false, cwd: '/' })).toEqual([self]);
  });
});

describe('openKind', () => {
  it('tells backups from articles by extension', () => {
    expect(openKind('/a/Weekly.DOSSIER-BACKUP')).toBe('backup');
    expect(openKind('/a/dossier-2025.zip')).toBe('backup');
    expect(openKind('/a/report.pdf')).toBe('import');
    expect(openKind('/a/brief.jsonld')).toBe('import');
  });
});

describe('FileOpenQueue', () => {
  it('holds files until a window is ready, then hands them over in order, and holds again once it closes', async () => {
    const queue = new FileOpenQueue();
    queue.open(['/a']);
    queue.open([]);
    queue.open(['/b', '/c']);
    expect(queue.waiting()).toEqual(['/a', '/b', '/c']);
    const first = vi.fn(() => Promise.resolve());
    queue.ready(first);
    expect(first.mock.calls).toEqual([[['/a', '/b', '/c']]]);
    queue.open(['/d']);
    expect(first.mock.calls.at(-1)).toEqual([['/d']]);
    queue.closed();
    queue.open(['/e']);
    expect(first).toHaveBeenCalledTimes(2);
    const second = vi.fn(() => Promise.resolve());
    queue.ready(second);
    expect(second.mock.calls).toEqual([[['/e']]]);
    expect(queue.waiting()).toEqual([]);
  });

  it('logs a batch that fails to open and goes on with the next', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const queue = new FileOpenQueue();
    const handler = vi.fn().mockRejectedValueOnce(new Error('disk gone')).mockResolvedValue(undefined);
    queue.ready(handler);
    queue.open(['/a']);
    queue.open(['/b']);
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    expect(handler).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});

describe('openFiles', () => {
  function deps(files: Record<string, string>) {
    return {
      readFile: vi.fn((file: string) => (file in files ? Promise.resolve(new TextEncoder().encode(files[file])) : Promise.reject(new Error('ENOENT: no such file')))),
      addRecentDocument: vi.fn(),
      importIntoWindow: vi.fn(),
      openBackup: vi.fn(() => Promise.resolve()),
      reportUnreadable: vi.fn(),
    };
  }

  it('imports articles together, remembers them as recent documents, and opens backups on their own', async () => {
    const d = deps({ '/a/one.md': '# One', '/a/two.txt': 'Two' });
    await openFiles(['/a/one.md', '/a/w.dossier-backup', '/a/two.txt'], d);
    expect(d.openBackup).toHaveBeenCalledWith('/a/w.dossier-backup');
    expect(d.importIntoWindow).toHaveBeenCalledTimes(1);
    expect(d.importIntoWindow).toHaveBeenCalledWith([
      { name: 'one.md', base64: Buffer.from('# One').toString('base64') },
      { name: 'two.txt', base64: Buffer.from('Two').toString('base64') },
    ]);
    expect(d.addRecentDocument.mock.calls).toEqual([['/a/one.md'], ['/a/two.txt']]);
  });

  it('reports a file it cannot read, and neither imports nor remembers it', async () => {
    const d = deps({});
    await openFiles(['/a/gone.md'], d);
    expect(d.reportUnreadable).toHaveBeenCalledWith('/a/gone.md', expect.stringContaining('ENOENT'));
    expect(d.importIntoWindow).not.toHaveBeenCalled();
    expect(d.addRecentDocument).not.toHaveBeenCalled();
  });
});

describe('recentDocuments', () => {
  it('keeps absolute paths of existing files, once each', () => {
    expect(recentDocuments(['/home/me/report.pdf', 'report.pdf', '/home/me/gone.md', '/home/me/report.pdf', '/work/x.dossier-backup'], isFile)).toEqual(['/home/me/report.pdf', '/work/x.dossier-backup']);
  });
});
