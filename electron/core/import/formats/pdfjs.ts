import { createRequire } from 'node:module';
import path from 'node:path';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded on first use (it costs ~100 ms). On Node it runs its "worker" in-process; it
 * takes the worker module from `globalThis.pdfjsWorker` when set, instead of importing it by a
 * path relative to itself, which a bundled main process would break. Nothing is fetched.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Local folders pdf.js reads with `fs` on Node: the Adobe CMaps that map CJK fonts' glyphs to
 * Unicode (without them Chinese and Japanese PDFs without embedded maps lose their text) and the
 * metrics of the 14 standard fonts.
 */
export function pdfjsDataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = outsideAsar(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')));
  return {
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  };
}

/**
 * In the packaged app pdfjs-dist sits inside app.asar, and its data folders are unpacked beside
 * it (electron-builder.yml, asarUnpack): the import runs in a worker thread, which reads them
 * with plain `fs`, so they must be real files.
 */
export function outsideAsar(folder: string): string {
  return folder.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}
