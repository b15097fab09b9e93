import { DossierError, phrase } from '../../../common/errors';
import { findChromium } from './findChromium';
import { footerTemplate, headerTemplate, PDF_MARGINS_MM, type PdfPrinter } from './pdfPrinter';

/** The page's own address: the only request that is answered (with the brief); every other one is aborted. */
const BRIEF_URL = 'https://brief.dossier.invalid/';

const QUIET_ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-default-apps'];

/**
 * Prints with a headless system Chromium through playwright-core: JavaScript off, offline, and a
 * route that answers only the brief's own address, so nothing in the page can reach the network.
 * One browser per export: exports are rare, and no browser stays running between them.
 */
export function chromiumPdfPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  return async (html, options) => {
    const { chromium } = await loadPlaywright();
    const executablePath = findChromium(env, () => chromium.executablePath());
    // Root cannot use Chromium's sandbox; everyone else keeps it.
    const args = [...QUIET_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
    let browser;
    try {
      browser = await chromium.launch({ executablePath, args, headless: true });
    } catch (error) {
      throw new DossierError('unavailable', phrase('pdf.couldNotStart', { path: executablePath, reason: firstLine(error) }));
    }
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
      await context.route('**/*', (route) =>
        route.request().url() === BRIEF_URL
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.request().url().startsWith('data:')
            ? route.continue()
            : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(BRIEF_URL, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(options.headerFooterText),
        footerTemplate: footerTemplate(options.headerFooterText),
        margin: {
          top: `${PDF_MARGINS_MM.top}mm`,
          bottom: `${PDF_MARGINS_MM.bottom}mm`,
          left: `${PDF_MARGINS_MM.left}mm`,
          right: `${PDF_MARGINS_MM.right}mm`,
        },
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf);
    } catch (error) {
      throw new DossierError('unavailable', phrase('pdf.couldNotPrint', { path: executablePath, reason: firstLine(error) }));
    } finally {
      // The PDF is ready: closing (a few hundred ms) need not hold up saving it. A process that
      // exits right after still waits for the browser to go.
      browser.close().catch((error: unknown) => console.error('Dossier: closing the PDF browser failed:', error));
    }
  };
}

type Playwright = typeof import('playwright-core');

const PLAYWRIGHT = 'playwright-core';

/** Loaded on first use: the CLI and the host start without it, and most exports are not PDFs. */
async function loadPlaywright(): Promise<Playwright> {
  try {
    // A name in a variable: bundled, playwright-core cannot find its own files, so it stays in
    // node_modules and is resolved there at run time.
    return (await import(/* @vite-ignore */ PLAYWRIGHT)) as Playwright;
  } catch (error) {
    throw new DossierError('unavailable', phrase('pdf.noPlaywright', { reason: firstLine(error) }));
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
