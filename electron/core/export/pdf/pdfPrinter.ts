import { SANS_STACK } from '../scriptFonts';

/**
 * Prints a self-contained HTML brief to PDF through Chromium's print engine: `printToPDF` in the
 * Electron app, a headless Chromium (playwright-core) in the host and the CLI. Either way the
 * page may fetch nothing and run no script.
 */
export interface PdfOptions {
  /** The handling line, printed at the top and bottom of every page ('' for none). */
  headerFooterText: string;
  title: string;
}

export type PdfPrinter = (html: string, options: PdfOptions) => Promise<Uint8Array>;

/** Page margins leave room for the header and footer lines. */
export const PDF_MARGINS_MM = { top: 20, bottom: 20, left: 16, right: 16 } as const;

/** The handling line may be in any script: the brief's sans-serif fonts, quoted for a style attribute. */
const LINE = `font-family: ${SANS_STACK.replace(/"/g, "'")}; font-size: 8px; color: #000; width: 100%; margin: 0 16mm;`;

/**
 * Chromium's header and footer templates: the handling line in both, "Page N of M" in the footer.
 * They are rendered apart from the page, so they carry their own (small, explicit) font size.
 */
export function headerTemplate(text: string): string {
  return `<div style="${LINE} text-align: center; font-weight: 700;">${escapeTemplate(text)}</div>`;
}

export function footerTemplate(text: string): string {
  return (
    `<div style="${LINE} display: flex; justify-content: space-between; gap: 8px;">` +
    `<span style="font-weight: 700;">${escapeTemplate(text)}</span>` +
    '<span style="white-space: nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
  );
}

function escapeTemplate(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
