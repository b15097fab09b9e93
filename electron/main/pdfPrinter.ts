import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { DossierError, phrase, wordsOf } from '../common/errors';
import { footerTemplate, headerTemplate, PDF_MARGINS_MM, type PdfPrinter } from '../core';

/** Its own in-memory session: blocking requests there leaves the app's window alone. */
const PARTITION = 'dossier-pdf';
const MM_PER_INCH = 25.4;
/** Briefs being printed now; two exports at once share the session and its one request filter. */
const printing = new Set<string>();

/**
 * Prints with Electron's own Chromium: a hidden, offscreen, sandboxed window with JavaScript off
 * loads the brief from a temporary file (a data: URL is capped at 2 MB) and may load nothing else.
 */
export function electronPdfPrinter(): PdfPrinter {
  return async (html, options) => {
    const file = path.join(os.tmpdir(), `dossier-brief-${randomBytes(8).toString('hex')}.html`);
    await fs.writeFile(file, html, { mode: 0o600 });
    const allowed = pathToFileURL(file).href;
    printing.add(allowed);
    const win = new BrowserWindow({
      show: false,
      title: options.title,
      webPreferences: {
        offscreen: true,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
        partition: PARTITION,
      },
    });
    try {
      win.webContents.session.webRequest.onBeforeRequest((details, callback) => {
        callback({ cancel: !(printing.has(details.url) || details.url.startsWith('data:')) });
      });
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      await win.loadURL(allowed);
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(options.headerFooterText),
        footerTemplate: footerTemplate(options.headerFooterText),
        margins: {
          top: PDF_MARGINS_MM.top / MM_PER_INCH,
          bottom: PDF_MARGINS_MM.bottom / MM_PER_INCH,
          left: PDF_MARGINS_MM.left / MM_PER_INCH,
          right: PDF_MARGINS_MM.right / MM_PER_INCH,
        },
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      });
      return new Uint8Array(pdf);
    } catch (error) {
      throw new DossierError('unavailable', phrase('pdf.failed', { reason: wordsOf(error) }));
    } finally {
      if (!win.isDestroyed()) win.destroy();
      printing.delete(allowed);
      await fs.rm(file, { force: true });
    }
  };
}
