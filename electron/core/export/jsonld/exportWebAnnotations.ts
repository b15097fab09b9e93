import { CodePointOffsets } from '../../../common/anchoring/codePoints';
import { CREDIBILITY_LABELS, isUnknownCreator, RELIABILITY_LABELS, type Annotation, type Grading } from '../../../common/model/annotation';
import { currentVersion, type ArticleMeta } from '../../../common/model/article';
import type { AnnotationFilter } from '../../../common/model/brief';
import type { Palette } from '../../../common/model/palette';
import { matchesFilter } from '../annotationFilter';
import { fileSlug } from '../briefFileName';
import { byDocumentOrder } from '../../annotations/annotationService';
import type { WorkspaceStore } from '../../store/workspaceStore';
import { readMetaWithLanguage } from '../../language/articleLanguage';
import { directionOf } from '../../../common/text/languageTag';
import {
  annotationUrn,
  articleUrn,
  CONTEXT,
  JSONLD_EXTENSION,
  type AnnotationCollection,
  type SourceDescription,
  type TextualBody,
  type WebAnnotation,
  versionUrn,
} from './vocabulary';

/** The annotations a saved brief shows: its articles, each through the brief's filter. */
export interface BriefScope {
  id: string;
  title: string;
  articles: { articleId: string; filter: AnnotationFilter }[];
}

/**
 * One article's annotations, a saved brief's, or the whole workspace's, as a W3C
 * AnnotationCollection with one embedded page. Replies follow their annotation, so the file reads
 * in document order.
 */
export async function exportWebAnnotations(
  store: WorkspaceStore,
  scope: { articleId?: string; brief?: BriefScope } = {},
  now: Date = new Date(),
): Promise<AnnotationCollection> {
  const workspace = store.info();
  const filters = new Map(scope.brief?.articles.map((a) => [a.articleId, a.filter]));
  const ids = scope.brief
    ? [...filters.keys()].filter((id) => store.hasArticle(id))
    : scope.articleId === undefined
      ? store.listArticles().map((a) => a.id)
      : [scope.articleId];
  const sources: SourceDescription[] = [];
  const items: WebAnnotation[] = [];
  let title = workspace.name;
  for (const id of ids) {
    const meta = await readMetaWithLanguage(store, id);
    title = meta.title;
    const filter = filters.get(id);
    const annotations = [...(await store.readAnnotations(id))].filter((a) => !filter || matchesFilter(a, filter)).sort(byDocumentOrder);
    // The workspace-wide file describes the articles it annotates; a one-article file always describes its article.
    if (annotations.length === 0 && scope.articleId === undefined) continue;
    sources.push(provenance(meta));
    const offsets = new Map<number, CodePointOffsets>();
    for (const a of annotations) {
      let version = offsets.get(a.target.version);
      if (!version) {
        version = new CodePointOffsets(await store.readVersionText(id, a.target.version));
        offsets.set(a.target.version, version);
      }
      items.push(toWebAnnotation(a, meta, version, workspace.palette), ...a.replies.map((r) => replyOf(r, a)));
    }
  }
  const collectionId = `urn:dossier:export:${workspace.id}:${scope.brief ? `brief:${scope.brief.id}` : (scope.articleId ?? 'workspace')}`;
  return {
    '@context': CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: scope.brief
      ? `Annotations in the brief “${scope.brief.title}”`
      : scope.articleId === undefined
        ? `Annotations in ${workspace.name}`
        : `Annotations on “${title}”`,
    total: items.length,
    generated: now.toISOString(),
    generator: { id: 'urn:dossier:app', type: 'Software', name: 'Dossier' },
    'dossier:sources': sources,
    first: { id: `${collectionId}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** `<title>-annotations.jsonld`, or the workspace's name for a whole-workspace export. */
export function webAnnotationFileName(label: string): string {
  return `${fileSlug(label, 'dossier')}-annotations${JSONLD_EXTENSION}`;
}

function toWebAnnotation(a: Annotation, meta: ArticleMeta, offsets: CodePointOffsets, palette: Palette): WebAnnotation {
  const body: TextualBody[] = [];
  if (a.comment !== '') body.push({ type: 'TextualBody', value: a.comment, format: 'text/plain', purpose: 'commenting' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (a.color !== null) {
    const label = palette.find((p) => p.key === a.color)?.label ?? a.color;
    body.push({ type: 'TextualBody', value: label, purpose: 'classifying', 'dossier:color': a.color });
  }
  if (a.grading !== null) body.push(gradingBody(a.grading));
  const { quote, position } = a.target;
  const version = meta.versions.find((v) => v.version === a.target.version);
  return {
    id: annotationUrn(a.id),
    type: 'Annotation',
    motivation: a.motivation,
    creator: { type: 'Person', name: a.creator.name },
    created: a.created,
    modified: a.modified,
    ...(a.modifiedBy.name !== a.creator.name && !isUnknownCreator(a.modifiedBy) ? { 'dossier:modifiedBy': { type: 'Person', name: a.modifiedBy.name } } : {}),
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: {
        ...describeArticle(meta),
        id: versionUrn(meta.id, a.target.version),
        'dcterms:isVersionOf': articleUrn(meta.id),
        'dossier:version': a.target.version,
        ...(version ? { 'dossier:source': version.source, 'dossier:sha256': version.sha256 } : {}),
      },
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: offsets.toCodePoints(position.start), end: offsets.toCodePoints(position.end) },
      ],
    },
    'dossier:status': a.status,
  };
}

function replyOf(reply: Annotation['replies'][number], parent: Annotation): WebAnnotation {
  return {
    id: annotationUrn(reply.id),
    type: 'Annotation',
    motivation: 'replying',
    creator: { type: 'Person', name: reply.creator.name },
    created: reply.created,
    modified: reply.modified,
    body: [{ type: 'TextualBody', value: reply.body, format: 'text/plain', purpose: 'replying' }],
    target: annotationUrn(parent.id),
  };
}

function gradingBody(grading: Grading): TextualBody {
  const { reliability, credibility } = grading;
  return {
    type: 'TextualBody',
    value: `${reliability}${credibility}: ${RELIABILITY_LABELS[reliability]}; ${CREDIBILITY_LABELS[credibility]}`,
    purpose: 'assessing',
    'dossier:reliability': reliability,
    'dossier:credibility': credibility,
  };
}

/** What a target says about its article; empty fields are left out rather than written as null. */
function describeArticle(meta: ArticleMeta): SourceDescription {
  return {
    id: articleUrn(meta.id),
    type: 'Text',
    'dcterms:title': meta.title,
    // The model's own terms for an External Web Resource: what the quotes' words are written in, and which way.
    ...(meta.language ? { language: meta.language, textDirection: directionOf(meta.language) } : {}),
    'dossier:source': meta.source,
    ...(meta.url ? { 'dossier:url': meta.url } : {}),
    ...(meta.outlet ? { 'dossier:outlet': meta.outlet } : {}),
    ...(meta.author ? { 'dossier:author': meta.author } : {}),
    ...(meta.published ? { 'dossier:published': meta.published } : {}),
  };
}

function provenance(meta: ArticleMeta): SourceDescription {
  return {
    ...describeArticle(meta),
    'dossier:currentVersion': currentVersion(meta).version,
    'dossier:importedAt': meta.importedAt,
    'dossier:versions': meta.versions.map((v) => ({
      id: versionUrn(meta.id, v.version),
      'dossier:version': v.version,
      'dossier:sha256': v.sha256,
      'dossier:importedAt': v.importedAt,
      'dossier:source': v.source,
      format: v.mediaType,
    })),
  };
}
