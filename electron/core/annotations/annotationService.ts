import { findQuote, positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import { DossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Annotation, AnnotationPatch, Creator, Reply } from '../../common/model/annotation';
import type { ChangeLog } from '../history/changeLog';
import type { WorkspaceStore } from '../store/workspaceStore';
import { step, type StepLabel } from '../../common/model/phrase';

/**
 * Annotation changes as undoable operations. Each method reads the current state, checks the
 * request against it and commits one change, alone for its article.
 */
export class AnnotationService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly creator: () => Creator,
  ) {}

  async list(articleId: string): Promise<Annotation[]> {
    const annotations = await this.store.readAnnotations(articleId);
    return [...annotations].sort(byDocumentOrder);
  }

  create(
    articleId: string,
    start: number,
    end: number,
    fields: AnnotationPatch & { exact?: string; undoGroup?: string } = {},
  ): Promise<Annotation> {
    return this.changes.exclusive(articleId, async () => {
      const annotation = await this.draft(articleId, start, end, fields);
      await this.changes.commit(
        {
          label: step('addHighlight'),
          articleId,
          ops: [{ kind: 'annotation', articleId, id: annotation.id, before: null, after: annotation }],
          group: fields.undoGroup,
        }
      );
      return annotation;
    });
  }

  /**
   * The highlight `create` would add, made but not saved: for a change that adds it together with
   * something else in one undo step (a relationship and its evidence). Call it inside
   * `changes.exclusive(articleId)`, so the text it points into is still current when committed.
   */
  async draft(articleId: string, start: number, end: number, fields: AnnotationPatch & { exact?: string } = {}): Promise<Annotation> {
    const { meta, text } = await this.store.readArticle(articleId);
    const target = this.targetAt(text, meta.version, start, end, fields.exact);
    const now = new Date().toISOString();
    const comment = fields.comment ?? '';
    return {
      id: newId('ann'),
      rev: 1,
      articleId,
      motivation: comment.trim() ? 'commenting' : 'highlighting',
      target,
      comment,
      color: fields.color ?? null,
      tags: normaliseTags(fields.tags ?? []),
      grading: fields.grading ?? null,
      replies: [],
      creator: this.creator(),
      modifiedBy: this.creator(),
      status: 'anchored',
      created: now,
      modified: now,
    };
  }

  /** `occurrence` counts from 1; without it, a quote found more than once is an error. */
  async createFromQuote(articleId: string, quote: string, fields: AnnotationPatch, occurrence?: number): Promise<Annotation> {
    const match = await this.locate(articleId, quote, occurrence);
    return this.create(articleId, match.start, match.end, { ...fields, exact: match.exact });
  }

  /** Where `quote` is in the article's current text: its one place, or the chosen occurrence (from 1). */
  async locate(articleId: string, quote: string, occurrence?: number): Promise<{ start: number; end: number; exact: string }> {
    const { text } = await this.store.readArticle(articleId);
    const matches = findQuote(text, quote);
    if (matches.length === 0) {
      throw new DossierError('quote-not-found', phrase('annotation.quoteNotFound', { quote: ellipsize(quote) }));
    }
    if (occurrence === undefined && matches.length > 1) {
      throw new DossierError(
        'ambiguous-quote',
        phrase('annotation.ambiguousQuote', { count: matches.length }),
      );
    }
    const match = matches[(occurrence ?? 1) - 1];
    if (!match) {
      throw new DossierError(
        'bad-input',
        phrase('annotation.occurrenceOutOfRange', { occurrence: occurrence!, count: matches.length }),
      );
    }
    return { start: match.start, end: match.end, exact: text.slice(match.start, match.end) };
  }

  /** `undoGroup`: edits sharing it with the change before them are undone together with it. */
  update(articleId: string, id: string, patch: AnnotationPatch, baseRev?: number, undoGroup?: string): Promise<Annotation> {
    return this.edit(articleId, id, step('editHighlight'), baseRev, undoGroup, (a) => {
      if (patch.comment !== undefined) {
        a.comment = patch.comment;
        a.motivation = patch.comment.trim() ? 'commenting' : 'highlighting';
      }
      if (patch.color !== undefined) a.color = patch.color;
      if (patch.tags !== undefined) a.tags = normaliseTags(patch.tags);
      if (patch.grading !== undefined) a.grading = patch.grading;
    });
  }

  delete(articleId: string, id: string): Promise<void> {
    return this.changes.exclusive(articleId, async () => {
      const before = await this.find(articleId, id);
      await this.changes.commit(
        { label: step('deleteHighlight'), articleId, ops: [{ kind: 'annotation', articleId, id, before, after: null }] }
      );
    });
  }

  /** Puts an annotation (typically an orphan) on newly selected words of the current version. */
  reattach(articleId: string, id: string, start: number, end: number, exact?: string): Promise<Annotation> {
    return this.changes.exclusive(articleId, async () => {
      const { meta, text } = await this.store.readArticle(articleId);
      const target = this.targetAt(text, meta.version, start, end, exact);
      return this.commitEdit(articleId, id, step('reattachHighlight'), undefined, undefined, (a) => {
        a.target = target;
        a.status = 'anchored';
      });
    });
  }

  addReply(articleId: string, annotationId: string, body: string): Promise<Annotation> {
    if (!body.trim()) return Promise.reject(new DossierError('bad-input', phrase('annotation.emptyReply')));
    return this.edit(articleId, annotationId, step('addReply'), undefined, undefined, (a, now) => {
      const reply: Reply = { id: newId('rep'), body, creator: this.creator(), created: now, modified: now };
      a.replies.push(reply);
    });
  }

  editReply(articleId: string, annotationId: string, replyId: string, body: string): Promise<Annotation> {
    if (!body.trim()) return Promise.reject(new DossierError('bad-input', phrase('annotation.emptyReply')));
    return this.edit(articleId, annotationId, step('editReply'), undefined, undefined, (a, now) => {
      const reply = findReply(a, replyId);
      reply.body = body;
      reply.modified = now;
    });
  }

  deleteReply(articleId: string, annotationId: string, replyId: string): Promise<Annotation> {
    return this.edit(articleId, annotationId, step('deleteReply'), undefined, undefined, (a) => {
      findReply(a, replyId);
      a.replies = a.replies.filter((r) => r.id !== replyId);
    });
  }

  private edit(
    articleId: string,
    id: string,
    label: StepLabel,
    baseRev: number | undefined,
    undoGroup: string | undefined,
    change: (draft: Annotation, now: string) => void,
  ): Promise<Annotation> {
    return this.changes.exclusive(articleId, () => this.commitEdit(articleId, id, label, baseRev, undoGroup, change));
  }

  private async commitEdit(
    articleId: string,
    id: string,
    label: StepLabel,
    baseRev: number | undefined,
    undoGroup: string | undefined,
    change: (draft: Annotation, now: string) => void,
  ): Promise<Annotation> {
    const before = await this.find(articleId, id);
    if (baseRev !== undefined && before.rev !== baseRev) {
      throw new DossierError('conflict', phrase('annotation.changedElsewhere'));
    }
    const now = new Date().toISOString();
    const after = structuredClone(before);
    change(after, now);
    after.rev += 1;
    after.modified = now;
    after.modifiedBy = this.creator();
    await this.changes.commit(
      { label, articleId, ops: [{ kind: 'annotation', articleId, id, before, after }], group: undoGroup }
    );
    return after;
  }

  private async find(articleId: string, id: string): Promise<Annotation> {
    const found = (await this.store.readAnnotations(articleId)).find((a) => a.id === id);
    if (!found) throw new DossierError('not-found', phrase('annotation.noSuch', { id }));
    return structuredClone(found);
  }

  private targetAt(text: string, version: number, start: number, end: number, exact?: string): Annotation['target'] {
    if (end <= start || end > text.length) {
      throw new DossierError('bad-input', phrase('common.rangeOutside', { start, end, length: text.length }));
    }
    const quote = quoteSelectorAt(text, start, end);
    if (exact !== undefined && exact.normalize('NFC') !== quote.exact) {
      throw new DossierError('conflict', phrase('common.selectionStale'));
    }
    if (!quote.exact.trim()) throw new DossierError('bad-input', phrase('annotation.onlySpaces'));
    return { version, quote, position: positionSelector(start, end) };
  }
}

export function byDocumentOrder(a: Annotation, b: Annotation): number {
  // Orphans (no place in the current text) come last, in the order they were made.
  const orphanA = a.status === 'orphaned' ? 1 : 0;
  const orphanB = b.status === 'orphaned' ? 1 : 0;
  if (orphanA !== orphanB) return orphanA - orphanB;
  if (orphanA) return a.created.localeCompare(b.created);
  return a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;
}

function normaliseTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const t = tag.trim().normalize('NFC');
    if (t && !seen.has(t.toLocaleLowerCase())) seen.set(t.toLocaleLowerCase(), t);
  }
  return [...seen.values()];
}

function findReply(a: Annotation, replyId: string): Reply {
  const reply = a.replies.find((r) => r.id === replyId);
  if (!reply) throw new DossierError('not-found', phrase('annotation.noReply', { id: replyId }));
  return reply;
}

function ellipsize(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
