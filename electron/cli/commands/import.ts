import path from 'node:path';
import type { AnnotationImportReport } from '../../common/model/annotationImport';
import { printAnnotationReports, unmatchedCount } from '../annotationImportSummary';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type CommandContext } from '../command';
import { collectImportInputs, readInBatches, readInput, type ImportFailure } from '../inputFiles';
import { resolveId } from '../resolveId';
import { UsageError } from '../usageError';
import type { WorkspaceSession } from '../workspaceSession';
import { failureText } from '../../common/text/failureText';

interface ImportFlags {
  json?: boolean;
  replace?: string;
  encoding?: string;
}

type ImportedArticle = { id: string; title: string; sha256: string; duplicate: boolean };

/**
 * `dossier import FILE|DIR...`: articles (text, Markdown, HTML, PDF) and W3C Web Annotation
 * files, folders recursively; `import FILE --replace ID`: a new version of an article.
 */
export const importCommand: CliCommand<ImportFlags> = {
  name: 'import',
  help: [
    ['import FILE|DIR...', 'import articles (text, Markdown, HTML, PDF); a folder with everything under it'],
    ['import FILE --replace ID', "import FILE as the article's new version; re-anchors its annotations"],
    ['import FILE.jsonld', 'add W3C Web Annotations to the articles they were made on'],
    ['import FILE --encoding LABEL', 'read a text or HTML file in that encoding (when Dossier cannot tell)'],
  ],
  description:
    'Import articles (text, Markdown, HTML, PDF) and W3C Web Annotation files (.jsonld). A folder imports every ' +
    'such file under it, in name order, leaving out hidden files and folders.',
  operands: 'FILE|DIR...',
  flags: [
    { flags: '--replace <ID>', description: "import FILE as the article's new version and re-anchor its annotations" },
    { flags: '--encoding <LABEL>', description: 'the text encoding of the files (windows-1256, gb18030, shift_jis, koi8-r …), instead of detecting it' },
    WORKSPACE_FLAG,
    JSON_FLAG,
  ],
  run: (files, flags, context) => {
    if (flags.encoding !== undefined) checkEncoding(flags.encoding);
    return flags.replace === undefined ? importFiles(files, flags, context) : replaceArticle(files, flags.replace, flags, context);
  },
};

/** Refused before any file is read: every file would fail the same way. */
function checkEncoding(label: string): void {
  try {
    if (new TextDecoder(label).encoding !== 'replacement') return;
  } catch {
    // Not a label TextDecoder knows.
  }
  throw new UsageError(`--encoding: “${label}” is not a text encoding Dossier knows; name one such as utf-8, windows-1251, koi8-r, gb18030 or shift_jis`);
}

async function importFiles(args: string[], flags: ImportFlags, { io, withWorkspace }: CommandContext): Promise<number> {
  if (args.length === 0) throw new UsageError('import needs at least one FILE');
  const inputs = await collectImportInputs(args);
  for (const { dir, files } of inputs.skipped) io.stderr(`dossier: skipped ${files} unsupported file${files === 1 ? '' : 's'} under ${dir}\n`);
  const failures: ImportFailure[] = [...inputs.failures];
  const articles: ImportedArticle[] = [];
  let reports: AnnotationImportReport[] | undefined;
  const found = inputs.articles.length + inputs.annotations.length;
  if (found > 0) {
    await withWorkspace(
      async (session) => {
        await importInBatches(session, inputs.articles, flags.encoding, articles, failures, flags.json ? undefined : (line) => io.stderr(line));
        if (inputs.annotations.length === 0) return;
        for await (const batch of readInBatches(inputs.annotations)) {
          failures.push(...batch.failures);
          if (batch.sources.length === 0) continue;
          // Reports and their messages name an annotation file by its name alone, as the app does.
          const restored = await session.importFiles(batch.sources.map((s) => ({ name: path.basename(s.name), bytes: s.bytes })));
          failures.push(...restored.failures);
          (reports ??= []).push(...(restored.annotations ?? []));
        }
      },
      // A workspace is created for articles; annotations need the articles they were made on.
      { create: inputs.articles.length > 0 },
    );
  }
  for (const a of articles.filter((x) => x.duplicate)) io.stderr(`dossier: already in the workspace: ${a.id} "${a.title}"\n`);
  for (const f of failures) {
    io.stderr(`dossier: ${failureText(f)}\n`);
    printEncodingChoices(f, io);
  }
  const rows = articles.map(({ id, title, sha256 }) => ({ id, title, sha256 }));
  if (flags.json) {
    io.stdout(`${JSON.stringify(reports ? { articles: rows, annotations: reports } : { articles: rows })}\n`);
  } else {
    for (const a of articles) io.stdout(`${a.duplicate ? 'exists  ' : 'imported'} ${a.id}  ${a.title}\n`);
    const attempted = found + inputs.failures.length;
    if (attempted > 1 && inputs.annotations.length === 0) io.stdout(`${articles.length} of ${attempted} imported, ${failures.length} failed\n`);
  }
  printAnnotationReports(reports ?? [], io, { summary: !flags.json });
  return failures.length > 0 || unmatchedCount(reports) > 0 ? 1 : 0;
}

/**
 * Article files, a batch at a time, with a `[done/total] name` line per file on stderr when there
 * is more than one: the core's `import.progress` events, counted across the batches.
 */
async function importInBatches(
  session: WorkspaceSession,
  files: readonly string[],
  encoding: string | undefined,
  articles: ImportedArticle[],
  failures: ImportFailure[],
  progress: ((line: string) => void) | undefined,
): Promise<void> {
  const total = files.length;
  let handled = 0;
  const unsubscribe = session.events.subscribe((name, payload) => {
    if (name !== 'import.progress' || !progress || total < 2 || !('done' in payload) || !('file' in payload)) return;
    progress(`[${handled + payload.done}/${total}] ${path.basename(payload.file)}\n`);
  });
  try {
    for await (const batch of readInBatches(files)) {
      failures.push(...batch.failures);
      handled += batch.failures.length;
      if (batch.sources.length === 0) continue;
      const outcome = await session.importFiles(encoding === undefined ? batch.sources : batch.sources.map((s) => ({ ...s, encoding })));
      articles.push(...outcome.articles);
      failures.push(...outcome.failures);
      handled += batch.sources.length;
    }
  } finally {
    unsubscribe();
  }
}

async function replaceArticle(files: string[], given: string, flags: ImportFlags, { io, withWorkspace }: CommandContext): Promise<number> {
  if (files.length !== 1) throw new UsageError('import --replace takes exactly one FILE');
  return withWorkspace(async ({ api }) => {
    const articleId = await resolveId(api, 'article', given);
    const file = files[0]!;
    const bytes = await readInput(file);
    const { article, counts } = await api['articles.replace']({
      id: articleId,
      file: { name: path.basename(file), base64: Buffer.from(bytes).toString('base64'), ...(flags.encoding ? { encoding: flags.encoding } : {}) },
    });
    if (flags.json) {
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
  });
}

/** The encodings a file may be in, each with the flag that picks it and its text read that way. */
function printEncodingChoices(failure: ImportFailure, io: CommandContext['io']): void {
  if (!failure.encodings?.length) return;
  const width = Math.max(...failure.encodings.map((c) => c.encoding.length));
  for (const { encoding, preview } of failure.encodings) io.stderr(`dossier:   --encoding ${encoding.padEnd(width)}  ${preview}\n`);
}
