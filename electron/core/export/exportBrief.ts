import { DossierError, phrase } from '../../common/errors';
import type { BriefFormat, ExportedFile, ExportSource } from '../../common/model/brief';
import type { WorkspaceStore } from '../store/workspaceStore';
import { BRIEFS } from '../briefs/briefDocuments';
import { assembleBrief, type AssembleOptions } from './assembleBrief';
import { briefFileName } from './briefFileName';
import { docxBrief } from './docxBrief';
import { htmlBrief } from './htmlBrief';
import { exportWebAnnotations, webAnnotationFileName } from './jsonld/exportWebAnnotations';
import { markdownBrief } from './markdownBrief';
import { withPdfMetadata } from './pdf/pdfMetadata';
import type { PdfPrinter } from './pdf/pdfPrinter';
import type { BriefContent } from './briefContent';

export interface ExportOptions extends AssembleOptions {
  pdfPrinter: PdfPrinter;
}

const MEDIA_TYPES: Record<BriefFormat, string> = {
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jsonld: 'application/ld+json',
};

/** One export, ready to save: file name, media type and content (binary formats in base64). */
export async function exportBrief(source: ExportSource, format: BriefFormat, options: ExportOptions): Promise<ExportedFile> {
  if (format === 'jsonld') return webAnnotations(options.store, source, options.now);
  const content = await assembleBrief(source, options);
  const file = (data: string | Uint8Array): ExportedFile => ({
    filename: briefFileName(content.title, format),
    mediaType: MEDIA_TYPES[format],
    ...(typeof data === 'string' ? { encoding: 'utf8' as const, content: data } : { encoding: 'base64' as const, content: Buffer.from(data).toString('base64') }),
  });
  switch (format) {
    case 'md':
      return file(markdownBrief(content));
    case 'html':
      return file(htmlBrief(content));
    case 'pdf':
      return file(
        await withPdfMetadata(await options.pdfPrinter(htmlBrief(content, { forPdf: true }), { headerFooterText: content.handling, title: content.title }), {
          title: content.title,
          author: content.author,
          subject: pdfSubject(content),
        }),
      );
    case 'docx':
      return file(await docxBrief(content));
  }
}

/** The W3C Web Annotation collection of one article or of the whole workspace. */
async function webAnnotations(store: WorkspaceStore, source: ExportSource, now?: Date): Promise<ExportedFile> {
  if ('briefId' in source) {
    // A saved brief's annotations are those its article sections show, through their filters.
    const brief = (await store.readWorkspaceDoc(BRIEFS)).briefs.find((b) => b.id === source.briefId);
    if (!brief) throw new DossierError('not-found', phrase('brief.thisGone'));
    const articles = brief.sections.flatMap((s) => (s.kind === 'article' ? [{ articleId: s.articleId, filter: s.filter }] : []));
    const collection = await exportWebAnnotations(store, { brief: { id: brief.id, title: brief.title, articles } }, now);
    return { filename: webAnnotationFileName(brief.title), mediaType: MEDIA_TYPES.jsonld, encoding: 'utf8', content: `${JSON.stringify(collection, null, 2)}\n` };
  }
  const scope = 'articleId' in source ? { articleId: source.articleId } : {};
  if (scope.articleId !== undefined && !store.hasArticle(scope.articleId)) {
    throw new DossierError('not-found', phrase('common.noArticle', { id: scope.articleId.slice(0, 60) }));
  }
  const collection = await exportWebAnnotations(store, scope, now);
  const label = scope.articleId === undefined ? store.info().name : (await store.readMeta(scope.articleId)).title;
  return {
    filename: webAnnotationFileName(label),
    mediaType: MEDIA_TYPES.jsonld,
    encoding: 'utf8',
    content: `${JSON.stringify(collection, null, 2)}\n`,
  };
}

/** What the PDF is about, in the words its header uses: a brief of so many articles and notes, under its handling line. */
function pdfSubject(content: BriefContent): string {
  const articles = content.sections.filter((s) => s.kind === 'article').length;
  const notes = content.sections.filter((s) => s.kind === 'note').length;
  const parts = [`${articles} article${articles === 1 ? '' : 's'}`, ...(notes ? [`${notes} note${notes === 1 ? '' : 's'}`] : [])];
  return `Dossier brief: ${parts.join(', ')}${content.handling.trim() ? ` (${content.handling.trim()})` : ''}`;
}
