import { DossierError, phrase } from '../../common/errors';
import type { Entity } from '../../common/model/entity';
import type { RelationSuggestion, RelationType } from '../../common/model/relation';
import { ENTITIES, followMerges, MENTIONS, type EntitiesFile, type MentionsFile } from '../entities/entityDocuments';
import type { WorkspaceStore } from '../store/workspaceStore';
import { RELATIONS, type RelationsFile } from './relationDocuments';
import type { RelationService } from './relationService';
import { formatSuggestionKey, isSymmetric, parseSuggestionKey, suggestionKey, suggestRelations, type FoundRelation } from './suggestRelations';

/** What detection found in one version of an article, with what it was found from. */
interface Detection {
  version: number;
  mentions: MentionsFile;
  entities: EntitiesFile;
  types: RelationType[];
  found: FoundRelation[];
}

const GONE = phrase('relation.noLongerSuggested');

/**
 * Relationships suggested from the sentences of articles: found again from the text on demand
 * (never stored), less those the workspace already has, those grounded in that very sentence
 * under another type, and those the analyst dismissed.
 */
export class RelationSuggestions {
  private readonly detections = new Map<string, Detection>();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly relations: RelationService,
  ) {}

  /** Of one article, or of one entity (either end, merges followed) across the articles naming it. */
  async list(filter: { articleId: string } | { entityId: string }): Promise<RelationSuggestion[]> {
    if ('articleId' in filter) return this.store.hasArticle(filter.articleId) ? this.ofArticle(filter.articleId) : [];
    const entities = await this.store.readWorkspaceDoc(ENTITIES);
    const id = followMerges(entities.mergedInto, filter.entityId);
    const ids = new Set([id, ...Object.keys(entities.mergedInto).filter((other) => followMerges(entities.mergedInto, other) === id)]);
    const articleIds = new Set([...ids].flatMap((e) => Object.keys(entities.presence[e] ?? {})));
    const out: RelationSuggestion[] = [];
    for (const articleId of [...articleIds].sort()) {
      if (!this.store.hasArticle(articleId)) continue;
      out.push(...(await this.ofArticle(articleId)).filter((s) => s.from.id === id || s.to.id === id));
    }
    return out;
  }

  /** Stops suggesting it, in this and later versions of the article while the sentence stands (undoable). */
  async dismiss(key: string): Promise<void> {
    const articleId = parseSuggestionKey(key)?.articleId;
    if (!articleId || !this.store.hasArticle(articleId)) throw new DossierError('not-found', GONE);
    if (!(await this.ofArticle(articleId)).some((s) => s.key === key)) throw new DossierError('not-found', GONE);
    await this.relations.dismissSuggestion(key);
  }

  private async ofArticle(articleId: string): Promise<RelationSuggestion[]> {
    const [doc, { meta, text }, annotations] = await Promise.all([this.store.readWorkspaceDoc(RELATIONS), this.store.readArticle(articleId), this.store.readAnnotations(articleId)]);
    const detection = await this.detect(articleId, meta.version, text, doc.types);
    if (!detection) return [];
    const { entities } = detection;
    const current = (id: string) => followMerges(entities.mergedInto, id);
    const byId = new Map(entities.entities.map((e) => [e.id, e]));
    const dismissed = new Set(doc.dismissed.map((key) => canonicalKey(key, current)));
    const placed = new Map(annotations.filter((a) => a.status !== 'orphaned').map((a) => [a.id, a.target.position]));
    const out: RelationSuggestion[] = [];
    for (const f of detection.found) {
      const exact = text.slice(f.sentence.start, f.sentence.end);
      const key = suggestionKey(articleId, f.from, f.to, f.type, exact);
      if (dismissed.has(key) || stated(doc, f, current, articleId, placed)) continue;
      const type = doc.types.find((t) => t.key === f.type)!;
      out.push({
        key,
        from: endOf(byId.get(f.from)!),
        to: endOf(byId.get(f.to)!),
        type: type.key,
        label: type.label,
        inverse: type.inverse,
        articleTitle: meta.title,
        evidence: { articleId, start: f.sentence.start, end: f.sentence.end, exact },
      });
    }
    return out;
  }

  /**
   * Detection of the article's current text over its confirmed mentions (entity ids as they are
   * now), again only when the text, the mentions, the entities or the vocabulary changed; null
   * while the mentions point into an older version of the text.
   */
  private async detect(articleId: string, version: number, text: string, types: RelationType[]): Promise<Detection | null> {
    const [mentions, entities] = await Promise.all([this.store.readArticleDoc(articleId, MENTIONS), this.store.readWorkspaceDoc(ENTITIES)]);
    if (mentions.version !== version) return null;
    const cached = this.detections.get(articleId);
    // Documents change copy-on-write: the same objects hold the same contents.
    if (cached && cached.version === version && cached.mentions === mentions && cached.entities === entities && cached.types === types) return cached;
    const byId = new Map(entities.entities.map((e) => [e.id, e]));
    const typed = mentions.mentions.flatMap((m) => {
      const entity = byId.get(followMerges(entities.mergedInto, m.entityId));
      return entity ? [{ entityId: entity.id, type: entity.type, start: m.start, end: m.end }] : [];
    });
    const detection: Detection = { version, mentions, entities, types, found: suggestRelations(text, { mentions: typed, types }) };
    this.detections.set(articleId, detection);
    return detection;
  }
}

/**
 * The workspace already says it: a relationship of the pair and type (either way round for a type
 * read the same both ways), or any relationship of the pair with evidence over this sentence — a
 * suggestion accepted under another type.
 */
function stated(doc: RelationsFile, f: FoundRelation, current: (id: string) => string, articleId: string, placed: Map<string, { start: number; end: number }>): boolean {
  return doc.relations.some((r) => {
    const [from, to] = [current(r.from), current(r.to)];
    const forward = from === f.from && to === f.to;
    const backward = from === f.to && to === f.from;
    if (r.type === f.type && (forward || (backward && isSymmetric(doc.types, f.type)))) return true;
    if (!forward && !backward) return false;
    return r.evidence.some((e) => {
      const at = e.articleId === articleId ? placed.get(e.annotationId) : undefined;
      return at !== undefined && at.start < f.sentence.end && f.sentence.start < at.end;
    });
  });
}

/** A dismissed key with its entities as they are now, so a dismissal outlives a merge. */
function canonicalKey(key: string, current: (id: string) => string): string {
  const parts = parseSuggestionKey(key);
  return parts ? formatSuggestionKey({ ...parts, from: current(parts.from), to: current(parts.to) }) : key;
}

function endOf(entity: Entity): RelationSuggestion['from'] {
  return { id: entity.id, name: entity.name, type: entity.type };
}
