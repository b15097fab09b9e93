import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { api, onEvent } from '../api';
import type { SaveTracker } from '../ui/useSaveStatus';

const AUTOSAVE_DELAY_MS = 400;

export interface AnnotationsState {
  annotations: Annotation[];
  loading: boolean;
  create(start: number, end: number, exact: string): Promise<Annotation | null>;
  /** Updates the comment locally at once and saves it shortly after typing pauses. */
  editComment(id: string, comment: string): void;
  /** Saves any comment still waiting for its autosave. */
  flush(): Promise<void>;
  remove(id: string): Promise<Annotation | null>;
  restore(annotation: Annotation): Promise<Annotation | null>;
}

const byPosition = (a: Annotation, b: Annotation) =>
  a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;

/** One article's annotations, kept in step with the store and with changes made elsewhere (CLI, another window). */
export function useAnnotations(articleId: string, saves: SaveTracker): AnnotationsState {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [loading, setLoading] = useState(true);
  const drafts = useRef(new Map<string, { comment: string; timer: ReturnType<typeof setTimeout> }>());

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
      if (event.articleId === articleId) void reload();
    });
  }, [articleId, reload]);

  const saveComment = useCallback(
    async (id: string) => {
      const draft = drafts.current.get(id);
      if (!draft) return;
      clearTimeout(draft.timer);
      drafts.current.delete(id);
      const { annotation } = await saves.track(api['annotations.update']({ articleId, id, comment: draft.comment }));
      setAnnotations((list) =>
        list.map((a) => (a.id === id ? { ...annotation, comment: drafts.current.get(id)?.comment ?? annotation.comment } : a)),
      );
    },
    [articleId, saves],
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

  const create = useCallback(
    async (start: number, end: number, exact: string) => {
      try {
        const { annotation } = await saves.track(api['annotations.create']({ articleId, start, end, exact, comment: '' }));
        setAnnotations((list) => [...list.filter((a) => a.id !== annotation.id), annotation].sort(byPosition));
        return annotation;
      } catch (error) {
        saves.fail(error);
        return null;
      }
    },
    [articleId, saves],
  );

  const remove = useCallback(
    async (id: string) => {
      const draft = drafts.current.get(id);
      if (draft) clearTimeout(draft.timer);
      drafts.current.delete(id);
      const removed = annotations.find((a) => a.id === id) ?? null;
      try {
        await saves.track(api['annotations.delete']({ articleId, id }));
        setAnnotations((list) => list.filter((a) => a.id !== id));
        return removed;
      } catch (error) {
        saves.fail(error);
        return null;
      }
    },
    [annotations, articleId, saves],
  );

  const restore = useCallback(
    async (annotation: Annotation) => {
      const { start, end } = annotation.target.position;
      return create(start, end, annotation.target.quote.exact).then(async (created) => {
        if (created && annotation.comment) {
          const { annotation: updated } = await saves.track(
            api['annotations.update']({ articleId, id: created.id, comment: annotation.comment }),
          );
          setAnnotations((list) => list.map((a) => (a.id === updated.id ? updated : a)));
          return updated;
        }
        return created;
      });
    },
    [articleId, create, saves],
  );

  return { annotations, loading, create, editComment, flush, remove, restore };
}
