import { DossierError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Annotation } from '../../common/model/annotation';
import { findQuote, positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import type { WorkspaceStore } from '../store/workspaceStore';

/**
 * Annotation changes as named operations. Each is saved to the article's annotation file and
 * recorded with its before/after in the article's history.
 */
export class AnnotationService {
  constructor(private readonly store: WorkspaceStore) {}

  async list(articleId: string): Promise<Annotation[]> {
    const annotations = await this.store.readAnnotations(articleId);
    return [...annotations].sort(byDocumentOrder);
  }

  async create(articleId: string, start: number, end: number, comment: string, exact?: string): Promise<Annotation> {
    const { text } = await this.store.readArticle(articleId);
    if (end <= start || end > text.length) {
      throw new DossierError('bad-input', `The range ${start}–${end} is outside the article (length ${text.length}).`);
    }
    const quote = quoteSelectorAt(text, start, end);
    if (exact !== undefined && exact.normalize('NFC') !== quote.exact) {
      throw new DossierError('conflict', 'The selected text no longer matches the article; reload it and select again.');
    }
    if (!quote.exact.trim()) throw new DossierError('bad-input', 'Select some words to highlight, not only spaces.');
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: newId('ann'),
      rev: 1,
      articleId,
      motivation: comment.trim() ? 'commenting' : 'highlighting',
      target: { quote, position: positionSelector(start, end) },
      comment,
      status: 'anchored',
      created: now,
      modified: now,
    };
    await this.store.updateAnnotations(articleId, (all) => all.push(annotation));
    await this.record('annotation.create', articleId, null, annotation, now);
    return annotation;
  }

  /** `occurrence` counts from 1; without it, a quote found more than once is an error. */
  async createFromQuote(articleId: string, quote: string, comment: string, occurrence?: number): Promise<Annotation> {
    const { text } = await this.store.readArticle(articleId);
    const matches = findQuote(text, quote);
    if (matches.length === 0) {
      throw new DossierError('quote-not-found', `The quote was not found in the article: "${ellipsize(quote)}"`);
    }
    if (occurrence === undefined && matches.length > 1) {
      throw new DossierError(
        'ambiguous-quote',
        `The quote occurs ${matches.length} times in the article; choose one with --occurrence 1..${matches.length}.`,
      );
    }
    const index = (occurrence ?? 1) - 1;
    const match = matches[index];
    if (!match) {
      throw new DossierError(
        'bad-input',
        `--occurrence ${occurrence} is out of range: the quote occurs ${matches.length} time${matches.length === 1 ? '' : 's'}.`,
      );
    }
    return this.create(articleId, match.start, match.end, comment);
  }

  async updateComment(articleId: string, id: string, comment: string, baseRev?: number): Promise<Annotation> {
    const now = new Date().toISOString();
    const { before, after } = await this.store.updateAnnotations(articleId, (all) => {
      const found = all.find((a) => a.id === id);
      if (!found) throw new DossierError('not-found', `No annotation with id ${id} on this article.`);
      if (baseRev !== undefined && found.rev !== baseRev) {
        throw new DossierError('conflict', 'This highlight was changed elsewhere; reload to see the latest version.');
      }
      const previous = structuredClone(found);
      found.comment = comment;
      found.motivation = comment.trim() ? 'commenting' : 'highlighting';
      found.rev += 1;
      found.modified = now;
      return { before: previous, after: structuredClone(found) };
    });
    await this.record('annotation.update', articleId, before, after, now);
    return after;
  }

  async delete(articleId: string, id: string): Promise<void> {
    const now = new Date().toISOString();
    const removed = await this.store.updateAnnotations(articleId, (all) => {
      const index = all.findIndex((a) => a.id === id);
      if (index === -1) throw new DossierError('not-found', `No annotation with id ${id} on this article.`);
      return all.splice(index, 1)[0]!;
    });
    await this.record('annotation.delete', articleId, removed, null, now);
  }

  private record(
    op: 'annotation.create' | 'annotation.update' | 'annotation.delete',
    articleId: string,
    before: Annotation | null,
    after: Annotation | null,
    at: string,
  ): Promise<void> {
    return this.store.appendHistory({ at, op, articleId, before, after });
  }
}

export function byDocumentOrder(a: Annotation, b: Annotation): number {
  return a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;
}

function ellipsize(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
