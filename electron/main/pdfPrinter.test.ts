import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronPdfPrinter } from './pdfPrinter';

// require('electron') from plain Node tries to download the binary: tests get a fake.
const fake = vi.hoisted(() => {
  type Filter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | undefined;
    destroyed = false;
    loaded: string | undefined;
    loadedHtml: string | undefined;
    /** Whether the request filter let the brief's own URL through while it was loading. */
    ownUrlAllowed: boolean | undefined;
    filter: Filter | undefined;
    printOptions: Record<string, unknown> | undefined;
    readonly webContents = {
      session: { webRequest: { onBeforeRequest: (filter: Filter) => (this.filter = filter) } },
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      printToPDF: async (options: Record<string, unknown>) => {
        this.printOptions = options;
        if (FakeBrowserWindow.failNext) throw new Error('printing failed');
        return Buffer.from('%PDF-1.7');
      },
    };
    static failNext = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      FakeBrowserWindow.last = this;
    }
    async loadURL(url: string): Promise<void> {
      this.loaded = url;
      this.filter?.({ url }, (r) => (this.ownUrlAllowed = !r.cancel));
      this.loadedHtml = readFileSync(fileURLToPathLater(url), 'utf8');
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }
  let toPath: (url: string) => string = () => '';
  const fileURLToPathLater = (url: string) => toPath(url);
  return { FakeBrowserWindow, setToPath: (f: (url: string) => string) => (toPath = f) };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }));

beforeEach(() => {
  fake.setToPath(fileURLToPath);
  fake.FakeBrowserWindow.failNext = false;
});

const HTML = '<!doctype html><title>Brief</title><p>Body</p>';

describe('electronPdfPrinter', () => {
  it('prints in a hidden, offscreen, sandboxed window with JavaScript off, in its own session', async () => {
    const pdf = await electronPdfPrinter()(HTML, { headerFooterText: 'SECRET <b>', title: 'Brief' });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7');
    const win = fake.FakeBrowserWindow.last!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      offscreen: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      partition: 'dossier-pdf',
    });
    expect(win.options.webPreferences.preload).toBeUndefined();
    expect(win.loaded).toMatch(/^file:\/\/.*dossier-brief-[0-9a-f]+\.html$/);
    expect(win.loadedHtml).toBe(HTML);
  });

  it('asks for a tagged PDF with an outline, A4, the handling line in header and footer and page numbers', async () => {
    await electronPdfPrinter()(HTML, { headerFooterText: 'SECRET <b>', title: 'Brief' });
    const options = fake.FakeBrowserWindow.last!.printOptions!;
    expect(options).toMatchObject({ pageSize: 'A4', generateTaggedPDF: true, generateDocumentOutline: true, displayHeaderFooter: true, printBackground: true });
    expect(options.headerTemplate).toContain('SECRET &#60;b&#62;');
    expect(options.footerTemplate).toContain('SECRET &#60;b&#62;');
    expect(options.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(options.headerTemplate).not.toContain('<b>');
  });

  it('lets the page load only the brief itself: every other request is cancelled', async () => {
    await electronPdfPrinter()(HTML, { headerFooterText: '', title: 'Brief' });
    const win = fake.FakeBrowserWindow.last!;
    expect(win.ownUrlAllowed).toBe(true);
    // The filter outlives this print in the session; what it allowed for this brief, it no longer does.
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      win.filter!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of ['https://example.org/x.png', 'http://127.0.0.1:8080/', 'file:///etc/passwd', win.loaded!]) expect(decide(url), url).toBe(true);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
  });

  it('closes the window and removes the temporary file afterwards, and words a failure for the user', async () => {
    await electronPdfPrinter()(HTML, { headerFooterText: '', title: 'Brief' });
    const ok = fake.FakeBrowserWindow.last!;
    expect(ok.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(ok.loaded!))).toBe(false);

    fake.FakeBrowserWindow.failNext = true;
    await expect(electronPdfPrinter()(HTML, { headerFooterText: '', title: 'Brief' })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'Dossier could not print the PDF: printing failed',
    });
    const failed = fake.FakeBrowserWindow.last!;
    expect(failed.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(failed.loaded!))).toBe(false);
  });
});
