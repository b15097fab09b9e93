import type { Creator } from '../../common/model/annotation';
import { DossierError, phrase } from '../../common/errors';
import { articleScope } from '../../common/model/history';
import { newId } from '../../common/ids';
import {
  emptyNoteContent,
  NOTE_CONTENT_MAX_BYTES,
  type Note,
  type NoteContent,
  type NoteFilter,
  type NotePatch,
  type NoteRevision,
  type NoteRevisionSummary,
  type NoteSummary,
  UNTITLED_NOTE,
} from '../../common/model/note';
import { deriveNote, titleFromText } from '../../common/notes/deriveNote';
import type { ChangeLog } from '../history/changeLog';
import type { WorkspaceStore } from '../store/workspaceStore';
import { findById } from '../store/recordsById';
import { noteBody, NOTES_INDEX } from './noteDocuments';
import { NoteRevisions } from './noteRevisions';
import { step, type StepLabel } from '../../common/model/phrase';

const COLLECTION = 'notes';
/** A note's text put back by undo or redo of a restore: the body's content (see putContent). */
const CONTENT_COLLECTION = 'note-content';
const UNTITLED = UNTITLED_NOTE;
/** Notes of the workspace are changed one at a time, index and body together. */
export const NOTES_LOCK = '(notes)';

export interface NewNote {
  title?: string;
  articleId?: string | null;
  content?: NoteContent;
}

/** What the notes service needs to know about entities: merges, so backlinks follow them. */
export interface EntityIds {
  idsOf(entityId: string): Promise<string[]>;
}

export interface NoteServiceOptions {
  /** The clock of revisions (milliseconds since the epoch); tests move it. */
  now?: () => number;
}

/**
 * Notes: rich text the analyst writes, with the references derived on every save. Creating,
 * renaming, pinning, deleting and going back to an earlier version are undoable operations;
 * typing is saved as it happens and undone inside the editor.
 */
export class NoteService {
  private readonly revisions: NoteRevisions;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly entities: EntityIds,
    options: NoteServiceOptions = {},
  ) {
    this.revisions = new NoteRevisions(store, options.now ?? Date.now);
    changes.registerCollection(
      COLLECTION,
      {
        subject: 'note',
        put: (id, state) => this.putSummary(id, state as NoteSummary | null),
        // A note written on an article is undone from that article too.
        scopesOf: (state) => {
          const articleId = (state as NoteSummary | null)?.articleId;
          return articleId ? [articleScope(articleId)] : [];
        },
        // Undoing a note's creation takes away whatever was typed in it since: ask first.
        lossOf: async (id) => {
          const body = await this.store.readWorkspaceDoc(noteBody(id)).catch(() => null);
          if (!body?.text.trim()) return null;
          const summary = findById((await this.store.readWorkspaceDoc(NOTES_INDEX)).notes, id);
          return { key: 'noteWithText', params: { title: (summary?.title ?? titleFromText(body.text) ?? UNTITLED).slice(0, 300) } };
        },
      },
      ['notes'],
    );
    changes.registerCollection(CONTENT_COLLECTION, { subject: 'note', put: (id, state) => this.putContent(id, state as NoteContent) }, ['notes']);
  }

  async list(filter: NoteFilter = {}): Promise<NoteSummary[]> {
    const index = await this.store.readWorkspaceDoc(NOTES_INDEX);
    let notes = index.notes;
    if (filter.articleId) {
      const id = filter.articleId;
      notes = notes.filter((n) => n.articleId === id || n.citations.some((c) => c.articleId === id));
    }
    if (filter.citesArticleId) {
      const id = filter.citesArticleId;
      notes = notes.filter((n) => n.citations.some((c) => c.articleId === id));
    }
    if (filter.entityId) {
      const ids = new Set(await this.entities.idsOf(filter.entityId));
      notes = notes.filter((n) => n.entityIds.some((e) => ids.has(e)));
    }
    if (filter.tag) {
      const tag = filter.tag.replace(/^#/, '').toLocaleLowerCase();
      notes = notes.filter((n) => n.tags.includes(tag));
    }
    if (filter.query?.trim()) {
      const words = fold(filter.query).split(/\s+/).filter(Boolean);
      const matching: NoteSummary[] = [];
      for (const n of notes) {
        const body = await this.store.readWorkspaceDoc(noteBody(n.id));
        const haystack = fold(`${n.title}\n${body.text}`);
        if (words.every((w) => haystack.includes(w))) matching.push(n);
      }
      notes = matching;
    }
    return [...notes].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.modified.localeCompare(a.modified));
  }

  async get(id: string): Promise<Note> {
    const summary = await this.summary(id);
    const body = await this.store.readWorkspaceDoc(noteBody(id));
    return { ...summary, content: body.content, text: body.text, contentRev: body.rev };
  }

  /** The tags used in notes, with how many notes use each, most used first. */
  async tags(): Promise<{ tag: string; count: number }[]> {
    const index = await this.store.readWorkspaceDoc(NOTES_INDEX);
    const counts = new Map<string, number>();
    for (const n of index.notes) for (const t of n.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  create(input: NewNote = {}): Promise<Note> {
    if (input.articleId && !this.store.hasArticle(input.articleId)) {
      return Promise.reject(new DossierError('not-found', phrase('common.noArticle', { id: input.articleId })));
    }
    return this.changes.exclusive(NOTES_LOCK, async () => {
      const content = input.content ?? emptyNoteContent();
      checkSize(content);
      const derived = deriveNote(content);
      const now = new Date().toISOString();
      const id = newId('note');
      const summary: NoteSummary = {
        id,
        rev: 1,
        title: input.title?.trim() || titleFromText(derived.text) || UNTITLED,
        titled: Boolean(input.title?.trim()),
        articleId: input.articleId ?? null,
        pinned: false,
        excerpt: derived.excerpt,
        entityIds: derived.entityIds,
        citations: derived.citations,
        tags: derived.tags,
        created: now,
        modified: now,
        createdBy: this.changes.who(),
        modifiedBy: this.changes.who(),
      };
      // The body first: an index entry never points at a note that was not written.
      await this.store.updateWorkspaceDoc(noteBody(id), (doc) => {
        doc.rev = 1;
        doc.content = content;
        doc.text = derived.text;
      });
      await this.commit(step('newNote'), { id, before: null, after: summary });
      return { ...summary, content, text: derived.text, contentRev: 1 };
    });
  }

  /**
   * Saves what the editor holds (autosave). `baseRev` is the content revision the editor loaded or
   * last saved; an older one means another window changed the text since, and this save would lose
   * that. Renaming or pinning does not change the content revision.
   */
  save(id: string, content: NoteContent, baseRev?: number): Promise<{ note: NoteSummary; contentRev: number }> {
    checkSize(content);
    return this.changes.exclusive(NOTES_LOCK, async () => {
      const current = await this.summary(id);
      const body = await this.store.readWorkspaceDoc(noteBody(id));
      if (baseRev !== undefined && baseRev < body.rev) {
        throw new DossierError('conflict', phrase('note.changedElsewhere'));
      }
      const derived = deriveNote(content);
      const next = withText(current, derived, this.changes.who());
      const contentRev = body.rev + 1;
      this.changes.intend([{ subject: 'note', kind: 'updated', id, articleId: null }]);
      // The text, its entry in the list and the version it replaces are saved together, or none.
      await this.store.transaction(async () => {
        // The text as it was, before the first save of a new stretch of editing replaces it.
        await this.revisions.keep(id, body, { next: { content, text: derived.text } });
        await this.store.updateWorkspaceDoc(noteBody(id), (doc) => {
          doc.rev = contentRev;
          doc.content = content;
          doc.text = derived.text;
        });
        await this.writeSummary(next);
      });
      this.changes.announce([{ subject: 'note', kind: 'updated', id, articleId: null }]);
      return { note: next, contentRev };
    });
  }

  /** The note's earlier versions, newest first. */
  async revisionList(id: string): Promise<NoteRevisionSummary[]> {
    await this.summary(id);
    return this.revisions.list(id);
  }

  async revision(id: string, revisionId: string): Promise<NoteRevision> {
    await this.summary(id);
    return this.revisions.get(id, revisionId);
  }

  /**
   * Puts an earlier version's text back, as an undoable step; the text it replaces is kept as a
   * revision first. Applied here under the notes' lock and then remembered (not committed), since
   * the change log would apply it through putContent, which takes that lock itself.
   */
  restoreRevision(id: string, revisionId: string): Promise<{ note: NoteSummary; contentRev: number }> {
    return this.changes.exclusive(NOTES_LOCK, async () => {
      const revision = await this.revisions.get(id, revisionId);
      const { before, note, contentRev } = await this.writeContent(id, revision.content);
      this.changes.remember({
        label: step('restoreNoteVersion'),
        articleId: null,
        ops: [{ kind: 'record', collection: CONTENT_COLLECTION, articleId: null, id, before, after: revision.content }],
      });
      return { note, contentRev };
    });
  }

  update(id: string, patch: NotePatch): Promise<NoteSummary> {
    if (patch.articleId && !this.store.hasArticle(patch.articleId)) {
      return Promise.reject(new DossierError('not-found', phrase('common.noArticle', { id: patch.articleId })));
    }
    return this.changes.exclusive(NOTES_LOCK, async () => {
      const before = await this.summary(id);
      const after: NoteSummary = {
        ...before,
        title: patch.title === undefined ? before.title : patch.title || titleFromText((await this.get(id)).text) || UNTITLED,
        titled: patch.title === undefined ? before.titled : patch.title !== '',
        pinned: patch.pinned ?? before.pinned,
        articleId: patch.articleId === undefined ? before.articleId : patch.articleId,
        rev: before.rev + 1,
        modified: new Date().toISOString(),
        modifiedBy: this.changes.who(),
      };
      const label = step(patch.title !== undefined ? 'renameNote' : patch.pinned !== undefined ? (after.pinned ? 'pinNote' : 'unpinNote') : 'moveNote');
      await this.commit(label, { id, before, after });
      return after;
    });
  }

  /** Takes the note out of the workspace's lists; its body is kept, so undo brings it back whole. */
  delete(id: string): Promise<void> {
    return this.changes.exclusive(NOTES_LOCK, async () => {
      const before = await this.summary(id);
      await this.commit(step('deleteNote'), { id, before, after: null });
    });
  }

  private async commit(label: StepLabel, op: { id: string; before: NoteSummary | null; after: NoteSummary | null }): Promise<void> {
    await this.changes.commit(
      { label, articleId: null, ops: [{ kind: 'record', collection: COLLECTION, articleId: null, ...op }] }
    );
  }

  private async summary(id: string): Promise<NoteSummary> {
    noteBody(id);
    const index = await this.store.readWorkspaceDoc(NOTES_INDEX);
    const found = findById(index.notes, id);
    if (!found) throw new DossierError('not-found', phrase('note.gone'));
    return found;
  }

  /** One note's entry in notes.json: a journal line, so an autosave never rewrites every note's summary. */
  private async writeSummary(next: NoteSummary): Promise<void> {
    await this.store.putWorkspaceRecord(NOTES_INDEX, next.id, next);
  }

  /** Undo and redo of a restore: the note's text as the step left it, under the notes' lock like every save. */
  private async putContent(id: string, content: NoteContent): Promise<void> {
    await this.changes.exclusive(NOTES_LOCK, () => this.writeContent(id, content));
  }

  /**
   * Replaces the note's text, keeping the text it replaces as a revision whatever its age (what
   * was typed since a restore survives the restore's undo). The content revision moves on, so an
   * editor still holding the replaced text reloads rather than saving over it. Call with the
   * notes' lock held.
   */
  private writeContent(id: string, content: NoteContent): Promise<{ before: NoteContent; note: NoteSummary; contentRev: number }> {
    return this.store.transaction(() => this.replaceContent(id, content));
  }

  private async replaceContent(id: string, content: NoteContent): Promise<{ before: NoteContent; note: NoteSummary; contentRev: number }> {
    const current = await this.summary(id);
    const body = await this.store.readWorkspaceDoc(noteBody(id));
    const derived = deriveNote(content);
    await this.revisions.keep(id, body, { always: true });
    const contentRev = body.rev + 1;
    const changed = [{ subject: 'note' as const, kind: 'updated' as const, id, articleId: null }];
    this.changes.intend(changed);
    await this.store.updateWorkspaceDoc(noteBody(id), (doc) => {
      doc.rev = contentRev;
      doc.content = content;
      doc.text = derived.text;
    });
    // A restored version, and the undo and redo of a restore: a change by whoever makes it (see history/authorship.ts).
    const note = withText(current, derived, this.changes.who());
    await this.writeSummary(note);
    return { before: body.content, note, contentRev };
  }

  /**
   * Undo and redo: puts a note's entry back. What the analyst typed since is kept: the references
   * are derived again from the saved body, only title, pin and article come from the operation,
   * and an unnamed note is called by its text's first line, as a save would call it.
   */
  private async putSummary(id: string, state: NoteSummary | null): Promise<void> {
    if (state === null) {
      await this.store.putWorkspaceRecord(NOTES_INDEX, id, null);
      return;
    }
    const body = await this.store.readWorkspaceDoc(noteBody(id));
    const derived = deriveNote(body.content);
    const index = await this.store.readWorkspaceDoc(NOTES_INDEX);
    const current = findById(index.notes, id);
    await this.writeSummary({
      ...state,
      rev: Math.max(state.rev, current?.rev ?? 0) + 1,
      title: state.titled ? state.title : titleFromText(derived.text) || UNTITLED,
      excerpt: derived.excerpt,
      entityIds: derived.entityIds,
      citations: derived.citations,
      tags: derived.tags,
    });
  }
}

/** A note's entry once its text changed: what is derived from the text, a new revision, modified now. */
function withText(current: NoteSummary, derived: ReturnType<typeof deriveNote>, by: Creator): NoteSummary {
  return {
    ...current,
    rev: current.rev + 1,
    title: current.titled ? current.title : titleFromText(derived.text) || UNTITLED,
    excerpt: derived.excerpt,
    entityIds: derived.entityIds,
    citations: derived.citations,
    tags: derived.tags,
    modified: new Date().toISOString(),
    modifiedBy: by,
  };
}

function checkSize(content: NoteContent): void {
  // UTF-16 length × 3 bounds the UTF-8 size without encoding the whole state on every keystroke.
  const length = JSON.stringify(content).length;
  if (length * 3 > NOTE_CONTENT_MAX_BYTES && new TextEncoder().encode(JSON.stringify(content)).length > NOTE_CONTENT_MAX_BYTES) {
    throw new DossierError('bad-input', phrase('note.tooLarge', { limit: NOTE_CONTENT_MAX_BYTES / 1024 / 1024 }));
  }
}

/** Lower case without accents, so "Defence" finds "défense" typed either way. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
