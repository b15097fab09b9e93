import type { RecordChange } from '../../common/contract';
import { DossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Annotation } from '../../common/model/annotation';
import type { Entity } from '../../common/model/entity';
import {
  isUnsupported,
  relationTypeKey,
  RelationType,
  type Evidence,
  type EvidenceInput,
  type EvidenceView,
  type Relation,
  type RelationDraft,
  type RelationPatch,
  type RelationView,
} from '../../common/model/relation';
import type { AnnotationService } from '../annotations/annotationService';
import { diffRecords } from '../changeFeed';
import { nameKey } from '../entities/entityMatching';
import type { EntityService } from '../entities/entityService';
import type { ChangeLog } from '../history/changeLog';
import type { Operation } from '../history/operation';
import type { WorkspaceStore } from '../store/workspaceStore';
import { RELATION_TYPES_RECORD, RELATIONS, type RelationsFile } from './relationDocuments';
import { parseSuggestionKey } from './suggestRelations';
import { step, type StepLabel } from '../../common/model/phrase';

export interface RelationFilter {
  /** Relationships of this entity, either way round (an id merged away names its survivor). */
  entityId?: string;
  /** Relationships with evidence in this article. */
  articleId?: string;
}

/**
 * Relationships between entities with their evidence. Every change is one undoable change of
 * relations.json, together with the highlights it adds as evidence. Entities are kept by id and
 * shown by the name they have now; evidence is shown as its highlight stands now.
 */
export class RelationService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly entities: EntityService,
    private readonly annotations: AnnotationService,
  ) {
    changes.registerDocument('relations', RELATIONS, (before, after) => relationChanges(before as RelationsFile, after as RelationsFile), ['entities']);
  }

  async types(): Promise<RelationType[]> {
    return structuredClone((await this.store.readWorkspaceDoc(RELATIONS)).types);
  }

  async list(filter: RelationFilter = {}): Promise<RelationView[]> {
    const doc = await this.store.readWorkspaceDoc(RELATIONS);
    let relations = doc.relations;
    if (filter.articleId) relations = relations.filter((r) => r.evidence.some((e) => e.articleId === filter.articleId));
    const views = await this.views(relations, doc.types);
    if (!filter.entityId) return views;
    const entityId = (await this.entities.resolve([filter.entityId]))[filter.entityId]?.id ?? filter.entityId;
    return views.filter((v) => v.from.id === entityId || v.to.id === entityId);
  }

  async get(id: string): Promise<RelationView> {
    const doc = await this.store.readWorkspaceDoc(RELATIONS);
    const relation = doc.relations.find((r) => r.id === id);
    if (!relation) throw new DossierError('not-found', phrase('relation.noSuch', { id: id.slice(0, 60) }));
    return (await this.views([relation], doc.types))[0]!;
  }

  create(draft: RelationDraft): Promise<RelationView> {
    return this.commit(quotedArticles(draft.evidence), async (doc, ops) => {
      const [from, to] = [await this.entity(draft.from), await this.entity(draft.to)];
      if (from.id === to.id) throw new DossierError('bad-input', phrase('relation.withItself', { name: from.name }));
      const type = typeOf(doc.types, draft.type);
      const now = new Date().toISOString();
      const relation: Relation = {
        id: newId('rel'),
        rev: 1,
        from: from.id,
        to: to.id,
        type: type.key,
        start: draft.start ?? null,
        end: draft.end ?? null,
        grading: draft.grading ?? null,
        evidence: [],
        created: now,
        modified: now,
        createdBy: this.changes.who(),
        modifiedBy: this.changes.who(),
      };
      checkDates(relation);
      relation.evidence = await this.evidence(draft.evidence, [], ops);
      doc.relations.push(relation);
      return { label: step('relate', { from: from.name, to: to.name }), result: relation };
    }).then((relation) => this.get(relation.id));
  }

  /** Changes the fields given. `baseRev`: the revision the edit was based on; another is a conflict. */
  update(id: string, patch: RelationPatch, baseRev?: number): Promise<RelationView> {
    return this.commit(quotedArticles(patch.addEvidence ?? []), async (doc, ops) => {
      const relation = doc.relations.find((r) => r.id === id);
      if (!relation) throw new DossierError('not-found', phrase('relation.gone'));
      if (baseRev !== undefined && relation.rev !== baseRev) {
        throw new DossierError('conflict', phrase('relation.changedElsewhere'));
      }
      if (patch.type !== undefined) relation.type = typeOf(doc.types, patch.type).key;
      if (patch.start !== undefined) relation.start = patch.start;
      if (patch.end !== undefined) relation.end = patch.end;
      if (patch.grading !== undefined) relation.grading = patch.grading;
      checkDates(relation);
      if (patch.removeEvidence) {
        const gone = new Set(patch.removeEvidence);
        relation.evidence = relation.evidence.filter((e) => !gone.has(e.annotationId));
      }
      if (patch.addEvidence) relation.evidence = await this.evidence(patch.addEvidence, relation.evidence, ops);
      if (relation.evidence.length === 0) {
        throw new DossierError('bad-input', phrase('relation.needsEvidence'));
      }
      relation.rev += 1;
      relation.modified = new Date().toISOString();
      relation.modifiedBy = this.changes.who();
      return { label: step('editRelationship'), result: relation };
    }).then((relation) => this.get(relation.id));
  }

  /** Deletes the relationship; its evidence highlights stay, they are the analyst's highlights too. */
  delete(id: string): Promise<void> {
    return this.commit([], async (doc) => {
      const index = doc.relations.findIndex((r) => r.id === id);
      if (index === -1) throw new DossierError('not-found', phrase('relation.gone'));
      doc.relations.splice(index, 1);
      return { label: step('deleteRelationship'), result: undefined };
    });
  }

  /** Stops suggesting a relationship (undoable); the caller has checked it is suggested. */
  dismissSuggestion(key: string): Promise<void> {
    return this.commit([], async (doc) => {
      if (!doc.dismissed.includes(key)) doc.dismissed.push(key);
      return { label: step('dismissSuggestedRelationship'), result: undefined };
    });
  }

  /** A new type of relationship; its key comes from the label unless given. */
  addType(input: { label: string; inverse: string; key?: string }): Promise<RelationType> {
    return this.commit([], async (doc) => {
      const parsed = RelationType.safeParse({ key: input.key ?? relationTypeKey(input.label), label: input.label, inverse: input.inverse });
      if (!parsed.success) throw new DossierError('bad-input', phrase('relation.invalidType', { issue: parsed.error.issues[0]?.message ?? 'invalid' }));
      const type = parsed.data;
      const clash = doc.types.find((t) => t.key === type.key || nameKey(t.label) === nameKey(type.label));
      if (clash) throw new DossierError('conflict', phrase('relation.typeExists', { label: clash.label, key: clash.key }));
      doc.types.push(type);
      return { label: step('addRelationshipType', { type: type.label }), result: type };
    });
  }

  /**
   * Runs `change` on a copy of relations.json and commits it, with the highlights it adds, as one
   * change. The articles whose text evidence is quoted from are held too, so no new version can
   * slip in between finding the words and saving the highlight.
   */
  private commit<R>(articleIds: readonly string[], change: (doc: RelationsFile, ops: Operation[]) => Promise<{ label: StepLabel; result: R }>): Promise<R> {
    // The workspace's queue, as undo uses for changes without an article: an undo of a relationship
    // change never interleaves with another one reading the document.
    return this.changes.exclusive(null, () =>
      holding(this.changes, [...new Set(articleIds)].sort(), async () => {
        const before = await this.store.readWorkspaceDoc(RELATIONS);
        const after = structuredClone(before);
        const ops: Operation[] = [];
        const { label, result } = await change(after, ops);
        after.rev += 1;
        ops.push({ kind: 'doc', doc: 'relations', articleId: null, before, after });
        await this.changes.commit({ label, articleId: null, ops });
        return structuredClone(result);
      }),
    );
  }

  /** The entity an id (following merges), a name or an alias names today. */
  private async entity(given: string): Promise<Entity> {
    const entity = (await this.entities.resolve([given]))[given] ?? (await this.entities.find(given));
    if (!entity) throw new DossierError('not-found', phrase('entity.noneNamed', { name: given.slice(0, 200) }));
    return entity;
  }

  /**
   * `existing` with `inputs` added: a highlight named by id, or words of an article, which become a
   * new highlight (added by `ops`) unless the very same words are highlighted already.
   */
  private async evidence(inputs: readonly EvidenceInput[], existing: readonly Evidence[], ops: Operation[]): Promise<Evidence[]> {
    const out = [...existing];
    for (const input of inputs) {
      if (!this.store.hasArticle(input.articleId)) throw new DossierError('not-found', phrase('common.noArticle', { id: input.articleId.slice(0, 60) }));
      const annotation =
        'annotationId' in input ? await this.highlight(input.articleId, input.annotationId) : 'quote' in input ? await this.quoted(input, ops) : await this.placed(input, ops);
      if (!out.some((e) => e.annotationId === annotation.id)) out.push({ articleId: input.articleId, annotationId: annotation.id, quote: annotation.target.quote.exact });
    }
    return out;
  }

  private async highlight(articleId: string, annotationId: string): Promise<Annotation> {
    const annotation = (await this.store.readAnnotations(articleId)).find((a) => a.id === annotationId);
    if (!annotation) throw new DossierError('not-found', phrase('annotation.gone'));
    if (annotation.status === 'orphaned') {
      throw new DossierError('bad-input', phrase('relation.orphanEvidence'));
    }
    return annotation;
  }

  private async quoted(input: Extract<EvidenceInput, { quote: string }>, ops: Operation[]): Promise<Annotation> {
    const { start, end, exact } = await this.annotations.locate(input.articleId, input.quote, input.occurrence);
    return this.passage(input.articleId, start, end, exact, ops);
  }

  /** A passage named by its place; `draft` refuses it when the words there are no longer `exact`. */
  private placed(input: Extract<EvidenceInput, { start: number }>, ops: Operation[]): Promise<Annotation> {
    return this.passage(input.articleId, input.start, input.end, input.exact, ops);
  }

  private async passage(articleId: string, start: number, end: number, exact: string, ops: Operation[]): Promise<Annotation> {
    const drafted = ops.flatMap((op) => (op.kind === 'annotation' && op.after ? [op.after] : []));
    const same = [...(await this.store.readAnnotations(articleId)), ...drafted].find(
      (a) => a.articleId === articleId && a.status !== 'orphaned' && a.target.position.start === start && a.target.position.end === end,
    );
    if (same && same.target.quote.exact !== exact.normalize('NFC')) throw new DossierError('conflict', phrase('relation.passageStale'));
    if (same) return same;
    const annotation = await this.annotations.draft(articleId, start, end, { exact });
    ops.push({ kind: 'annotation', articleId, id: annotation.id, before: null, after: annotation });
    return annotation;
  }

  /** Relationships as shown: entity names read now, evidence as its highlights stand now. */
  private async views(relations: readonly Relation[], types: readonly RelationType[]): Promise<RelationView[]> {
    const entities = await this.entities.resolve([...new Set(relations.flatMap((r) => [r.from, r.to]))]);
    const articles = new Map<string, Promise<{ title: string; annotations: Map<string, Annotation> } | null>>();
    const article = (id: string) => {
      let found = articles.get(id);
      if (!found) {
        found = this.store.hasArticle(id)
          ? Promise.all([this.store.readMeta(id), this.store.readAnnotations(id)]).then(([meta, annotations]) => ({ title: meta.title, annotations: new Map(annotations.map((a) => [a.id, a])) }))
          : Promise.resolve(null);
        articles.set(id, found);
      }
      return found;
    };
    const views: RelationView[] = [];
    for (const relation of relations) {
      const evidence: EvidenceView[] = [];
      for (const e of relation.evidence) evidence.push(evidenceView(e, await article(e.articleId)));
      const type = types.find((t) => t.key === relation.type);
      const end = (id: string) => {
        const entity = entities[id];
        return entity ? { id: entity.id, name: entity.name, type: entity.type } : { id, name: null, type: null };
      };
      views.push({
        ...structuredClone(relation),
        from: end(relation.from),
        to: end(relation.to),
        // A type missing from the vocabulary (a hand-edited file) still reads, by its key.
        label: type?.label ?? relation.type,
        inverse: type?.inverse ?? relation.type,
        evidence,
        flagged: isUnsupported(evidence),
      });
    }
    return views;
  }
}

function evidenceView(e: Evidence, article: { title: string; annotations: Map<string, Annotation> } | null): EvidenceView {
  const annotation = article?.annotations.get(e.annotationId);
  const base = { articleId: e.articleId, annotationId: e.annotationId, articleTitle: article?.title ?? null };
  if (!annotation) return { ...base, status: 'deleted', start: null, end: null, exact: e.quote };
  const placed = annotation.status !== 'orphaned';
  return {
    ...base,
    status: annotation.status,
    start: placed ? annotation.target.position.start : null,
    end: placed ? annotation.target.position.end : null,
    exact: annotation.target.quote.exact,
  };
}

/** The type named by its key or its label (either case). */
function typeOf(types: readonly RelationType[], given: string): RelationType {
  const key = nameKey(given);
  const type = types.find((t) => t.key === given) ?? types.find((t) => nameKey(t.label) === key || t.key === key);
  if (!type) throw new DossierError('not-found', phrase('relation.unknownType', { type: given.slice(0, 80), known: types.map((t) => t.key) }));
  return type;
}

/** An end before the start is a typing slip; dates of different precision compare on what both say. */
function checkDates({ start, end }: Pick<Relation, 'start' | 'end'>): void {
  if (start === null || end === null) return;
  const common = Math.min(start.length, end.length);
  if (end.slice(0, common) < start.slice(0, common)) throw new DossierError('bad-input', phrase('relation.endsBeforeStart', { start, end }));
}

/** The articles whose text evidence is read from (words or a place), not only named by highlight. */
function quotedArticles(inputs: readonly EvidenceInput[]): string[] {
  return inputs.flatMap((e) => ('annotationId' in e ? [] : [e.articleId]));
}

/** Runs `task` holding each article's queue, in a fixed order so two callers never wait on each other. */
function holding<T>(changes: ChangeLog, articleIds: readonly string[], task: () => Promise<T>): Promise<T> {
  const [first, ...rest] = articleIds;
  if (first === undefined) return task();
  return changes.exclusive(first, () => holding(changes, rest, task));
}

/** The relationships that differ, and the vocabulary when it changed (a workspace setting). */
function relationChanges(before: RelationsFile, after: RelationsFile): RecordChange[] {
  const changes = diffRecords('relation', null, before.relations, after.relations);
  // A dismissed suggestion is announced as the suggestion of that key deleted (created again by undo),
  // so the lists of suggestions refresh, as the timeline does for dismissed dates.
  const was = new Set(before.dismissed);
  const is = new Set(after.dismissed);
  for (const key of is) if (!was.has(key)) changes.push({ subject: 'relation', kind: 'deleted', id: key, articleId: parseSuggestionKey(key)?.articleId ?? null });
  for (const key of was) if (!is.has(key)) changes.push({ subject: 'relation', kind: 'created', id: key, articleId: parseSuggestionKey(key)?.articleId ?? null });
  if (JSON.stringify(before.types) !== JSON.stringify(after.types)) changes.push({ subject: 'workspace', kind: 'updated', id: RELATION_TYPES_RECORD, articleId: null });
  return changes;
}
