import { useQuery } from '@tanstack/react-query';
import type { NoteFilter, NoteSummary } from '../../../electron/common/model/note';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';

const NONE: NoteSummary[] = [];

/** The notes matching `filter`, kept current as notes are saved, renamed, deleted or restored. */
export function useNoteList(filter: NoteFilter) {
  const list = useQuery(queries.notes(filter));
  return { notes: list.data?.notes ?? NONE, error: list.error ? errorMessage(list.error) : null };
}
