import type { ICommentOptions } from 'docx';

/**
 * What the body refers to but Word keeps elsewhere (comments, numbering definitions) and the
 * bookmark of each section, gathered while the body is built so ids are unique and in order.
 */
export class DocxParts {
  readonly comments: ICommentOptions[] = [];
  /** First numbers of numbered lists that do not start at 1; each needs a numbering definition of its own. */
  readonly listStarts = new Set<number>();
  private readonly bookmarks = new Map<string, string>();

  addComment(comment: Omit<ICommentOptions, 'id'>): number {
    const id = this.comments.length;
    this.comments.push({ ...comment, id });
    return id;
  }

  /**
   * Bookmark names must start with a letter, hold only letters, digits and `_`, and stay under
   * 40 characters, so sections get a short generated name rather than their (user-chosen) id.
   */
  bookmarkFor(kind: 'article' | 'note', id: string): string {
    const key = `${kind}:${id}`;
    let name = this.bookmarks.get(key);
    if (!name) {
      name = `dossier_${kind}_${this.bookmarks.size + 1}`;
      this.bookmarks.set(key, name);
    }
    return name;
  }

  /** The bookmark of a section of the brief, or null (e.g. for an entity mentioned in a note the brief leaves out). */
  existingBookmark(kind: 'article' | 'note', id: string): string | null {
    return this.bookmarks.get(`${kind}:${id}`) ?? null;
  }
}
