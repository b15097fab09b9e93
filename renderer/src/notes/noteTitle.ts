import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isUntitledNote } from '../../../electron/common/model/note';

/**
 * A note's title as the analyst reads it: a note without one is called "Untitled note" in the
 * UI's language (the core stores an English placeholder, which is never shown as such).
 */
export function useNoteTitle(): (note: { title: string; titled?: boolean }) => string {
  const { t } = useTranslation();
  return useCallback((note) => (isUntitledNote(note) ? t('notes:untitledNote') : note.title), [t]);
}
