import type { Grading } from '../../common/model/annotation';
import type { EntityType } from '../../common/model/entityType';
import { titleFromText } from '../../common/notes/deriveNote';
import { cleanAliases, findByName, nameKey } from '../entities/entityMatching';

/**
 * A plain in-memory picture of a workspace, for the model-based test: what the analyst should see
 * after any sequence of changes, undos, redos and restarts. Every record lives in a named slot
 * (`ann/<article>/<id>`, `note/<id>`, `briefs`, `entities`, `mentions/<article>`, `listed/<article>`)
 * and an undoable change is the slots it set, with their values before and after — the same
 * granularity as the core's operations, so undo puts back exactly what the core puts back. Writes
 * that are not undo steps (a note's text, entity detection) set slots quietly and stay through undo.
 */

export interface ModelArticle {
  id: string;
  title: string;
  text: string;
  /** What was imported: the same file again is a duplicate while this article is listed. */
  source: string;
}

export interface ModelAnnotation {
  id: string;
  start: number;
  end: number;
  exact: string;
  comment: string;
  color: string | null;
  grading: Grading | null;
}

/** A note's entry as undo restores it; its text is not an undo step and lives apart. */
export interface ModelNoteEntry {
  /** The name the analyst gave; unused while `titled` is false (the title is the first line then). */
  title: string;
  titled: boolean;
  pinned: boolean;
}

export interface ModelNote extends ModelNoteEntry {
  id: string;
  text: string;
}

export interface ModelBrief {
  id: string;
  title: string;
  author: string;
  handling: string;
}

export interface ModelEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface ModelEntities {
  entities: ModelEntity[];
  /** Surface forms never suggested again, as `nameKey` gives them. */
  rejected: string[];
}

export interface ModelMention {
  entityId: string;
  start: number;
  end: number;
}

export interface ModelSuggestion {
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: { start: number; end: number; text: string }[];
}

export interface ModelMentions {
  mentions: ModelMention[];
  suggestions: ModelSuggestion[];
}

export interface DetectedName {
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: { start: number; end: number; text: string }[];
}

interface SlotChange {
  before: unknown;
  after: unknown;
}

interface ModelChange {
  label: string;
  /** The article the core names in undo's answer; undefined where the model does not predict it. */
  articleId: string | null | undefined;
  group?: string;
  slots: Map<string, SlotChange>;
}

/** What undo and redo answer: the change's label and article, or null when there is nothing to do. */
export interface HistoryStep {
  label: string | null;
  articleId: string | null | undefined;
}

const HISTORY_LIMIT = 200;
const UNTITLED = 'Untitled note';
const NO_ENTITIES: ModelEntities = { entities: [], rejected: [] };

export class WorkspaceModel {
  private readonly slots = new Map<string, unknown>();
  /** Every article ever imported, listed or not, in import order. */
  readonly articles: ModelArticle[] = [];
  private readonly noteIds: string[] = [];
  private readonly noteTexts = new Map<string, string>();
  private readonly done: ModelChange[] = [];
  private readonly undone: ModelChange[] = [];

  constructor(private readonly detect: (text: string) => DetectedName[]) {}

  // Reading

  listedArticles(): ModelArticle[] {
    return this.articles.filter((a) => this.slot(`listed/${a.id}`) === true);
  }

  article(id: string): ModelArticle {
    const found = this.articles.find((a) => a.id === id);
    if (!found) throw new Error(`the model has no article ${id}`);
    return found;
  }

  annotations(articleId: string): ModelAnnotation[] {
    return this.live<ModelAnnotation>(`ann/${articleId}/`);
  }

  notes(): ModelNote[] {
    return this.noteIds.flatMap((id) => {
      const entry = this.slot<ModelNoteEntry | null>(`note/${id}`);
      if (!entry) return [];
      const text = this.noteTexts.get(id) ?? '';
      // An unnamed note is called by its first line, whatever undo put back.
      const title = entry.titled ? entry.title : titleFromText(text) || UNTITLED;
      return [{ id, ...entry, title, text }];
    });
  }

  note(id: string): ModelNote {
    const found = this.notes().find((n) => n.id === id);
    if (!found) throw new Error(`the model has no note ${id}`);
    return found;
  }

  briefs(): ModelBrief[] {
    return this.slot<ModelBrief[]>('briefs') ?? [];
  }

  entityState(): ModelEntities {
    return this.slot<ModelEntities>('entities') ?? NO_ENTITIES;
  }

  entities(): ModelEntity[] {
    return this.entityState().entities;
  }

  /** Per entity, in how many articles and how many times it is named (the entity list's counts). */
  presence(): Map<string, { articles: number; mentions: number }> {
    const counts = new Map<string, { articles: number; mentions: number }>();
    for (const article of this.articles) {
      const seen = new Set<string>();
      for (const m of this.mentionsOf(article.id)?.mentions ?? []) {
        const c = counts.get(m.entityId) ?? { articles: 0, mentions: 0 };
        c.mentions += 1;
        if (!seen.has(m.entityId)) c.articles += 1;
        seen.add(m.entityId);
        counts.set(m.entityId, c);
      }
    }
    return counts;
  }

  /** The article's mentions and pending suggestions, or null before detection has run on it. */
  mentionsOf(articleId: string): ModelMentions | null {
    return this.slot<ModelMentions | null>(`mentions/${articleId}`) ?? null;
  }

  history(): { undo: string | null; redo: string | null } {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }

  // Changes that are not undo steps

  /** An article already in the library when the run starts. */
  addArticle(article: ModelArticle): void {
    this.articles.push(article);
    this.set(`listed/${article.id}`, true);
  }

  /** Detection runs once per article text, the first time anything asks for its entities. */
  ensureDetected(articleId: string): ModelMentions {
    const existing = this.mentionsOf(articleId);
    if (existing) return existing;
    const { rejected } = this.entityState();
    const suggestions = this.detect(this.article(articleId).text)
      .map((d, i) => ({ key: `s1-${i}`, ...d }))
      .filter((s) => s.mentions.length > 0 && !rejected.includes(nameKey(s.name)));
    const doc: ModelMentions = { mentions: [], suggestions };
    this.slots.set(`mentions/${articleId}`, doc);
    return structuredClone(doc);
  }

  /**
   * The suggestions the review offers: those detection left, less the forms rejected since (in
   * another article): a suggestion named so goes, and so do its mentions written so.
   */
  offered(articleId: string): ModelSuggestion[] {
    const rejected = new Set(this.entityState().rejected);
    return this.ensureDetected(articleId).suggestions.flatMap((s) => {
      if (rejected.has(nameKey(s.name))) return [];
      const mentions = s.mentions.filter((m) => !rejected.has(nameKey(m.text)));
      return mentions.length === 0 ? [] : [{ ...s, aliases: s.aliases.filter((a) => !rejected.has(nameKey(a))), mentions }];
    });
  }

  saveNoteText(id: string, text: string): void {
    this.noteTexts.set(id, text);
  }

  /** A restart: the workspace stays, the undo history of the last run does not. */
  forgetHistory(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  // Undoable changes, each what one core operation does

  importArticle(article: ModelArticle): void {
    this.articles.push(article);
    this.commit(`import “${article.title.slice(0, 60)}”`, null, undefined, [[`listed/${article.id}`, true]]);
  }

  putAnnotation(label: string, articleId: string, annotation: ModelAnnotation, group?: string): void {
    this.commit(label, articleId, group, [[`ann/${articleId}/${annotation.id}`, annotation]]);
  }

  deleteAnnotation(articleId: string, id: string): void {
    this.commit('delete highlight', articleId, undefined, [[`ann/${articleId}/${id}`, null]]);
  }

  createNote(id: string, title: string | undefined, text: string): void {
    this.noteIds.push(id);
    this.noteTexts.set(id, text);
    const named = title?.trim() ?? '';
    this.commit('new note', null, undefined, [[`note/${id}`, { title: named, titled: named !== '', pinned: false }]]);
  }

  /** Renaming to '' gives the note back its first line as title. */
  renameNote(id: string, title: string): void {
    const entry = this.noteEntry(id);
    this.commit('rename note', null, undefined, [[`note/${id}`, { ...entry, title, titled: title !== '' }]]);
  }

  pinNote(id: string, pinned: boolean): void {
    const entry = this.noteEntry(id);
    this.commit(pinned ? 'pin note' : 'unpin note', null, undefined, [[`note/${id}`, { ...entry, pinned }]]);
  }

  deleteNote(id: string): void {
    this.commit('delete note', null, undefined, [[`note/${id}`, null]]);
  }

  createBrief(brief: ModelBrief): void {
    this.commit(`create brief ${brief.title}`, null, undefined, [['briefs', [...this.briefs(), brief]]]);
  }

  updateBrief(id: string, patch: Partial<Omit<ModelBrief, 'id'>>, group?: string): void {
    const title = this.briefs().find((b) => b.id === id)?.title ?? '';
    const briefs = this.briefs().map((b) => (b.id === id ? { ...b, ...patch } : b));
    this.commit(`edit brief ${title}`.trim(), null, group, [['briefs', briefs]]);
  }

  deleteBrief(id: string): void {
    const title = this.briefs().find((b) => b.id === id)?.title ?? '';
    this.commit(`delete brief ${title}`.trim(), null, undefined, [['briefs', this.briefs().filter((b) => b.id !== id)]]);
  }

  /** entities.create: a name already in use (not as an alias) is that entity, and nothing changes. */
  createEntity(name: string, type: EntityType, newId: () => string): string {
    const existing = this.entities().find((e) => nameKey(e.name) === nameKey(name));
    if (existing) return existing.id;
    const entity = newEntity(newId(), name, type, []);
    this.commitEntities(`create ${name.trim()}`, null, (state) => state.entities.push(entity), []);
    return entity.id;
  }

  /** entities.link: a new name makes an entity even when it is another's alias; overlapped mentions go. */
  link(articleId: string, start: number, end: number, target: { entityId: string } | { name: string; type: EntityType }, newId: () => string): void {
    this.ensureDetected(articleId);
    const text = this.article(articleId).text.slice(start, end);
    this.commitEntities(`link ${text}`, articleId, (state, mentionsOf) => {
      let entity = 'entityId' in target ? state.entities.find((e) => e.id === target.entityId) : state.entities.find((e) => nameKey(e.name) === nameKey(target.name));
      if (!entity) {
        if ('entityId' in target) throw new Error('the model links to an entity it does not have');
        entity = newEntity(newId(), target.name, target.type, []);
        state.entities.push(entity);
      }
      const doc = mentionsOf(articleId);
      doc.mentions = doc.mentions.filter((m) => m.end <= start || m.start >= end);
      doc.mentions.push({ entityId: entity.id, start, end });
    }, [articleId]);
  }

  accept(articleId: string, key: string, choice: { name?: string; type?: EntityType; entityId?: string }, newId: () => string): void {
    const suggestion = this.offered(articleId).find((s) => s.key === key);
    if (!suggestion) throw new Error(`the model has no suggestion ${key}`);
    this.commitEntities(`accept ${suggestion.name}`, articleId, (state, mentionsOf) => {
      let entity = choice.entityId ? state.entities.find((e) => e.id === choice.entityId) : undefined;
      const name = choice.name?.trim() || suggestion.name;
      entity ??= findByName(asEntities(state.entities), name) as ModelEntity | undefined;
      if (entity) {
        entity.aliases = cleanAliases(entity.name, [...entity.aliases, suggestion.name, ...suggestion.aliases]);
      } else {
        entity = newEntity(newId(), name, choice.type ?? suggestion.type, name === suggestion.name ? suggestion.aliases : [suggestion.name, ...suggestion.aliases]);
        state.entities.push(entity);
      }
      const doc = mentionsOf(articleId);
      for (const m of suggestion.mentions) {
        if (doc.mentions.some((x) => x.start < m.end && m.start < x.end)) continue;
        doc.mentions.push({ entityId: entity.id, start: m.start, end: m.end });
      }
      doc.suggestions = doc.suggestions.filter((s) => s.key !== key);
    }, [articleId]);
  }

  reject(articleId: string, key: string): void {
    const suggestion = this.offered(articleId).find((s) => s.key === key);
    if (!suggestion) throw new Error(`the model has no suggestion ${key}`);
    this.commitEntities(`reject ${suggestion.name}`, articleId, (state, mentionsOf) => {
      const forms = [suggestion.name, ...suggestion.aliases, ...suggestion.mentions.map((m) => m.text)].map(nameKey);
      state.rejected = [...new Set([...state.rejected, ...forms])];
      const doc = mentionsOf(articleId);
      doc.suggestions = doc.suggestions.filter((s) => s.key !== key);
    }, [articleId]);
  }

  unlink(articleId: string, start: number, end: number): void {
    this.commitEntities('remove entity link', articleId, (_state, mentionsOf) => {
      const doc = mentionsOf(articleId);
      doc.mentions = doc.mentions.filter((m) => m.start !== start || m.end !== end);
    }, [articleId]);
  }

  /** entities.update with a new name: 'conflict' when another entity has it as name or alias. */
  renameEntity(id: string, name: string): 'conflict' | 'ok' {
    const clash = findByName(asEntities(this.entities()), name);
    if (clash && clash.id !== id) return 'conflict';
    this.commitEntities('edit entity', null, (state) => {
      const entity = state.entities.find((e) => e.id === id)!;
      if (nameKey(name) !== nameKey(entity.name)) entity.aliases = [...entity.aliases, entity.name];
      entity.name = name.trim();
      entity.aliases = cleanAliases(entity.name, entity.aliases);
    }, []);
    return 'ok';
  }

  merge(sourceId: string, targetId: string): void {
    const source = this.entities().find((e) => e.id === sourceId)!;
    const target = this.entities().find((e) => e.id === targetId)!;
    const articles = this.articles.filter((a) => this.mentionsOf(a.id)?.mentions.some((m) => m.entityId === sourceId)).map((a) => a.id);
    // The core names the first article of its presence index, whose order the model does not keep.
    const articleId = articles.length === 0 ? null : articles.length === 1 ? articles[0]! : undefined;
    this.commitEntities(`merge ${source.name} into ${target.name}`, articleId, (state, mentionsOf) => {
      for (const id of articles) for (const m of mentionsOf(id).mentions) if (m.entityId === sourceId) m.entityId = targetId;
      const into = state.entities.find((e) => e.id === targetId)!;
      into.aliases = cleanAliases(into.name, [...into.aliases, source.name, ...source.aliases]);
      state.entities = state.entities.filter((e) => e.id !== sourceId);
    }, articles);
  }

  // Undo and redo

  undo(): HistoryStep {
    const change = this.done.pop();
    if (!change) return { label: null, articleId: null };
    for (const [slot, { before }] of change.slots) this.set(slot, before);
    this.undone.push(change);
    return { label: change.label, articleId: change.articleId };
  }

  redo(): HistoryStep {
    const change = this.undone.pop();
    if (!change) return { label: null, articleId: null };
    for (const [slot, { after }] of change.slots) this.set(slot, after);
    this.done.push(change);
    return { label: change.label, articleId: change.articleId };
  }

  // Inside

  private noteEntry(id: string): ModelNoteEntry {
    const entry = this.slot<ModelNoteEntry | null>(`note/${id}`);
    if (!entry) throw new Error(`the model has no note ${id}`);
    return entry;
  }

  /** One change of entities.json and the mentions of the articles it touches, as the core commits it. */
  private commitEntities(
    label: string,
    articleId: string | null | undefined,
    change: (state: ModelEntities, mentionsOf: (articleId: string) => ModelMentions) => void,
    articles: string[],
  ): void {
    const state = structuredClone(this.entityState());
    const docs = new Map(articles.map((id) => [id, structuredClone(this.mentionsOf(id) ?? { mentions: [], suggestions: [] })]));
    change(state, (id) => docs.get(id)!);
    this.commit(label, articleId, undefined, [['entities', state], ...[...docs].map(([id, doc]) => [`mentions/${id}`, doc] as [string, unknown])]);
  }

  private commit(label: string, articleId: string | null | undefined, group: string | undefined, sets: [string, unknown][]): void {
    const slots = new Map<string, SlotChange>();
    for (const [slot, after] of sets) {
      slots.set(slot, { before: this.slot(slot) ?? null, after: structuredClone(after) });
      this.set(slot, after);
    }
    const last = this.done.at(-1);
    // Consecutive changes of one group are one undo step, unless something was undone in between.
    if (group !== undefined && last?.group === group && this.undone.length === 0) {
      for (const [slot, { before, after }] of slots) {
        const earlier = last.slots.get(slot);
        last.slots.set(slot, { before: earlier ? earlier.before : before, after });
      }
      return;
    }
    this.done.push({ label, articleId, group, slots });
    if (this.done.length > HISTORY_LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  private slot<T>(name: string): T | undefined {
    const value = this.slots.get(name);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  private set(name: string, value: unknown): void {
    this.slots.set(name, structuredClone(value));
  }

  private live<T>(prefix: string): T[] {
    return [...this.slots].filter(([name, value]) => name.startsWith(prefix) && value !== null).map(([, value]) => structuredClone(value) as T);
  }
}

function newEntity(id: string, name: string, type: EntityType, aliases: string[]): ModelEntity {
  return { id, name: name.trim(), type, aliases: cleanAliases(name, aliases) };
}

/** findByName reads only names and aliases; the model's entities have both. */
function asEntities(entities: ModelEntity[]): Parameters<typeof findByName>[0] {
  return entities as unknown as Parameters<typeof findByName>[0];
}
