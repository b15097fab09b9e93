import type { ICommentOptions, Paragraph } from 'docx';

/**
 * What the body refers to but Word keeps in other parts of the package (comments, footnotes) and
 * the bookmark of each section, gathered while the body is built so ids are unique and in order.
 */
export class DocxParts {
  readonly comments: ICommentOptions[] = [];
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  /** First numbers of numbered lists that do not start at 1; each needs a numbering definition of its own. */
  readonly listStarts = new Set<number>();
  private readonly bookmarks = new Map<string, string>();
  private nextFootnote = 1;

  addComment(comment: Omit<ICommentOptions, 'id'>): number {
    const id = this.comments.length;
    this.comments.push({ ...comment, id });
    return id;
  }

  /** Footnote ids start at 1: Word reserves 0 and -1 for the separator notes. */
  addFootnote(children: Paragraph[]): number {
    const id = this.nextFootnote++;
    this.footnotes[String(id)] = { children };
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

  /** The bookmark of a section already in the body, or null (e.g. an entity mentioned in a note not in the brief). */
  existingBookmark(kind: 'article' | 'note', id: string): string | null {
    return this.bookmarks.get(`${kind}:${id}`) ?? null;
  }
}
