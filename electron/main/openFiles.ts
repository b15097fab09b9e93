import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * A Dossier backup (`dossier backup --out`): a zip with a SHA-256 manifest. Named
 * `*.dossier-backup` it opens in Dossier from the file manager (electron-builder.yml associates
 * the extension); a `.zip` given to the app is taken for a backup too, since articles never come
 * zipped. Anything else goes through the import, which names what it cannot read.
 */
export const BACKUP_EXTENSIONS = ['.dossier-backup', '.zip'] as const;

export type OpenKind = 'backup' | 'import';

export function openKind(file: string): OpenKind {
  const lower = file.toLowerCase();
  return BACKUP_EXTENSIONS.some((ext) => lower.endsWith(ext)) ? 'backup' : 'import';
}

/** Switches of Dossier's own that take a value as the next argument, which is then not a file. */
const VALUE_FLAGS = new Set(['--workspace']);

/**
 * The files named on a command line: what `dossier-app report.pdf` (a second launch, a file
 * manager's "Open with", a Windows jump list) asks the app to open. Skipped: the executable, the
 * app path in development (`electron .`), switches (Chromium adds its own on a second launch) and
 * their values, and whatever is not an existing file (a folder, a typo). Relative paths are the
 * launching shell's, so they resolve against its working directory.
 */
export function filesFromArgv(
  argv: readonly string[],
  { defaultApp, cwd, isFile = isExistingFile }: { defaultApp: boolean; cwd: string; isFile?: (file: string) => boolean },
): string[] {
  const files: string[] = [];
  const args = argv.slice(1);
  // In development the first argument that is not a switch is the app (`electron out/main/index.js`);
  // switches may come before it (Playwright puts --inspect=0 there).
  let appPathSeen = !defaultApp;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') continue;
    if (arg.startsWith('-')) {
      if (VALUE_FLAGS.has(arg)) i++;
      continue;
    }
    if (!appPathSeen) {
      appPathSeen = true;
      continue;
    }
    const file = path.resolve(cwd, arg);
    if (isFile(file) && !files.includes(file)) files.push(file);
  }
  return files;
}

function isExistingFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Files to open wait here until a window is ready to take them: macOS sends `open-file` before
 * the app is ready, and a second launch may come while the window is still loading. Each batch
 * goes to the handler in the order it came; a window that closes stops taking them until the next
 * one is ready.
 */
export class FileOpenQueue {
  private pending: string[] = [];
  private handler: ((files: string[]) => Promise<void>) | null = null;

  open(files: readonly string[]): void {
    if (files.length === 0) return;
    if (this.handler) this.deliver(this.handler, [...files]);
    else this.pending.push(...files);
  }

  /** A window can take files now: those waiting go first. */
  ready(handler: (files: string[]) => Promise<void>): void {
    this.handler = handler;
    const waiting = this.pending.splice(0);
    if (waiting.length > 0) this.deliver(handler, waiting);
  }

  /** The window went: hold files again until the next one is ready. */
  closed(): void {
    this.handler = null;
  }

  waiting(): readonly string[] {
    return this.pending;
  }

  private deliver(handler: (files: string[]) => Promise<void>, files: string[]): void {
    handler(files).catch((error: unknown) => console.error('Could not open', files.join(', '), error));
  }
}

export interface OpenFilesDeps {
  readFile(file: string): Promise<Uint8Array>;
  /** The system's recent documents (File › Open Recent on macOS, the jump list on Windows). */
  addRecentDocument(file: string): void;
  /** Hands files to the window's import, which shows progress, failures and the first new article. */
  importIntoWindow(files: { name: string; base64: string }[]): void;
  openBackup(file: string): Promise<unknown>;
  reportUnreadable(file: string, message: string): void;
}

/**
 * Opens what the system handed over: backups one by one with their own questions, everything
 * else in one import (an unsupported file is reported by the import, like one picked in the
 * dialog). Only files that were read go to the recent documents.
 */
export async function openFiles(files: readonly string[], deps: OpenFilesDeps): Promise<void> {
  const imports: { name: string; base64: string }[] = [];
  for (const file of files) {
    if (openKind(file) === 'backup') {
      await deps.openBackup(file);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await deps.readFile(file);
    } catch (error) {
      deps.reportUnreadable(file, (error as Error)?.message ?? String(error));
      continue;
    }
    imports.push({ name: path.basename(file), base64: Buffer.from(bytes).toString('base64') });
    deps.addRecentDocument(file);
  }
  if (imports.length > 0) deps.importIntoWindow(imports);
}

/**
 * The files the window says it imported, for the recent documents: only absolute paths of
 * existing files (the window's word is checked, not trusted).
 */
export function recentDocuments(paths: readonly string[], isFile: (file: string) => boolean = isExistingFile): string[] {
  return [...new Set(paths)].filter((file) => path.isAbsolute(file) && isFile(file));
}
