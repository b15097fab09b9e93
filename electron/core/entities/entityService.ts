import { DossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import { ENTITY_REJECTIONS_RECORD, type ArticleMention, type Entity, type EntityPage, type EntityPatch, type EntitySummary, type EntityType, type Mention, type Suggestion } from '../../common/model/entity';
import type { RecordChange } from '../../common/contract';
import { diffRecords } from '../changeFeed';
import type { ChangeLog } from '../history/changeLog';
import type { Change, Operation } from '../history/operation';
import type { WorkspaceStore } from '../store/workspaceStore';
import { ENTITIES, followMerges, MENTIONS, type EntitiesFile, type MentionsFile } from './entityDocuments';
import { cleanAliases, findByName, nameKey } from './entityMatching';
import type { EntityDetector } from './entityDetector';
import { rejectedSet } from './learning';
import { addFound, linkOps, reanchorMentions, setPresence, type FoundMention } from './linkedMentions';
import type { KnownEntity } from './types';
import { step, type StepLabel } from '../../common/model/phrase';

export const ENTITIES_LOCK = '(entities)';

/**
 * Entities: detection results waiting for review, confirmed entities and their mentions. Every
 * analyst action is one undoable change of the documents it touches.
 */
export class EntityService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly detector: EntityDetector,
  ) {
    changes.registerDocument('entities', ENTITIES, (before, after) => entitiesChanges(before as EntitiesFile, after as EntitiesFile), ['entities']);
    changes.registerDocument('mentions', MENTIONS, (before, after, articleId) => mentionChanges(before as MentionsFile, after as MentionsFile, articleId!));
  }

  async list(): Promise<EntitySummary[]> {
    const doc = await this.store.readWorkspaceDoc(ENTITIES);
    return doc.entities
      .map((e) => {
        const where = doc.presence[e.id] ?? {};
        return {
          id: e.id,
          name: e.name,
          type: e.type,
          aliases: e.aliases,
          articleCount: Object.keys(where).length,
          mentionCount: Object.values(where).reduce((a, b) => a + b, 0),
        };
      })
      .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  }

  /** The last `knowledge()`, and the entity list it was made from. */
  private known: { from: readonly Entity[]; known: KnownEntity[] } | null = null;

  /** What detection should know: the confirmed entities and the rejected surface forms. */
  async knowledge(): Promise<{ known: KnownEntity[]; rejected: string[] }> {
    const { known, rejected } = await this.knownWithEntities();
    return { known, rejected };
  }

  /** `knowledge()`, and the entities its `known` list was made from, in the same order. */
  private async knownWithEntities(): Promise<{ known: KnownEntity[]; rejected: string[]; entities: readonly Entity[] }> {
    const doc = await this.store.readWorkspaceDoc(ENTITIES);
    // Documents change copy-on-write, so the same list object holds the same entities: with
    // thousands of them, detecting an article need not copy them all again.
    if (this.known?.from !== doc.entities) this.known = { from: doc.entities, known: doc.entities.map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })) };
    return { known: this.known.known, rejected: doc.rejected, entities: doc.entities };
  }

  /**
   * Commits a change that brings texts in (an import, a new version) together with the links to
   * the confirmed entities named in them, as one undo step: undoing the import undoes the links.
   * `applied`: the change's operations already carried out (see ChangeLog.commit).
   */
  commitWithLinks(change: Change, applied: readonly Operation[] = []): Promise<void> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const links = await linkOps(this.store, change, (texts) => this.findKnown(texts));
      await this.changes.commit(links.length === 0 ? change : { ...change, ops: [...change.ops, ...links] }, applied);
    });
  }

  /**
   * Links the article's mentions of confirmed entities that are not linked yet: what detection
   * offered as theirs and what the names and aliases find now. One undoable change; answers how
   * many mentions it linked.
   */
  linkKnown(articleId: string): Promise<number> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const doc = await this.ensureDetectedLocked(articleId);
      const { meta, text } = await this.store.readArticle(articleId);
      const [found] = await this.findKnown([{ text, language: meta.language }]);
      const { entities } = await this.store.readWorkspaceDoc(ENTITIES);
      const byId = new Map(entities.map((e) => [e.id, e]));
      const known = doc.suggestions.flatMap((s) => {
        const entityId = resolvedEntity(s, entities, byId);
        return entityId ? [{ suggestion: s, entityId }] : [];
      });
      const fresh = found!.filter((f) => !doc.mentions.some((m) => m.start < f.end && f.start < m.end));
      if (fresh.length === 0 && known.length === 0) return 0;
      let added = 0;
      await this.commitDocs(step('linkKnownEntities'), articleId, (entitiesDoc, mentionsOf) => {
        const mentions = mentionsOf(articleId);
        const before = mentions.mentions.length;
        addFound(mentions.mentions, fresh);
        for (const { suggestion, entityId } of known) this.acceptInto(entitiesDoc, mentions, suggestion, { entityId });
        added = mentions.mentions.length - before;
      });
      return added;
    });
  }

  /** The confirmed entities' mentions in each text, by entity id. */
  private async findKnown(texts: readonly { text: string; language: string | null }[]): Promise<FoundMention[][]> {
    const { known, rejected, entities } = await this.knownWithEntities();
    if (known.length === 0) return texts.map(() => []);
    const found = await this.detector.findKnown({ texts: texts.map(({ text, language }) => ({ text, language: language ?? undefined })), known, rejected });
    return found.map((list) => list.map((m) => ({ start: m.start, end: m.end, text: m.text, entityId: entities[m.entity]!.id })));
  }

  /**
   * The entities these ids name today, following merges; null for an id whose entity was deleted
   * or never existed. Notes store ids, so this is how a mention shows the current name.
   */
  async resolve(ids: readonly string[]): Promise<Record<string, Entity | null>> {
    const doc = await this.store.readWorkspaceDoc(ENTITIES);
    const byId = new Map(doc.entities.map((e) => [e.id, e]));
    const out: Record<string, Entity | null> = {};
    for (const id of ids) out[id] = byId.get(followMerges(doc.mergedInto, id)) ?? null;
    return out;
  }

  /** The entity's id and every id merged into it, directly or through earlier merges. */
  async idsOf(entityId: string): Promise<string[]> {
    const doc = await this.store.readWorkspaceDoc(ENTITIES);
    return [entityId, ...Object.keys(doc.mergedInto).filter((id) => id !== entityId && followMerges(doc.mergedInto, id) === entityId)];
  }

  async find(name: string): Promise<Entity | undefined> {
    const doc = await this.store.readWorkspaceDoc(ENTITIES);
    return doc.entities.find((e) => e.id === name) ?? findByName(doc.entities, name);
  }

  /** The article's confirmed mentions and pending suggestions; detects first if the text is new. */
  async forArticle(articleId: string): Promise<{ mentions: ArticleMention[]; suggestions: Suggestion[] }> {
    const doc = await this.ensureDetected(articleId);
    const { entities, rejected } = await this.store.readWorkspaceDoc(ENTITIES);
    const byId = new Map(entities.map((e) => [e.id, e]));
    const mentions = doc.mentions
      .filter((m) => byId.has(m.entityId))
      .map((m) => ({ ...m, name: byId.get(m.entityId)!.name, type: byId.get(m.entityId)!.type }))
      .sort((a, b) => a.start - b.start);
    // Entities confirmed since detection ran (here or in another article) are offered for linking.
    const suggestions = stillOffered(doc.suggestions, rejected).map((s) => ({ ...s, entityId: resolvedEntity(s, entities, byId) }));
    return { mentions, suggestions };
  }

  /** Accepts a suggestion: as a new entity (optionally renamed or retyped), or into an existing one. */
  accept(articleId: string, key: string, choice: { name?: string; type?: EntityType; entityId?: string } = {}): Promise<Entity> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const mentionsDoc = await this.ensureDetectedLocked(articleId);
      const suggestion = await this.offered(mentionsDoc, key);
      if (!suggestion) throw new DossierError('not-found', phrase('entity.suggestionGone'));
      let accepted: Entity | undefined;
      await this.commitDocs(step('acceptEntity', { name: suggestion.name }), articleId, (entities, mentionsOf) => {
        accepted = this.acceptInto(entities, mentionsOf(articleId), suggestion, choice);
      });
      return accepted!;
    });
  }

  acceptAll(articleId: string): Promise<number> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const doc = await this.ensureDetectedLocked(articleId);
      const offered = stillOffered(doc.suggestions, (await this.store.readWorkspaceDoc(ENTITIES)).rejected);
      if (offered.length === 0) return 0;
      await this.commitDocs(step('acceptAllEntities'), articleId, (entities, mentionsOf) => {
        for (const suggestion of offered) this.acceptInto(entities, mentionsOf(articleId), suggestion, { entityId: suggestion.entityId ?? undefined });
      });
      return offered.length;
    });
  }

  /** Rejects a suggestion: its name, aliases and surface forms are never suggested again. */
  reject(articleId: string, key: string): Promise<void> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const doc = await this.ensureDetectedLocked(articleId);
      const suggestion = await this.offered(doc, key);
      if (!suggestion) throw new DossierError('not-found', phrase('entity.suggestionGone'));
      await this.commitDocs(step('rejectEntity', { name: suggestion.name }), articleId, (entities, mentionsOf) => {
        const forms = [suggestion.name, ...suggestion.aliases, ...suggestion.mentions.map((m) => m.text)].map(nameKey);
        entities.rejected = [...new Set([...entities.rejected, ...forms])];
        const mentions = mentionsOf(articleId);
        mentions.suggestions = mentions.suggestions.filter((s) => s.key !== key);
      });
    });
  }

  /** The suggestion as the review offers it (less the forms rejected since detection), if it still does. */
  private async offered(doc: MentionsFile, key: string): Promise<Suggestion | undefined> {
    return stillOffered(doc.suggestions, (await this.store.readWorkspaceDoc(ENTITIES)).rejected).find((s) => s.key === key);
  }

  /** Links a selected passage to an entity by hand (an existing one, or a new one named here). */
  link(articleId: string, start: number, end: number, target: { entityId: string } | { name: string; type: EntityType }): Promise<Mention> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const { text } = await this.store.readArticle(articleId);
      await this.ensureDetectedLocked(articleId);
      if (end <= start || end > text.length) throw new DossierError('bad-input', phrase('entity.selectWords'));
      const mention: Mention = { id: newId('men'), entityId: '', start, end, text: text.slice(start, end), source: 'manual' };
      if (!mention.text.trim()) throw new DossierError('bad-input', phrase('entity.selectWords'));
      await this.commitDocs(step('linkMention', { name: mention.text }), articleId, (entities, mentionsOf) => {
        // A new name creates an entity even when it is another entity's alias: the analyst chose to tell them apart.
        let entity =
          'entityId' in target
            ? entities.entities.find((e) => e.id === target.entityId)
            : entities.entities.find((e) => nameKey(e.name) === nameKey(target.name));
        if ('entityId' in target && !entity) throw new DossierError('not-found', phrase('entity.gone'));
        entity ??= this.newEntity(entities, 'name' in target ? target.name : mention.text, 'type' in target ? target.type : 'other', []);
        mention.entityId = entity.id;
        const doc = mentionsOf(articleId);
        doc.mentions = doc.mentions.filter((m) => m.end <= start || m.start >= end);
        doc.mentions.push(mention);
      });
      return mention;
    });
  }

  /** A new entity named in a note (@mention → Create); an existing one of that name is reused. */
  create(name: string, type: EntityType): Promise<Entity> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const doc = await this.store.readWorkspaceDoc(ENTITIES);
      const existing = doc.entities.find((e) => nameKey(e.name) === nameKey(name));
      if (existing) return existing;
      let created: Entity | undefined;
      await this.commitDocs(step('createEntity', { name: name.trim() }), null, (entities) => {
        created = this.newEntity(entities, name, type, []);
      });
      return created!;
    });
  }

  unlink(articleId: string, mentionId: string): Promise<void> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      await this.commitDocs(step('removeEntityLink'), articleId, (_entities, mentionsOf) => {
        const doc = mentionsOf(articleId);
        if (!doc.mentions.some((m) => m.id === mentionId)) throw new DossierError('not-found', phrase('entity.linkGone'));
        doc.mentions = doc.mentions.filter((m) => m.id !== mentionId);
      });
    });
  }

  update(entityId: string, patch: EntityPatch): Promise<Entity> {
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      let updated: Entity | undefined;
      await this.commitDocs(step('editEntity'), null, (entities) => {
        const entity = entities.entities.find((e) => e.id === entityId);
        if (!entity) throw new DossierError('not-found', phrase('entity.gone'));
        if (patch.name !== undefined) {
          const clash = findByName(entities.entities, patch.name);
          if (clash && clash.id !== entityId) throw new DossierError('conflict', phrase('entity.nameTaken', { name: patch.name, other: clash.name }));
          if (nameKey(patch.name) !== nameKey(entity.name)) entity.aliases = [...entity.aliases, entity.name];
          entity.name = patch.name.trim();
        }
        if (patch.type !== undefined) entity.type = patch.type;
        if (patch.aliases !== undefined) entity.aliases = patch.aliases;
        if (patch.description !== undefined) entity.description = patch.description;
        if (patch.externalId !== undefined) entity.externalId = patch.externalId?.trim() || null;
        entity.aliases = cleanAliases(entity.name, entity.aliases);
        entity.rev += 1;
        entity.modified = new Date().toISOString();
        entity.modifiedBy = this.changes.who();
        updated = entity;
      });
      return updated!;
    });
  }

  /** Merges `sourceId` into `targetId`: every mention moves, the source's names become aliases. */
  merge(sourceId: string, targetId: string): Promise<Entity> {
    if (sourceId === targetId) return Promise.reject(new DossierError('bad-input', phrase('entity.mergeIntoItself')));
    return this.changes.exclusive(ENTITIES_LOCK, async () => {
      const before = await this.store.readWorkspaceDoc(ENTITIES);
      const source = before.entities.find((e) => e.id === sourceId);
      const target = before.entities.find((e) => e.id === targetId);
      if (!source || !target) throw new DossierError('not-found', phrase('entity.oneGone'));
      const articles = Object.keys(before.presence[sourceId] ?? {});
      let merged: Entity | undefined;
      await this.commitDocs(step('mergeEntities', { source: source.name, target: target.name }), articles[0] ?? null, (entities, mentionsOf) => {
        for (const articleId of articles) {
          const doc = mentionsOf(articleId);
          for (const m of doc.mentions) if (m.entityId === sourceId) m.entityId = targetId;
          for (const s of doc.suggestions) if (s.entityId === sourceId) s.entityId = targetId;
        }
        const into = entities.entities.find((e) => e.id === targetId)!;
        into.aliases = cleanAliases(into.name, [...into.aliases, source.name, ...source.aliases]);
        if (!into.description && source.description) into.description = source.description;
        into.externalId ??= source.externalId;
        into.rev += 1;
        into.modified = new Date().toISOString();
        // A merge is a change of the entity that grew, by whoever merged (the one merged away is gone).
        into.modifiedBy = this.changes.who();
        entities.entities = entities.entities.filter((e) => e.id !== sourceId);
        entities.mergedInto = { ...entities.mergedInto, [sourceId]: targetId };
        merged = into;
      }, articles);
      return merged!;
    });
  }

  /** Everything about one entity across the workspace. */
  async page(entityId: string): Promise<Omit<EntityPage, 'notes'>> {
    const doc = await this.store.readWorkspaceDoc(ENTITIES);
    const entity = doc.entities.find((e) => e.id === entityId);
    if (!entity) throw new DossierError('not-found', phrase('entity.noSuch'));
    const page: Omit<EntityPage, 'notes'> = { entity, mentions: [], annotations: [], cooccurring: [] };
    const together = new Map<string, number>();
    for (const articleId of Object.keys(doc.presence[entityId] ?? {})) {
      if (!this.store.hasArticle(articleId)) continue;
      const [{ meta, text }, mentions, annotations] = await Promise.all([
        this.store.readArticle(articleId),
        this.store.readArticleDoc(articleId, MENTIONS),
        this.store.readAnnotations(articleId),
      ]);
      const own = mentions.mentions.filter((m) => m.entityId === entityId).sort((a, b) => a.start - b.start);
      for (const m of own) {
        page.mentions.push({ articleId, title: meta.title, published: meta.published, start: m.start, end: m.end, text: m.text, context: context(text, m.start, m.end) });
      }
      for (const a of annotations) {
        if (a.status === 'orphaned') continue;
        const { start, end } = a.target.position;
        if (own.some((m) => m.start < end && start < m.end)) page.annotations.push({ articleId, id: a.id, exact: a.target.quote.exact, comment: a.comment });
      }
      for (const other of new Set(mentions.mentions.map((m) => m.entityId))) {
        if (other !== entityId) together.set(other, (together.get(other) ?? 0) + 1);
      }
    }
    const byId = new Map(doc.entities.map((e) => [e.id, e]));
    page.cooccurring = [...together]
      .filter(([id]) => byId.has(id))
      .map(([id, articles]) => ({ id, name: byId.get(id)!.name, type: byId.get(id)!.type, articles }))
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
    return page;
  }

  private ensureDetected(articleId: string): Promise<MentionsFile> {
    return this.changes.exclusive(ENTITIES_LOCK, () => this.ensureDetectedLocked(articleId));
  }

  /**
   * Runs detection when the article's current text has not been seen yet. Confirmed mentions of
   * an earlier version are re-anchored onto the new text; those that cannot be placed are dropped.
   * Version 0 is a text not detected yet, whose mentions (linked on import) point into it already.
   */
  private async ensureDetectedLocked(articleId: string): Promise<MentionsFile> {
    const doc = await this.store.readArticleDoc(articleId, MENTIONS);
    const { meta, text } = await this.store.readArticle(articleId);
    if (doc.version === meta.version) return doc;
    const entities = await this.store.readWorkspaceDoc(ENTITIES);
    const knowledge = await this.knowledge();
    let mentions = doc.mentions;
    if (doc.version > 0 && mentions.length > 0) mentions = reanchorMentions(mentions, await this.store.readVersionText(articleId, doc.version), text);
    const detected = await this.detector.detect(text, { ...knowledge, language: meta.language ?? undefined });
    const suggestions: Suggestion[] = detected
      .map((d, i) => ({
        key: `s${meta.version}-${i}`,
        name: d.name,
        type: d.type,
        aliases: d.aliases,
        mentions: d.mentions.filter((dm) => !mentions.some((m) => m.start < dm.end && dm.start < m.end)),
        entityId: [d.name, ...d.aliases].map((n) => findByName(entities.entities, n)).find(Boolean)?.id ?? null,
      }))
      .filter((s) => s.mentions.length > 0 && !entities.rejected.includes(nameKey(s.name)));
    const next = await this.store.updateArticleDoc(articleId, MENTIONS, (draft) => {
      draft.version = meta.version;
      draft.rev += 1;
      draft.mentions = mentions;
      draft.suggestions = suggestions;
      return draft;
    });
    if (doc.version > 0) await this.updatePresence([articleId]);
    return next;
  }

  private acceptInto(entities: EntitiesFile, mentions: MentionsFile, suggestion: Suggestion, choice: { name?: string; type?: EntityType; entityId?: string }): Entity {
    let entity = choice.entityId ? entities.entities.find((e) => e.id === choice.entityId) : undefined;
    if (choice.entityId && !entity) throw new DossierError('not-found', phrase('entity.gone'));
    const name = choice.name?.trim() || suggestion.name;
    entity ??= findByName(entities.entities, name);
    if (entity) {
      entity.aliases = cleanAliases(entity.name, [...entity.aliases, suggestion.name, ...suggestion.aliases]);
      entity.rev += 1;
      entity.modified = new Date().toISOString();
      entity.modifiedBy = this.changes.who();
    } else {
      entity = this.newEntity(entities, name, choice.type ?? suggestion.type, name === suggestion.name ? suggestion.aliases : [suggestion.name, ...suggestion.aliases]);
    }
    for (const m of suggestion.mentions) {
      if (mentions.mentions.some((x) => x.start < m.end && m.start < x.end)) continue;
      mentions.mentions.push({ id: newId('men'), entityId: entity.id, start: m.start, end: m.end, text: m.text, source: 'detected' });
    }
    mentions.suggestions = mentions.suggestions.filter((s) => s.key !== suggestion.key);
    return entity;
  }

  private newEntity(entities: EntitiesFile, name: string, type: EntityType, aliases: string[]): Entity {
    const now = new Date().toISOString();
    const entity: Entity = { id: newId('ent'), rev: 1, name: name.trim(), type, aliases: cleanAliases(name, aliases), description: '', externalId: null, created: now, modified: now, createdBy: this.changes.who(), modifiedBy: this.changes.who() };
    entities.entities.push(entity);
    return entity;
  }

  /**
   * Applies `change` to copies of entities.json and the touched articles' mentions.json, brings the
   * presence index up to date, and commits the before/after states as one undoable change.
   */
  private async commitDocs(
    label: StepLabel,
    articleId: string | null,
    change: (entities: EntitiesFile, mentionsOf: (articleId: string) => MentionsFile) => void,
    preload: string[] = articleId ? [articleId] : [],
  ): Promise<void> {
    const entitiesBefore = await this.store.readWorkspaceDoc(ENTITIES);
    const entitiesAfter = structuredClone(entitiesBefore);
    const mentionsBefore = new Map<string, MentionsFile>();
    for (const id of preload) mentionsBefore.set(id, await this.store.readArticleDoc(id, MENTIONS));
    const mentionsAfter = new Map([...mentionsBefore].map(([id, doc]) => [id, structuredClone(doc)]));
    change(entitiesAfter, (id) => {
      const doc = mentionsAfter.get(id);
      if (!doc) throw new DossierError('internal', `mentions of ${id} were not loaded`);
      return doc;
    });
    for (const [id, doc] of mentionsAfter) {
      doc.rev += 1;
      setPresence(entitiesAfter, id, doc);
    }
    entitiesAfter.rev += 1;
    const ops: Operation[] = [
      { kind: 'doc', doc: 'entities', articleId: null, before: entitiesBefore, after: entitiesAfter },
      ...[...mentionsAfter].map(([id, after]) => ({ kind: 'doc' as const, doc: 'mentions', articleId: id, before: mentionsBefore.get(id)!, after })),
    ];
    await this.changes.commit({ label, articleId, ops });
  }

  private async updatePresence(articleIds: string[]): Promise<void> {
    const docs = await Promise.all(articleIds.map(async (id) => [id, await this.store.readArticleDoc(id, MENTIONS)] as const));
    await this.store.updateWorkspaceDoc(ENTITIES, (entities) => {
      for (const [id, doc] of docs) setPresence(entities, id, doc);
    });
  }
}

/**
 * The suggestions the review still offers: detection left out the forms rejected when it ran, and
 * this leaves out those rejected since, in another article or by a colleague (synced): the
 * suggestion whose name is one, and its mentions written so.
 */
function stillOffered(suggestions: readonly Suggestion[], rejected: readonly string[]): Suggestion[] {
  const forms = rejectedSet(rejected);
  if (forms.size === 0) return [...suggestions];
  return suggestions.flatMap((s) => {
    if (forms.has(nameKey(s.name))) return [];
    const mentions = s.mentions.filter((m) => !forms.has(nameKey(m.text)));
    return mentions.length === 0 ? [] : [{ ...s, aliases: s.aliases.filter((a) => !forms.has(nameKey(a))), mentions }];
  });
}

/** The entities that changed, and the rejected forms when they did (every article's review follows them). */
function entitiesChanges(before: EntitiesFile, after: EntitiesFile): RecordChange[] {
  const changes = diffRecords('entity', null, before.entities, after.entities);
  if (JSON.stringify(before.rejected) !== JSON.stringify(after.rejected)) changes.push({ subject: 'workspace', kind: 'updated', id: ENTITY_REJECTIONS_RECORD, articleId: null });
  return changes;
}

/** The confirmed entity a suggestion names: the one detection saw, or one confirmed since under its name or an alias. */
function resolvedEntity(s: Suggestion, entities: readonly Entity[], byId: ReadonlyMap<string, Entity>): string | null {
  if (s.entityId && byId.has(s.entityId)) return s.entityId;
  return [s.name, ...s.aliases].map((n) => findByName(entities, n)).find(Boolean)?.id ?? null;
}

function context(text: string, start: number, end: number, span = 80): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - span)) + 1);
  const to = text.indexOf(' ', Math.min(text.length, end + span));
  return `${from > 0 ? '…' : ''}${text.slice(from, to === -1 ? text.length : to).replace(/\s+/g, ' ')}${to === -1 ? '' : '…'}`;
}

/**
 * An article's mentions changed: each entity whose mentions there changed is updated; when only the
 * suggestions changed (a rejection), the article's entity review is what changed.
 */
function mentionChanges(before: MentionsFile, after: MentionsFile, articleId: string): RecordChange[] {
  const entityIds = new Set(
    diffRecords('entity', articleId, before.mentions, after.mentions).map((c) =>
      (c.kind === 'deleted' ? before.mentions : after.mentions).find((m) => m.id === c.id)!.entityId,
    ),
  );
  if (entityIds.size > 0) return [...entityIds].map((id) => ({ subject: 'entity', kind: 'updated', id, articleId }));
  return JSON.stringify(before.suggestions) === JSON.stringify(after.suggestions) ? [] : [{ subject: 'article', kind: 'updated', id: articleId, articleId }];
}
