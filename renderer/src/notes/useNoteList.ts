import { useCallback, useEffect, useState } from 'react';
import type { NoteFilter, NoteSummary } from '../../../electron/common/model/note';
import { api, onEvent } from '../api';
import { errorMessage } from '../ui/useSaveStatus';
import { touches } from '../../../electron/common/changes';

/** The notes matching `filter`, kept current as notes are saved, renamed, deleted or restored. */
export function useNoteList(filter: NoteFilter) {
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filter);

  const reload = useCallback(async () => {
    try {
      const { notes: list } = await api['notes.list']({ filter: JSON.parse(key) as NoteFilter });
      setNotes(list);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [key]);

  useEffect(() => {
    void reload();
    return onEvent('workspace.changed', (e) => {
      if (touches(e, 'note')) void reload();
    });
  }, [reload]);

  return { notes, error, reload };
}
