import type { Annotation, Grading } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import type { EntityType } from '../../common/model/entity';
import type { Note, NoteContent } from '../../common/model/note';
import type { Palette } from '../../common/model/palette';
import type { DateFormatChoice } from '../../common/model/settings';

/**
 * Everything an exported brief shows, gathered once from the workspace; every format (Markdown,
 * HTML, PDF, DOCX) renders this same structure, so they cannot disagree about content.
 */
export interface BriefContent {
  title: string;
  author: string;
  /** The handling / classification line for the header and footer of every page ('' for none). */
  handling: string;
  /** When the brief was generated, ISO 8601. */
  generated: string;
  /** How dates are printed for people (the app's setting); ISO dates when not given. */
  dateFormat?: DateFormatChoice;
  /** Bottom line up front (Lexical JSON), or null. */
  summary: NoteContent | null;
  palette: Palette;
  /** Sections in the analyst's order. */
  sections: BriefContentSection[];
  /** The entity index, or null when the brief has none. */
  entityIndex: BriefEntityRow[] | null;
  /** Current entity names by id, for rendering @mentions in notes (renames and merges apply). */
  entityNames: Record<string, string>;
  /**
   * Articles that the brief's notes cite, by id: their current title and date for the citation,
   * and the cited annotations deleted since (such a citation says "passage deleted"). Optional:
   * a citation of an article not listed here shows the title it was cited under.
   */
  citedArticles?: Record<string, CitedArticle>;
  /** The relationships appendix; absent when it would be empty or the brief leaves it out. */
  relations?: BriefRelation[];
  /** The timeline appendix, earliest first; absent when it would be empty or the brief leaves it out. */
  timeline?: BriefEvent[];
}

/** An entity as an appendix names it: by the name it has now (merges followed), null when it is gone. */
export interface BriefEntityRef {
  id: string;
  name: string | null;
}

/** Where an appendix entry's passage is, cited as the brief cites its highlights. */
export interface BriefPassage {
  quote: string;
  /** The language of the article it is quoted from (BCP 47), when known. */
  language?: string | null;
  title: string;
  where: string;
}

export interface BriefRelation {
  id: string;
  from: BriefEntityRef;
  to: BriefEntityRef;
  /** The type as read from→to ("partner in"). */
  label: string;
  grading: Grading | null;
  start: string | null;
  end: string | null;
  /** No evidence passage is left in the articles (all orphaned or deleted). */
  flagged: boolean;
  evidence: BriefPassage[];
}

export interface BriefEvent {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: the date at the precision the source gives. */
  date: string;
  label: string;
  entities: BriefEntityRef[];
  passage: BriefPassage;
}

export interface CitedArticle {
  title: string;
  published: string | null;
  deletedAnnotations: string[];
  /**
   * Where each cited passage is, in paragraphs ("¶ 4"), by `citationKey`; a citation missing here
   * is cited without a place.
   */
  places?: Record<string, string>;
}

export type BriefContentSection =
  | { kind: 'article'; source: BriefSource }
  | { kind: 'note'; note: Note; article: { id: string; title: string } | null };

/** One source article: its provenance, then its annotated excerpts in document order. */
export interface BriefSource {
  article: ArticleMeta;
  /** Placed annotations (anchored or drifted), sorted by start offset. */
  excerpts: Annotation[];
  /** Annotations whose passage is not in the current version; listed apart with their old quote. */
  orphans: Annotation[];
  /**
   * Where each annotation's passage is, by annotation id, in the paragraphs the reader shows
   * ("¶ 4", "¶ 4–5"; an orphan's in the version it was made on). An annotation missing here is
   * cited by title and date alone.
   */
  places?: Record<string, string>;
}

export interface BriefEntityRow {
  id: string;
  name: string;
  type: EntityType;
  mentionCount: number;
  /** Articles of the brief that mention the entity, and notes that @mention it. */
  mentionedIn: { kind: 'article' | 'note'; id: string; title: string }[];
}
