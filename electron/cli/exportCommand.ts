import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DossierApi } from '../common/contract';
import { DossierError } from '../common/errors';
import { BriefFormat, type ExportSource } from '../common/model/brief';
import type { EventBus } from '../core/events';
import { fsyncDir } from '../core/store/durableFile';
import type { CliIO } from './runCli';
import { UsageError } from './usageError';

export interface ExportArgs {
  article?: string;
  brief?: string;
  all?: boolean;
  format?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

/** Progress lines start at this many articles: a small export is over before a line would help. */
const PROGRESS_FROM = 10;

/**
 * `dossier export (--article ID | --brief ID | --all) --format F --out FILE [--force]`: writes the
 * file atomically, never over an existing one without --force, and reports progress on stderr
 * when it gathers many articles (locally; through a running app the app does the work).
 */
export async function exportCommand(
  api: DossierApi,
  args: ExportArgs,
  io: CliIO,
  context: { resolveArticle: (given: string) => Promise<string>; events?: EventBus },
): Promise<number> {
  const chosen = [args.article !== undefined, args.brief !== undefined, args.all === true].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('export needs one of --article ID, --brief ID or --all');
  const format = BriefFormat.safeParse(args.format);
  if (!format.success) {
    const supported = BriefFormat.options.join(', ');
    throw new UsageError(args.format ? `unsupported --format '${args.format}' (supported: ${supported})` : `export needs --format (${supported})`);
  }
  if (!args.out) throw new UsageError('export needs --out FILE');
  const out = path.resolve(args.out);
  await checkTarget(out, args.force === true);

  const source: ExportSource =
    args.article !== undefined
      ? { articleId: await context.resolveArticle(args.article) }
      : args.brief !== undefined
        ? { briefId: await resolveBrief(api, args.brief) }
        : { all: true };

  let shown = -1;
  const unsubscribe = context.events?.subscribe((name, payload) => {
    if (name !== 'export.progress' || args.json || !('total' in payload) || payload.total < PROGRESS_FROM) return;
    // About twenty lines for any size, and always the last one.
    const step = Math.floor((payload.done * 20) / payload.total);
    if (step === shown && payload.done !== payload.total) return;
    shown = step;
    io.stderr(`exporting: ${payload.done} of ${payload.total} articles\n`);
  });
  let file;
  try {
    file = await api['export.brief']({ source, format: format.data });
  } finally {
    unsubscribe?.();
  }
  const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
  await writeAtomically(out, bytes, args.force === true);
  if (args.json) io.stdout(`${JSON.stringify({ out, bytes: bytes.length })}\n`);
  else io.stdout(`wrote ${out}\n`);
  return 0;
}

/** `dossier briefs`: the saved briefs, newest first. */
export async function briefsCommand(api: DossierApi, args: { json?: boolean }, io: CliIO): Promise<number> {
  const { briefs } = await api['briefs.list']({});
  if (args.json) io.stdout(`${JSON.stringify({ briefs })}\n`);
  else if (briefs.length === 0) io.stdout('No saved briefs yet. Compose one in the app.\n');
  else for (const b of briefs) io.stdout(`${b.id}  ${b.modified.slice(0, 10)}  ${b.title}  (${b.sectionCount} section${b.sectionCount === 1 ? '' : 's'})\n`);
  return 0;
}

/** Accepts a full id or an unambiguous prefix of one, as for articles. */
async function resolveBrief(api: DossierApi, given: string): Promise<string> {
  const { briefs } = await api['briefs.list']({});
  if (briefs.some((b) => b.id === given)) return given;
  const matches = briefs.filter((b) => b.id.startsWith(given) || b.id.slice(b.id.indexOf('_') + 1).startsWith(given));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) throw new DossierError('bad-input', `'${given}' matches ${matches.length} briefs; give more of the id.`);
  throw new DossierError('not-found', `No brief with id '${given}' in this workspace (see: dossier briefs).`);
}

/** Fails before any work is done when the file would not be written anyway. */
async function checkTarget(out: string, force: boolean): Promise<void> {
  const dir = await fs.stat(path.dirname(out)).catch(() => null);
  if (!dir?.isDirectory()) throw new DossierError('bad-input', `Cannot write ${out}: its folder does not exist.`);
  const existing = await fs.lstat(out).catch(() => null);
  if (existing?.isDirectory()) throw new DossierError('bad-input', `Cannot write ${out}: it is a folder.`);
  if (existing && !force) throw new DossierError('bad-input', `${out} already exists; add --force to overwrite it.`);
}

/**
 * Writes a temp file beside the target, fsyncs it, then puts it in place: a rename with --force,
 * else a hard link, which fails if the file appeared meanwhile. A crash or a full disk never
 * leaves a half-written brief under the target's name.
 */
async function writeAtomically(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const dir = path.dirname(out);
  const tmp = path.join(dir, `.${path.basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) await fs.rename(tmp, out);
    else await placeWithoutOverwrite(tmp, out);
    await fsyncDir(dir);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    if (error instanceof DossierError) throw error;
    throw new DossierError('bad-input', `Cannot write ${out}: ${(error as Error).message}`);
  }
}

async function placeWithoutOverwrite(tmp: string, out: string): Promise<void> {
  try {
    await fs.link(tmp, out);
    await fs.rm(tmp, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new DossierError('bad-input', `${out} already exists; add --force to overwrite it.`);
    // Filesystems without hard links (FAT, some network shares): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (await fs.lstat(out).then(() => true, () => false)) throw new DossierError('bad-input', `${out} already exists; add --force to overwrite it.`);
    await fs.rename(tmp, out);
  }
}
