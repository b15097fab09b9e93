import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newId } from '../../../electron/common/ids';
import type { Brief, BriefAppendices, BriefFormat, BriefPatch, BriefSection } from '../../../electron/common/model/brief';
import { emptyNoteContent, type NoteContent } from '../../../electron/common/model/note';
import { api, onEvent, saveFile } from '../api';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { NoteEditor } from '../notes/NoteEditor';
import type { NoteSaveState } from '../notes/plugins/AutosavePlugin';
import { flushPendingSaves } from '../notes/pendingSaves';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { SectionList } from './SectionList';
import { countOf } from '../../../electron/common/text/plural';

const FORMATS: { value: BriefFormat; label: string }[] = [
  { value: 'pdf', label: 'PDF' },
  { value: 'docx', label: 'Word (DOCX)' },
  { value: 'html', label: 'HTML (one file)' },
  { value: 'md', label: 'Markdown' },
  { value: 'jsonld', label: 'W3C Web Annotations (JSON-LD)' },
];
const FIELD_SAVE_MS = 500;

interface Props {
  briefId: string;
  onDeleted(): void;
}

type Fields = Pick<Brief, 'title' | 'author' | 'handling'>;
const NONE: never[] = [];

/** One brief: its header fields, the bottom line up front, the chosen content, and export. */
export function BriefComposer({ briefId, onDeleted }: Props) {
  const { saves, undo } = useAppActions();
  const briefQuery = useQuery(queries.brief(briefId));
  const articles = useQuery(queries.articles()).data?.articles ?? NONE;
  const notes = useQuery(queries.notes()).data?.notes ?? NONE;
  const stored = briefQuery.data?.brief ?? null;
  /**
   * What is on screen stays authoritative while it is being saved: header fields being typed and
   * sections being rearranged show over the stored brief, so a reply to an earlier save (or the
   * change feed's refresh) never undoes a later edit. Undo and redo show once nothing is pending.
   */
  const [draftFields, setDraftFields] = useState<Partial<Fields>>({});
  const [draftSections, setDraftSections] = useState<BriefSection[] | null>(null);
  const [draftAppendices, setDraftAppendices] = useState<BriefAppendices | null>(null);
  const [format, setFormat] = useState<BriefFormat>('pdf');
  const [exporting, setExporting] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [, setSummaryState] = useState<NoteSaveState>('saved');
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const sectionEdits = useRef(0);
  // One undo step per editing session of a field, not one per keystroke.
  const session = useRef(newId('edit'));
  const notify = useNotify();
  const queryClient = useQueryClient();
  const brief = stored && { ...stored, ...draftFields, sections: draftSections ?? stored.sections, appendices: draftAppendices ?? stored.appendices };
  const fields: Fields = { title: brief?.title ?? '', author: brief?.author ?? '', handling: brief?.handling ?? '' };

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  const update = useCallback(
    async (patch: BriefPatch, group?: string) => {
      try {
        const { brief: saved } = await saves.track(api['briefs.update']({ id: briefId, patch, undoGroup: group }));
        queryClient.setQueryData(queries.brief(briefId).queryKey, { brief: saved });
        return saved;
      } catch (e) {
        notify({ tone: 'error', message: errorMessage(e) });
        return null;
      }
    },
    [briefId, notify, queryClient, saves],
  );

  const saveField = async (name: keyof Fields, value: string, group?: string) => {
    const saved = await update({ [name]: value }, group);
    // Typed on meanwhile: that draft waits for its own save.
    if (saved) setDraftFields(({ [name]: draft, ...others }) => (draft === undefined || draft === saved[name] ? others : { ...others, [name]: draft }));
  };

  const editField = (name: keyof Fields, value: string) => {
    setDraftFields((f) => ({ ...f, [name]: value }));
    saves.markDirty();
    const timer = timers.current.get(name);
    if (timer) clearTimeout(timer);
    timers.current.set(
      name,
      setTimeout(() => {
        timers.current.delete(name);
        if (name === 'title' && !value.trim()) return;
        void saveField(name, value, `${session.current}-${name}`);
      }, FIELD_SAVE_MS),
    );
  };

  const saveSummary = useCallback(
    async (content: NoteContent) => {
      const { brief: saved } = await api['briefs.update']({ id: briefId, patch: { summary: content }, undoGroup: `${session.current}-summary` });
      return saved.rev;
    },
    [briefId],
  );

  const setSections = (sections: BriefSection[]) => {
    const edit = ++sectionEdits.current;
    setDraftSections(sections);
    void update({ sections }).then(() => {
      if (edit === sectionEdits.current) setDraftSections(null);
    });
  };

  const setAppendix = (key: keyof BriefAppendices, included: boolean) => {
    const appendices = { ...brief?.appendices, [key]: included };
    setDraftAppendices(appendices);
    void update({ appendices }).then(() => setDraftAppendices((shown) => (shown === appendices ? null : shown)));
  };

  useEffect(() => (exporting ? onEvent('export.progress', setProgress) : undefined), [exporting]);

  const exportBrief = async () => {
    setExporting(true);
    setProgress(null);
    try {
      await flushPendingSaves();
      for (const [name, timer] of timers.current) {
        clearTimeout(timer);
        timers.current.delete(name);
        await saveField(name as keyof Fields, fields[name as keyof Fields]);
      }
      const file = await api['export.brief']({ source: { briefId }, format });
      const savedTo = await saveFile(file.filename, file.content, file.mediaType, file.encoding);
      if (savedTo) notify({ tone: 'info', message: `Brief exported: ${savedTo}` });
    } catch (e) {
      notify({ tone: 'error', message: `Export failed: ${errorMessage(e)}` });
    } finally {
      setExporting(false);
    }
  };

  const remove = async () => {
    try {
      await api['briefs.delete']({ id: briefId });
      notify({ tone: 'info', message: `Brief “${fields.title}” deleted.`, action: { label: 'Undo', run: () => undo('briefs') } });
      onDeleted();
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  if (briefQuery.error && !brief) return <div className="load-error" role="alert">{errorMessage(briefQuery.error)}</div>;
  if (!brief) return <div className="loading" aria-busy="true">Opening the brief…</div>;

  const inBrief = new Set(brief.sections.map((s) => (s.kind === 'article' ? s.articleId : s.kind === 'note' ? s.noteId : 'entities')));
  type NewSection = BriefSection extends infer S ? (S extends BriefSection ? Omit<S, 'id'> : never) : never;
  const add = (section: NewSection) => setSections([...brief.sections, { ...section, id: newId('sec') } as BriefSection]);

  return (
    <section className="brief-composer" aria-label="Brief">
      <div className="brief-head">
        <label className="wide">
          Title
          <input value={fields.title} onChange={(e) => editField('title', e.target.value)} dir="auto" aria-invalid={!fields.title.trim()} />
        </label>
        <label>
          Author
          <input value={fields.author} onChange={(e) => editField('author', e.target.value)} dir="auto" />
        </label>
        <label>
          Handling line
          <input value={fields.handling} onChange={(e) => editField('handling', e.target.value)} placeholder="e.g. OFFICIAL-SENSITIVE" dir="auto" />
        </label>
      </div>

      <h2>Bottom line up front</h2>
      <NoteEditor
        key={brief.id}
        content={brief.summary ?? emptyNoteContent()}
        contentRev={brief.rev}
        save={saveSummary}
        label="Bottom line up front"
        placeholder="The judgement in two or three sentences… type @ to mention an entity"
        onSaveState={setSummaryState}
      />

      <h2>Content</h2>
      <SectionList sections={brief.sections} articles={articles} notes={notes} onChange={setSections} />
      <div className="brief-add" role="group" aria-label="Add content">
        <select
          aria-label="Add an article"
          value=""
          onChange={(e) => e.target.value && add({ kind: 'article', articleId: e.target.value, filter: {} })}
        >
          <option value="">Add an article…</option>
          {articles.filter((a) => !inBrief.has(a.id)).map((a) => (
            <option key={a.id} value={a.id}>
              {a.title.length > 90 ? `${a.title.slice(0, 89)}…` : a.title}
            </option>
          ))}
        </select>
        <select aria-label="Add a note" value="" onChange={(e) => e.target.value && add({ kind: 'note', noteId: e.target.value })}>
          <option value="">Add a note…</option>
          {notes.filter((n) => !inBrief.has(n.id)).map((n) => (
            <option key={n.id} value={n.id}>
              {n.title}
            </option>
          ))}
        </select>
        <button type="button" disabled={inBrief.has('entities')} onClick={() => add({ kind: 'entities', entityIds: null })}>
          Add entity index
        </button>
      </div>

      <fieldset className="brief-appendices">
        <legend>Appendices</legend>
        <label>
          <input type="checkbox" checked={brief.appendices?.relations !== false} onChange={(e) => setAppendix('relations', e.target.checked)} />
          Relationships with evidence in these articles
        </label>
        <label>
          <input type="checkbox" checked={brief.appendices?.timeline !== false} onChange={(e) => setAppendix('timeline', e.target.checked)} />
          Timeline of these articles’ confirmed events
        </label>
      </fieldset>

      <div className="brief-export">
        <label>
          Format
          <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as BriefFormat)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={exporting || !fields.title.trim()} onClick={() => void exportBrief()}>
          {exporting ? 'Exporting…' : 'Export…'}
        </button>
        {exporting && progress && progress.total > 1 && (
          <span role="status" className="export-progress">
            {progress.done} of {countOf(progress.total, 'article')}
            <progress max={progress.total} value={progress.done} aria-label="Export progress" />
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete brief
        </button>
      </div>
    </section>
  );
}
