import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, isDossierError } from '../common/errors';
import { isWebAnnotationFile, type ImportSource } from '../core';

/**
 * What `dossier import DIR` picks up in a folder: the extensions the core reads as articles
 * (core/import/detectFormat.ts; anything else would be read as plain text) and W3C Web Annotation
 * files. A `.json` file counts when it holds Web Annotations, as the core decides.
 */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf']);
const ANNOTATION_EXTENSION = '.jsonld';

export interface ImportFailure {
  file: string;
  message: string;
  /** The encodings the file may be in, when Dossier could not tell (see the core's decodeTextFile). */
  encodings?: { encoding: string; preview: string }[];
}

/** The files one `dossier import` will read, articles before annotation files so these find the articles. */
export interface ImportInputs {
  articles: string[];
  annotations: string[];
  /** Arguments that are neither a readable file nor a folder. */
  failures: ImportFailure[];
  /** Per folder given, how many files in it were not of a kind Dossier imports. */
  skipped: { dir: string; files: number }[];
}

/**
 * The files named on the command line, in their order, each folder replaced by the importable
 * files under it: recursively, hidden files and folders left out, sorted by name at each level
 * so that a folder imports in the same order on every machine.
 */
export async function collectImportInputs(args: readonly string[]): Promise<ImportInputs> {
  const inputs: ImportInputs = { articles: [], annotations: [], failures: [], skipped: [] };
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch (error) {
      inputs.failures.push({ file: arg, message: readError(arg, error).message });
      continue;
    }
    if (stat.isDirectory()) {
      const before = inputs.articles.length + inputs.annotations.length;
      const failedBefore = inputs.failures.length;
      const skipped = await walk(arg, inputs);
      if (inputs.failures.length > failedBefore && skipped === 0) continue;
      if (inputs.articles.length + inputs.annotations.length === before) {
        const also = skipped > 0 ? ` (${skipped} unsupported file${skipped === 1 ? '' : 's'} skipped)` : '';
        inputs.failures.push({ file: arg, message: `${arg}: no files to import in this folder${also}.` });
      } else if (skipped > 0) {
        inputs.skipped.push({ dir: arg, files: skipped });
      }
    } else if (!stat.isFile()) {
      inputs.failures.push({ file: arg, message: `${arg} is not a file.` });
    } else if ((await annotationFile(arg)) ?? false) {
      inputs.annotations.push(arg);
    } else {
      // Named on the command line: the core decides what it is, and says why when it is nothing.
      inputs.articles.push(arg);
    }
  }
  return inputs;
}

/** Adds the importable files under `dir` to `inputs`; returns how many others it passed over. */
async function walk(dir: string, inputs: ImportInputs): Promise<number> {
  let skipped = 0;
  let listed;
  try {
    listed = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    inputs.failures.push({ file: dir, message: readError(dir, error).message });
    return 0;
  }
  const entries = listed
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    // Links to folders are not followed: a link to a parent would never end.
    if (entry.isDirectory()) {
      skipped += await walk(file, inputs);
      continue;
    }
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await fs.stat(file).then((s) => s.isFile(), () => false)));
    const kind = isFile ? await annotationFile(file) : undefined;
    if (kind === true) inputs.annotations.push(file);
    else if (isFile && ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) inputs.articles.push(file);
    else skipped += 1;
  }
  return skipped;
}

/** True for a W3C Web Annotation file, false for any other `.json`, undefined for other names. */
async function annotationFile(file: string): Promise<boolean | undefined> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ANNOTATION_EXTENSION) return true;
  if (ext !== '.json') return undefined;
  // Only the content tells a Web Annotation collection from other JSON; the file is read again when imported.
  const bytes = await fs.readFile(file).catch(() => null);
  return bytes !== null && isWebAnnotationFile({ name: file, bytes });
}

/** How much one call to the core (or to the running app) is given at once. */
export const BATCH_LIMITS = { files: 100, bytes: 20 * 1024 * 1024 };

export interface ImportBatch {
  sources: ImportSource[];
  /** Files that could not be read when their turn came. */
  failures: ImportFailure[];
}

/**
 * The files' bytes, read as they are needed, a batch at a time: a folder of 10,000 files never
 * sits in memory at once. A file larger than the byte limit goes in a batch of its own.
 */
export async function* readInBatches(files: readonly string[], limits = BATCH_LIMITS): AsyncGenerator<ImportBatch> {
  let batch: ImportBatch = { sources: [], failures: [] };
  let bytes = 0;
  for (const file of files) {
    let data: Uint8Array;
    try {
      data = await readInput(file);
    } catch (error) {
      if (!isDossierError(error)) throw error;
      batch.failures.push({ file, message: error.message });
      continue;
    }
    if (batch.sources.length > 0 && bytes + data.length > limits.bytes) {
      yield batch;
      batch = { sources: [], failures: [] };
      bytes = 0;
    }
    batch.sources.push({ name: file, bytes: data });
    bytes += data.length;
    if (batch.sources.length >= limits.files) {
      yield batch;
      batch = { sources: [], failures: [] };
      bytes = 0;
    }
  }
  if (batch.sources.length > 0 || batch.failures.length > 0) yield batch;
}

/** A file's bytes, or an error worded for the user. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new DossierError('import-failed', `${file} is not a file.`);
    return await fs.readFile(file);
  } catch (error) {
    throw readError(file, error);
  }
}

function readError(file: string, error: unknown): DossierError {
  if (isDossierError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DossierError('import-failed', `${file}: no such file.`);
  if (code === 'EACCES') return new DossierError('import-failed', `${file}: permission denied.`);
  return new DossierError('import-failed', `${file}: ${(error as Error).message}`);
}
