import type { Annotation } from '../../common/model/annotation';
import { ParagraphNumbers } from '../../common/text/paragraphNumbers';
import type { WorkspaceStore } from '../store/workspaceStore';

/**
 * The paragraphs of an article's versions, each text read and split once however many passages a
 * brief cites in it. Placed highlights are in the current version; an orphan is in the version it
 * was made on, which is still on disk.
 */
export class ArticleParagraphs {
  private readonly versions = new Map<number, Promise<ParagraphNumbers | null>>();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly articleId: string,
    private readonly current: number,
  ) {}

  /** "¶ 4" for an annotation's passage, or null when its text cannot be read (the passage is still cited by title and date). */
  async ofAnnotation(a: Annotation): Promise<string | null> {
    const version = a.status === 'orphaned' ? a.target.version : this.current;
    return this.at(version, a.target.position.start, a.target.position.end);
  }

  /** Offsets into the current version's text (a citation of a highlight deleted since, a timeline event). */
  async inCurrent(start: number, end: number): Promise<string | null> {
    return this.at(this.current, start, end);
  }

  async at(version: number, start: number, end: number): Promise<string | null> {
    return (await this.numbers(version))?.label(start, end) ?? null;
  }

  /** Where each annotation is, by id (those that cannot be placed are left out). */
  async places(annotations: Annotation[]): Promise<Record<string, string>> {
    const places: Record<string, string> = {};
    for (const a of annotations) {
      const place = await this.ofAnnotation(a);
      if (place) places[a.id] = place;
    }
    return places;
  }

  private numbers(version: number): Promise<ParagraphNumbers | null> {
    let found = this.versions.get(version);
    if (!found) {
      found = this.store.readVersionText(this.articleId, version).then(
        (text) => new ParagraphNumbers(text),
        // A version whose text is gone (a damaged folder) leaves its passages without a place rather than failing the brief.
        () => null,
      );
      this.versions.set(version, found);
    }
    return found;
  }
}
