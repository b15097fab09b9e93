import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CallResponse, DossierApi } from '../common/contract';
import { DossierError, isDossierError } from '../common/errors';
import { createCore, type CoreOptions, type DossierCore } from '../core/dossierCore';
import { importArticles, type ImportSource } from '../core/import/importArticles';
import { liveLockHolder } from '../core/store/lock';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { resolveWorkspaceDir } from '../core/workspace/workspaceLocation';
import { normalizeArticleText } from '../common/text/normalizeArticleText';
import { inProcessDetector } from '../core/entities/entityDetector';
import { extractArticle } from '../core/import/extractArticle';
import { isWebAnnotationFile } from '../core/export/jsonld/importWebAnnotations';
import { printAnnotationReports, unmatchedCount } from './annotationImportSummary';
import { backupCommand, restoreCommand } from './backupCommands';
import { briefsCommand, exportCommand } from './exportCommand';
import { createRemoteApi } from './remoteApi';
import { UsageError } from './usageError';
import { serve } from './serve';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** How the core is set up when the CLI opens the workspace itself (the installed app prints PDFs with Electron). */
  core?: CoreOptions;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

const OPTIONS = {
  workspace: { type: 'string' },
  json: { type: 'boolean' },
  article: { type: 'string' },
  brief: { type: 'string' },
  all: { type: 'boolean' },
  quote: { type: 'string' },
  comment: { type: 'string' },
  occurrence: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  port: { type: 'string' },
  replace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export const USAGE = `Usage: dossier <command> [options]

Commands:
  import FILE...                         import articles (text, Markdown, HTML, PDF)
  import FILE --replace ID               import FILE as the article's new version; re-anchors its annotations
  import FILE.jsonld                     add W3C Web Annotations to the articles they were made on
  articles --json                        list the workspace's articles
  annotate --article ID --quote TEXT     highlight a passage [--comment TEXT] [--occurrence N]
  annotations --article ID --json        list an article's annotations
  export (--article ID | --brief ID | --all) --format md|html|pdf|docx|jsonld --out FILE [--force]
                                         write an annotated brief of one article, a saved brief or
                                         the whole workspace (jsonld: W3C Web Annotations)
  briefs --json                          list the saved briefs
  entities FILE --json                   detect entities in FILE without storing anything
                                         (with --workspace: its confirmed entities and rejections apply)
  entity list --json                     the workspace's entities with mention counts
  entity show NAME --json                one entity: aliases, mentions with context, co-occurring entities
  serve [--port N]                       serve Dossier on 127.0.0.1 for a browser
  backup --out FILE.zip [--force]        write the whole workspace into one archive (with SHA-256 manifest)
  restore FILE.zip --workspace DIR       restore a backup into an empty or new folder

Options:
  --workspace DIR   the workspace folder (default: $DOSSIER_WORKSPACE, else Documents/Dossier)
  --json            print one JSON object on stdout
  -h, --help        show this help
`;


/** Runs one `dossier` command; returns the exit code. Errors are one line on stderr. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr(`dossier: ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (command || values.help ? io.stdout : io.stderr)(USAGE);
    return command || values.help ? 0 : 2;
  }
  try {
    const workspace = resolveWorkspaceDir(values.workspace, io.env);
    switch (command) {
      case 'import':
        return values.replace === undefined
          ? await importCommand(workspace, rest, values, io)
          : await withApi(io, workspace, false, (api) => replaceCommand(api, rest, values, io));
      case 'articles':
        return await withApi(io, workspace, false, (api) => articlesCommand(api, values, io));
      case 'annotate':
        return await withApi(io, workspace, false, (api) => annotateCommand(api, values, io));
      case 'annotations':
        return await withApi(io, workspace, false, (api) => annotationsCommand(api, values, io));
      case 'export':
        return await withApi(io, workspace, false, (api, _store, core) =>
          exportCommand(api, values, io, { resolveArticle: (id) => resolveArticle(api, id), events: core?.events }),
        );
      case 'briefs':
        return await withApi(io, workspace, false, (api) => briefsCommand(api, values, io));
      case 'entities':
        return await entitiesCommand(rest, values, io);
      case 'entity':
        return await withApi(io, workspace, false, (api) => entityCommand(api, rest, values, io));
      case 'serve':
        return await serve(workspace, parsePort(values.port), io);
      case 'backup':
        if (!values.out) throw new UsageError('backup needs --out FILE.zip');
        return await backupCommand(workspace, values.out, { force: values.force, json: values.json }, io);
      case 'restore':
        if (rest.length !== 1) throw new UsageError('restore takes exactly one FILE.zip (and --workspace DIR)');
        return await restoreCommand(rest[0]!, workspace, { json: values.json }, io);
      default:
        throw new UsageError(`unknown command '${command}' (see dossier --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dossier: ${error.message}\n`);
      return 2;
    }
    if (isDossierError(error)) {
      io.stderr(`dossier: ${error.message}\n`);
      return 1;
    }
    io.stderr(`dossier: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}

/**
 * Runs `task` against the workspace: through the running app when one holds it, else by opening
 * the files directly (and locking them meanwhile).
 */
async function withApi<T>(
  io: CliIO,
  dir: string,
  create: boolean,
  task: (api: DossierApi, store?: WorkspaceStore, core?: DossierCore) => Promise<T>,
): Promise<T> {
  const holder = await liveLockHolder(dir);
  if (holder?.url && holder.token) return task(createRemoteApi(holder.url, holder.token));
  const store = await WorkspaceStore.open(dir, { create });
  if (store.lockTakeoverMessage) io.stderr(`dossier: ${store.lockTakeoverMessage}\n`);
  for (const step of store.migrations) io.stderr(`dossier: upgraded the workspace (${step})\n`);
  try {
    const core = createCore(store, io.core);
    return await task(core.api, store, core);
  } finally {
    await store.close();
  }
}

async function importCommand(workspace: string, files: string[], values: Values, io: CliIO): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs at least one FILE');
  const sources: ImportSource[] = [];
  const failures: { file: string; message: string }[] = [];
  for (const file of files) {
    try {
      sources.push({ name: file, bytes: await readInput(file) });
    } catch (error) {
      if (!isDossierError(error)) throw error;
      failures.push({ file, message: error.message });
    }
  }
  const annotationFiles = sources.filter(isWebAnnotationFile);
  const articleSources = sources.filter((s) => !annotationFiles.includes(s));
  const asFiles = (list: ImportSource[]) => list.map((s) => ({ name: path.basename(s.name), base64: Buffer.from(s.bytes).toString('base64') }));
  const outcome: CallResponse<'articles.import'> =
    sources.length === 0
      ? { articles: [], failures: [] }
      : await withApi(io, workspace, articleSources.length > 0, async (api, store) => {
          const imported =
            articleSources.length === 0
              ? { articles: [], failures: [] }
              : store
                ? await importArticles(store, articleSources, {
                    onProgress: (done, total, name) => {
                      if (total > 1 && !values.json) io.stderr(`[${done}/${total}] ${path.basename(name)}\n`);
                    },
                  })
                : await api['articles.import']({ files: asFiles(articleSources) });
          if (annotationFiles.length === 0) return imported;
          // Through the core even locally: imported annotations are an undoable change like any other.
          const restored = await api['articles.import']({ files: asFiles(annotationFiles) });
          return { articles: imported.articles, failures: [...imported.failures, ...restored.failures], annotations: restored.annotations };
        });
  failures.push(...outcome.failures);
  for (const a of outcome.articles.filter((x) => x.duplicate)) {
    io.stderr(`dossier: already in the workspace: ${a.id} "${a.title}"\n`);
  }
  for (const f of failures) io.stderr(`dossier: ${f.message}\n`);
  const articles = outcome.articles.map(({ id, title, sha256 }) => ({ id, title, sha256 }));
  if (values.json) {
    io.stdout(`${JSON.stringify(outcome.annotations ? { articles, annotations: outcome.annotations } : { articles })}\n`);
  } else {
    for (const a of outcome.articles) io.stdout(`${a.duplicate ? 'exists  ' : 'imported'} ${a.id}  ${a.title}\n`);
    if (files.length > 1 && annotationFiles.length === 0) io.stdout(`${outcome.articles.length} of ${files.length} imported, ${failures.length} failed\n`);
  }
  printAnnotationReports(outcome.annotations ?? [], io, { summary: !values.json });
  return failures.length > 0 || unmatchedCount(outcome.annotations) > 0 ? 1 : 0;
}

async function replaceCommand(api: DossierApi, files: string[], values: Values, io: CliIO): Promise<number> {
  if (files.length !== 1) throw new UsageError('import --replace takes exactly one FILE');
  const articleId = await resolveArticle(api, values.replace);
  const file = files[0]!;
  const bytes = await readInput(file);
  const { article, counts } = await api['articles.replace']({
    id: articleId,
    file: { name: path.basename(file), base64: Buffer.from(bytes).toString('base64') },
  });
  if (values.json) {
    io.stdout(`${JSON.stringify({ article: { id: article.id, title: article.title, version: article.version }, annotations: counts })}\n`);
    return 0;
  }
  io.stdout(`replaced ${article.id} with version ${article.version}: ${counts.anchored} anchored, ${counts.drifted} drifted, ${counts.orphaned} orphaned\n`);
  if (counts.orphaned > 0) {
    const { annotations } = await api['annotations.list']({ articleId });
    for (const a of annotations.filter((x) => x.status === 'orphaned')) io.stdout(`  orphaned ${a.id}  "${a.target.quote.exact}"\n`);
    io.stdout('Re-attach orphaned highlights in the app by selecting their new words.\n');
  }
  return 0;
}

/** A file's bytes, or an error worded for the user. */
async function readInput(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new DossierError('import-failed', `${file} is not a file.`);
    return await fs.readFile(file);
  } catch (error) {
    if (isDossierError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DossierError('import-failed', `${file}: no such file.`);
    if (code === 'EACCES') throw new DossierError('import-failed', `${file}: permission denied.`);
    throw new DossierError('import-failed', `${file}: ${(error as Error).message}`);
  }
}

async function entitiesCommand(files: string[], values: Values, io: CliIO): Promise<number> {
  if (files.length !== 1) throw new UsageError('entities takes exactly one FILE');
  const file = files[0]!;
  const extracted = await extractArticle(await readInput(file), file);
  const { text } = normalizeArticleText(extracted.text);
  const entities =
    values.workspace === undefined
      ? await inProcessDetector().detect(text, {})
      : (await withApi(io, resolveWorkspaceDir(values.workspace, io.env), false, (api) => api['entities.detect']({ text }))).entities;
  const rows = entities.map(({ name, type, aliases, mentions }) => ({
    name,
    type,
    aliases,
    mentions: mentions.map(({ start, end, text: t }) => ({ start, end, text: t })),
  }));
  if (values.json) io.stdout(`${JSON.stringify({ entities: rows })}\n`);
  else for (const e of rows) io.stdout(`${e.type.padEnd(12)} ${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}  ×${e.mentions.length}\n`);
  return 0;
}

async function entityCommand(api: DossierApi, args: string[], values: Values, io: CliIO): Promise<number> {
  const [sub, ...nameParts] = args;
  const { entities } = await api['entities.list']({});
  if (sub === 'list') {
    if (values.json) io.stdout(`${JSON.stringify({ entities })}\n`);
    else if (entities.length === 0) io.stdout('No entities yet: review the suggestions of an article in the app.\n');
    else for (const e of entities) io.stdout(`${e.type.padEnd(12)} ${e.name}  ${e.mentionCount} mentions in ${e.articleCount} articles\n`);
    return 0;
  }
  if (sub !== 'show') throw new UsageError("entity needs 'list' or 'show NAME'");
  const name = nameParts.join(' ').trim();
  if (!name) throw new UsageError('entity show needs a NAME');
  const key = name.toLocaleLowerCase();
  const found = entities.find((e) => e.id === name || e.name.toLocaleLowerCase() === key || e.aliases.some((a) => a.toLocaleLowerCase() === key));
  if (!found) throw new DossierError('not-found', `No entity named '${name}' in this workspace (see: dossier entity list).`);
  const page = await api['entities.page']({ id: found.id });
  if (values.json) {
    io.stdout(`${JSON.stringify({ entity: { ...page.entity, mentions: page.mentions, annotations: page.annotations, cooccurring: page.cooccurring } })}\n`);
    return 0;
  }
  io.stdout(`${page.entity.name} (${page.entity.type})${page.entity.aliases.length ? ` — also ${page.entity.aliases.join(', ')}` : ''}\n`);
  for (const m of page.mentions) io.stdout(`  ${m.title.slice(0, 50)}  ${m.start}–${m.end}  ${m.context}\n`);
  if (page.cooccurring.length) io.stdout(`With: ${page.cooccurring.map((c) => `${c.name} (${c.articles})`).join(', ')}\n`);
  return 0;
}

async function articlesCommand(api: DossierApi, values: Values, io: CliIO): Promise<number> {
  const { articles } = await api['articles.list']({});
  if (values.json) {
    io.stdout(`${JSON.stringify({ articles: articles.map(({ id, title, published }) => ({ id, title, published })) })}\n`);
  } else if (articles.length === 0) {
    io.stdout('No articles yet. Add one with: dossier import FILE\n');
  } else {
    for (const a of articles) io.stdout(`${a.id}  ${a.published ?? '—'.padEnd(10)}  ${a.title}\n`);
  }
  return 0;
}

async function annotateCommand(api: DossierApi, values: Values, io: CliIO): Promise<number> {
  const articleId = await resolveArticle(api, values.article);
  if (!values.quote) throw new UsageError('annotate needs --quote "exact text"');
  const occurrence = values.occurrence === undefined ? undefined : parsePositive(values.occurrence, '--occurrence');
  const { annotation } = await api['annotations.createFromQuote']({
    articleId,
    quote: values.quote,
    comment: values.comment ?? '',
    occurrence,
  });
  const { start, end } = annotation.target.position;
  const exact = annotation.target.quote.exact;
  if (values.json) io.stdout(`${JSON.stringify({ annotation: { id: annotation.id, start, end, exact } })}\n`);
  else io.stdout(`annotated ${annotation.id}  ${start}–${end}  "${exact}"\n`);
  return 0;
}

async function annotationsCommand(api: DossierApi, values: Values, io: CliIO): Promise<number> {
  const articleId = await resolveArticle(api, values.article);
  const { annotations } = await api['annotations.list']({ articleId });
  const rows = annotations.map((a) => ({
    id: a.id,
    exact: a.target.quote.exact,
    start: a.target.position.start,
    end: a.target.position.end,
    comment: a.comment,
    status: a.status,
  }));
  if (values.json) {
    io.stdout(`${JSON.stringify({ annotations: rows })}\n`);
  } else if (rows.length === 0) {
    io.stdout('No annotations on this article.\n');
  } else {
    for (const r of rows) io.stdout(`${r.id}  ${r.start}–${r.end}  [${r.status}]  "${r.exact}"${r.comment ? `  — ${r.comment}` : ''}\n`);
  }
  return 0;
}

/** Accepts a full id or an unambiguous prefix of one, as git does for commits. */
async function resolveArticle(api: DossierApi, given: string | undefined): Promise<string> {
  if (!given) throw new UsageError('this command needs --article ID (see: dossier articles)');
  const { articles } = await api['articles.list']({});
  if (articles.some((a) => a.id === given)) return given;
  const matches = articles.filter((a) => a.id.startsWith(given) || a.id.slice(a.id.indexOf('_') + 1).startsWith(given));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) throw new DossierError('bad-input', `'${given}' matches ${matches.length} articles; give more of the id.`);
  throw new DossierError('not-found', `No article with id '${given}' in this workspace (see: dossier articles).`);
}

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number from 1`);
  return n;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  return n;
}
