import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isDossierError } from '../../../electron/common/errors';
import type { Annotation, AnnotationPatch } from '../../../electron/common/model/annotation';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';

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
  /** Changes a reply's text (an undoable step, like adding it); answers whether it was saved. */
  editReply(id: string, replyId: string, body: string): Promise<boolean>;
  deleteReply(id: string, replyId: string): Promise<void>;
  reload(): Promise<void>;
}

type Stored = { annotations: Annotation[] };

function groupOf(groups: Map<string, string>, id: string): string {
  let group = groups.get(id);
  if (!group) {
    group = crypto.randomUUID();
    groups.set(id, group);
  }
  return group;
}

/**
 * One article's annotations: the stored ones from the query cache (kept in step with the store
 * and with changes made elsewhere — CLI, undo, another window — by the change feed), with the
 * comments being typed shown over them until their save lands.
 */
export function useAnnotations(articleId: string): AnnotationsState {
  const { saves } = useAppActions();
  const queryClient = useQueryClient();
  const query = useQuery(queries.annotations(articleId));
  const key = useMemo(() => queries.annotations(articleId).queryKey, [articleId]);
  /** Comments typed and not yet stored, by highlight: what the panel shows. */
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(() => new Map());
  /** The autosave waiting for each draft. */
  const pending = useRef(new Map<string, { comment: string; timer: ReturnType<typeof setTimeout> }>());
  /** The undo group of each highlight's open editing session: its autosaves undo in one step. */
  const groups = useRef(new Map<string, string>());

  useEffect(() => {
    // An article that went (to the trash, or its import undone) is not a failed save: the window
    // moves on to another article.
    if (query.error && !(isDossierError(query.error) && query.error.code === 'not-found')) saves.fail(query.error);
  }, [query.error, saves]);

  const annotations = useMemo(
    () => (query.data?.annotations ?? []).map((a) => (drafts.has(a.id) ? { ...a, comment: drafts.get(a.id)! } : a)),
    [drafts, query.data],
  );

  const setStored = useCallback(
    (change: (list: Annotation[]) => Annotation[]) =>
      queryClient.setQueryData<Stored>(key, (stored) => (stored ? { annotations: change(stored.annotations) } : stored)),
    [key, queryClient],
  );
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: key }), [key, queryClient]);

  /** Puts the saved version of one annotation in the cache. */
  const replace = useCallback((saved: Annotation) => setStored((list) => list.map((a) => (a.id === saved.id ? saved : a))), [setStored]);

  const dropDraft = useCallback((id: string, stored: string | null) => {
    setDrafts((current) => {
      // A comment typed on while its save was under way stays until that one is stored too.
      if (!current.has(id) || (stored !== null && current.get(id) !== stored)) return current;
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  const saveComment = useCallback(
    async (id: string) => {
      const draft = pending.current.get(id);
      if (!draft) return;
      clearTimeout(draft.timer);
      pending.current.delete(id);
      const { annotation } = await saves.track(api['annotations.update']({ articleId, id, comment: draft.comment, undoGroup: groupOf(groups.current, id) }));
      replace(annotation);
      dropDraft(id, annotation.comment);
    },
    [articleId, dropDraft, replace, saves],
  );

  const editComment = useCallback(
    (id: string, comment: string) => {
      setDrafts((current) => new Map(current).set(id, comment));
      const previous = pending.current.get(id);
      if (previous) clearTimeout(previous.timer);
      saves.markDirty();
      pending.current.set(id, {
        comment,
        timer: setTimeout(() => void saveComment(id).catch(saves.fail), AUTOSAVE_DELAY_MS),
      });
    },
    [saveComment, saves],
  );

  const flush = useCallback(async () => {
    await Promise.all([...pending.current.keys()].map((id) => saveComment(id).catch(saves.fail)));
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
      // In the list, in document order, before its comment editor opens.
      await refresh();
      return result.annotation;
    },
    [articleId, attempt, refresh],
  );

  const update = useCallback(
    async (id: string, patch: Omit<AnnotationPatch, 'comment'>) => {
      // Shown at once (a radio button must look checked when clicked); the saved version follows.
      await queryClient.cancelQueries({ queryKey: key });
      setStored((list) => list.map((a) => (a.id === id ? ({ ...a, ...patch } as Annotation) : a)));
      const result = await attempt(() => api['annotations.update']({ articleId, id, ...patch, undoGroup: groupOf(groups.current, id) }));
      if (result) replace(result.annotation);
      else await refresh();
    },
    [articleId, attempt, key, queryClient, refresh, replace, setStored],
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
      const draft = pending.current.get(id);
      if (draft) clearTimeout(draft.timer);
      pending.current.delete(id);
      dropDraft(id, null);
      const result = await attempt(() => api['annotations.delete']({ articleId, id }));
      if (result) setStored((list) => list.filter((a) => a.id !== id));
      return result !== null;
    },
    [articleId, attempt, dropDraft, setStored],
  );

  const reattach = useCallback(
    async (id: string, start: number, end: number, exact: string) => {
      const result = await attempt(() => api['annotations.reattach']({ articleId, id, start, end, exact }));
      if (result) await refresh();
      return result !== null;
    },
    [articleId, attempt, refresh],
  );

  const addReply = useCallback(
    async (id: string, body: string) => {
      const result = await attempt(() => api['replies.add']({ articleId, annotationId: id, body }));
      if (result) replace(result.annotation);
      return result !== null;
    },
    [articleId, attempt, replace],
  );

  const editReply = useCallback(
    async (id: string, replyId: string, body: string) => {
      const result = await attempt(() => api['replies.update']({ articleId, annotationId: id, replyId, body }));
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

  return {
    annotations,
    loading: query.isPending,
    create,
    editComment,
    update,
    flush,
    endEditing,
    remove,
    reattach,
    addReply,
    editReply,
    deleteReply,
    reload: refresh,
  };
}
