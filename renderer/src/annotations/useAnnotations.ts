import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation, AnnotationPatch } from '../../../electron/common/model/annotation';
import { api, onEvent } from '../api';
import type { SaveTracker } from '../ui/useSaveStatus';

const AUTOSAVE_DELAY_MS = 400;

export interface AnnotationsState {
  annotations: Annotation[];
  loading: boolean;
  create(start: number, end: number, exact: string): Promise<Annotation | null>;
  /** Updates the comment locally at once and saves it shortly after typing pauses. */
  editComment(id: string, comment: string): void;
  /** Saves colour, tags or grading at once. */
  update(id: string, patch: Omit<AnnotationPatch, 'comment'>): Promise<void>;
  /** Saves any comment still waiting for its autosave. */
  flush(): Promise<void>;
  /** The editing session of a highlight ended: later edits are a new undo step. */
  endEditing(id: string): void;
  remove(id: string): Promise<boolean>;
  reattach(id: string, start: number, end: number, exact: string): Promise<boolean>;
  addReply(id: string, body: string): Promise<boolean>;
  deleteReply(id: string, replyId: string): Promise<void>;
  reload(): Promise<void>;
}

/** One article's annotations, kept in step with the store and with changes made elsewhere (CLI, undo, another window). */
export function useAnnotations(articleId: string, saves: SaveTracker): AnnotationsState {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [loading, setLoading] = useState(true);
  const drafts = useRef(new Map<string, { comment: string; timer: ReturnType<typeof setTimeout> }>());
  /** The undo group of each highlight's open editing session: its autosaves undo in one step. */
  const groups = useRef(new Map<string, string>());
  const groupOf = (id: string) => {
    let group = groups.current.get(id);
    if (!group) {
      group = crypto.randomUUID();
      groups.current.set(id, group);
    }
    return group;
  };

  const reload = useCallback(async () => {
    try {
      const { annotations: stored } = await api['annotations.list']({ articleId });
      // A comment being typed wins over the stored one until its save lands.
      setAnnotations(
        stored.map((a) => {
          const draft = drafts.current.get(a.id);
          return draft ? { ...a, comment: draft.comment } : a;
        }),
      );
    } catch (error) {
      saves.fail(error);
    } finally {
      setLoading(false);
    }
  }, [articleId, saves]);

  useEffect(() => {
    setLoading(true);
    setAnnotations([]);
    void reload();
    return onEvent('workspace.changed', (event) => {
      if (event.changes.some((c) => c.articleId === articleId)) void reload();
    });
  }, [articleId, reload]);

  /** Puts the saved version of one annotation in the list (keeping a comment still being typed). */
  const replace = useCallback((saved: Annotation) => {
    setAnnotations((list) =>
      list.map((a) => (a.id === saved.id ? { ...saved, comment: drafts.current.get(saved.id)?.comment ?? saved.comment } : a)),
    );
  }, []);

  const saveComment = useCallback(
    async (id: string) => {
      const draft = drafts.current.get(id);
      if (!draft) return;
      clearTimeout(draft.timer);
      drafts.current.delete(id);
      const { annotation } = await saves.track(api['annotations.update']({ articleId, id, comment: draft.comment, undoGroup: groupOf(id) }));
      replace(annotation);
    },
    [articleId, replace, saves],
  );

  const editComment = useCallback(
    (id: string, comment: string) => {
      setAnnotations((list) => list.map((a) => (a.id === id ? { ...a, comment } : a)));
      const previous = drafts.current.get(id);
      if (previous) clearTimeout(previous.timer);
      saves.markDirty();
      drafts.current.set(id, {
        comment,
        timer: setTimeout(() => void saveComment(id).catch(saves.fail), AUTOSAVE_DELAY_MS),
      });
    },
    [saveComment, saves],
  );

  const flush = useCallback(async () => {
    await Promise.all([...drafts.current.keys()].map((id) => saveComment(id).catch(saves.fail)));
  }, [saveComment, saves]);

  useEffect(() => () => void flush(), [flush]);

  const attempt = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | null> => {
      try {
        return await saves.track(work());
      } catch (error) {
        saves.fail(error);
        return null;
      }
    },
    [saves],
  );

  const create = useCallback(
    async (start: number, end: number, exact: string) => {
      // The highlight and the comment typed right after it are one undo step.
      const undoGroup = crypto.randomUUID();
      const result = await attempt(() => api['annotations.create']({ articleId, start, end, exact, comment: '', undoGroup }));
      if (!result) return null;
      groups.current.set(result.annotation.id, undoGroup);
      await reload();
      return result.annotation;
    },
    [articleId, attempt, reload],
  );

  const update = useCallback(
    async (id: string, patch: Omit<AnnotationPatch, 'comment'>) => {
      // Shown at once (a radio button must look checked when clicked); the saved version follows.
      setAnnotations((list) => list.map((a) => (a.id === id ? { ...a, ...patch } as Annotation : a)));
      const result = await attempt(() => api['annotations.update']({ articleId, id, ...patch, undoGroup: groupOf(id) }));
      if (result) replace(result.annotation);
      else await reload();
    },
    [articleId, attempt, reload, replace],
  );

  const endEditing = useCallback(
    (id: string) => {
      void saveComment(id)
        .catch(saves.fail)
        .finally(() => groups.current.delete(id));
    },
    [saveComment, saves],
  );

  const remove = useCallback(
    async (id: string) => {
      const draft = drafts.current.get(id);
      if (draft) clearTimeout(draft.timer);
      drafts.current.delete(id);
      const result = await attempt(() => api['annotations.delete']({ articleId, id }));
      if (result) setAnnotations((list) => list.filter((a) => a.id !== id));
      return result !== null;
    },
    [articleId, attempt],
  );

  const reattach = useCallback(
    async (id: string, start: number, end: number, exact: string) => {
      const result = await attempt(() => api['annotations.reattach']({ articleId, id, start, end, exact }));
      if (result) await reload();
      return result !== null;
    },
    [articleId, attempt, reload],
  );

  const addReply = useCallback(
    async (id: string, body: string) => {
      const result = await attempt(() => api['replies.add']({ articleId, annotationId: id, body }));
      if (result) replace(result.annotation);
      return result !== null;
    },
    [articleId, attempt, replace],
  );

  const deleteReply = useCallback(
    async (id: string, replyId: string) => {
      const result = await attempt(() => api['replies.delete']({ articleId, annotationId: id, replyId }));
      if (result) replace(result.annotation);
    },
    [articleId, attempt, replace],
  );

  return { annotations, loading, create, editComment, update, flush, endEditing, remove, reattach, addReply, deleteReply, reload };
}
