import { createContext, useContext } from 'react';
import type { HistoryScope } from '../../../electron/common/model/history';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';
import type { SaveTracker } from '../ui/useSaveStatus';

/** A passage of an article to bring into view, as UTF-16 offsets into its text. */
export interface PassageTarget {
  start: number;
  end: number;
  /** Mark the passage for a moment (a search match), so the eye finds it. */
  flash?: boolean;
}

/**
 * What any screen may ask of the window: go somewhere, undo, and report its writes to the save
 * indicator. Provided once by App, so these are not passed down through every component.
 */
export interface AppActions {
  /** Opens the article; with `at`, scrolled to that passage (and, with `flash`, marking it for a moment). */
  openArticle(articleId: string, at?: PassageTarget): void;
  /** Opens the article with this highlight selected in its panel and brought into view. */
  openAnnotation(articleId: string, annotationId: string, at?: { start: number; end: number }): void;
  openEntity(entityId: string): void;
  openNote(noteId: string | null): void;
  openBrief(briefId: string): void;
  /** Back to a cited passage: where its highlight is now, or where it was when the highlight is gone. */
  openCitation(citation: CitationFields): void;
  /**
   * Undoes the latest step of `scope`, by default the current view's (the "Undo" of a toast). A
   * step that removes a note with text or an import is asked about first.
   */
  undo(scope?: HistoryScope): void;
  saves: SaveTracker;
}

export const AppActionsContext = createContext<AppActions | null>(null);

export function useAppActions(): AppActions {
  const actions = useContext(AppActionsContext);
  if (!actions) throw new Error('useAppActions needs the App around it.');
  return actions;
}
