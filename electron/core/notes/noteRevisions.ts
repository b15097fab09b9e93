import { DossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import { countWords } from '../../common/text/words';
import type { NoteContent, NoteRevision, NoteRevisionSummary } from '../../common/model/note';
import type { WorkspaceStore } from '../store/workspaceStore';
import { noteRevisions, type NoteBodyFile, type NoteRevisionsFile } from './noteDocuments';

/** At most one revision per note in this much editing time. */
export const REVISION_INTERVAL_MS = 5 * 60 * 1000;
/** How long a revision is kept. */
export const REVISION_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

const EXCERPT_LENGTH = 120;

/**
 * A note's earlier versions, in their own file beside its body. A revision is the body as it was
 * before a change replaced it: taken before the first save after five minutes without one (so
 * typing never records more than one per five minutes), and always before a restore, so going
 * back to a version never loses the text it replaces. Revisions older than 30 days are dropped
 * whenever the file is written, and are no longer listed meanwhile.
 */
export class NoteRevisions {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly now: () => number,
  ) {}

  /**
   * Keeps `body` (the text about to be replaced by `next`) as a revision when the newest one is
   * older than five minutes, or whatever its age when `always` (a restore). An empty body, one
   * that `next` does not change (an editor saving what it loaded), or one that is the newest
   * revision already, is not kept. Call with the note's lock held.
   */
  async keep(id: string, body: NoteBodyFile, { always = false, next }: { always?: boolean; next?: { content: NoteContent; text: string } } = {}): Promise<void> {
    if (body.text.trim() === '' && isEmpty(body.content)) return;
    const kind = noteRevisions(id);
    const now = this.now();
    const current = await this.store.readWorkspaceDoc(kind);
    const newest = current.revisions.at(-1);
    if (!always && newest && now - Date.parse(newest.at) < REVISION_INTERVAL_MS) return;
    if (next && sameBody(next, body)) return;
    if (newest && sameBody(newest, body)) return;
    const revision: NoteRevision = { id: newId('rev', now), at: new Date(now).toISOString(), contentRev: body.rev, content: body.content, text: body.text };
    await this.store.updateWorkspaceDoc(kind, (doc) => {
      doc.revisions = [...kept(doc, now), revision];
    });
  }

  /** The revisions kept, newest first, without their content. */
  async list(id: string): Promise<NoteRevisionSummary[]> {
    const doc = await this.store.readWorkspaceDoc(noteRevisions(id));
    return kept(doc, this.now())
      .map((r) => ({ id: r.id, at: r.at, contentRev: r.contentRev, words: countWords(r.text), excerpt: excerptOf(r.text) }))
      .reverse();
  }

  async get(id: string, revisionId: string): Promise<NoteRevision> {
    const doc = await this.store.readWorkspaceDoc(noteRevisions(id));
    const found = kept(doc, this.now()).find((r) => r.id === revisionId);
    if (!found) throw new DossierError('not-found', phrase('note.versionGone'));
    return found;
  }
}

/** The revisions younger than 30 days. */
function kept(doc: NoteRevisionsFile, now: number): NoteRevision[] {
  return doc.revisions.filter((r) => now - Date.parse(r.at) < REVISION_KEEP_MS);
}

function isEmpty(content: NoteContent): boolean {
  // A new note holds one empty paragraph: nothing to go back to.
  const blocks = content.root.children as { children?: unknown[] }[];
  return blocks.every((b) => !b.children || b.children.length === 0);
}

/**
 * The same text and the same content, whatever the order of the content's keys: a note written
 * through the API and the same note saved back by the editor list their fields differently.
 */
function sameBody(a: { content: NoteContent; text: string }, b: { content: NoteContent; text: string }): boolean {
  return a.text === b.text && canonical(a.content) === canonical(b.content);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  // Cut by code points, so an emoji or a character outside the BMP is never split in two.
  return `${Array.from(flat.slice(0, EXCERPT_LENGTH * 2)).slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}…`;
}
