import { useCallback, useEffect, useRef, useState } from 'react';
import { newId } from '../../../electron/common/ids';
import type { ArticleSummary } from '../../../electron/common/model/article';
import type { Brief, BriefFormat, BriefPatch, BriefSection } from '../../../electron/common/model/brief';
import { emptyNoteContent, type NoteContent, type NoteSummary } from '../../../electron/common/model/note';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';
import { api, onEvent, saveFile } from '../api';
import { NoteEditor } from '../notes/NoteEditor';
import type { NoteSaveState } from '../notes/plugins/AutosavePlugin';
import { flushPendingSaves } from '../notes/pendingSaves';
import { useNotify } from '../ui/Toasts';
import { errorMessage, type SaveTracker } from '../ui/useSaveStatus';
import { SectionList } from './SectionList';
import { touches } from '../../../electron/common/changes';

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
  saves: SaveTracker;
  onOpenEntity(entityId: string): void;
  onOpenCitation(citation: CitationFields): void;
  onDeleted(): void;
  onUndo(): void;
}

/** One brief: its header fields, the bottom line up front, the chosen content, and export. */
export function BriefComposer({ briefId, saves, onOpenEntity, onOpenCitation, onDeleted, onUndo }: Props) {
  const [brief, setBrief] = useState<Brief | null>(null);
  const [fields, setFields] = useState({ title: '', author: '', handling: '' });
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  const [format, setFormat] = useState<BriefFormat>('pdf');
  const [exporting, setExporting] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setSummaryState] = useState<NoteSaveState>('saved');
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  // One undo step per editing session of a field, not one per keystroke.
  const session = useRef(newId('edit'));
  const notify = useNotify();

  const load = useCallback(async () => {
    try {
      const [{ brief: loaded }, { articles: list }, { notes: all }] = await Promise.all([
        api['briefs.get']({ id: briefId }),
        api['articles.list']({}),
        api['notes.list']({}),
      ]);
      setBrief(loaded);
      setFields({ title: loaded.title, author: loaded.author, handling: loaded.handling });
      setArticles(list);
      setNotes(all);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [briefId]);

  useEffect(() => {
    void load();
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, [load]);

  useEffect(
    () =>
      onEvent('workspace.changed', (e) => {
        // Undo and redo may change the header or sections; the summary editor keeps its own state.
        if (e.cause !== 'edit' && touches(e, 'brief', { id: briefId })) {
          void api['briefs.get']({ id: briefId }).then(({ brief: b }) => {
            setBrief((current) => (current ? { ...b, summary: current.summary } : b));
            setFields({ title: b.title, author: b.author, handling: b.handling });
          }, () => undefined);
        }
      }),
    [briefId],
  );

  const update = useCallback(
    async (patch: BriefPatch, group?: string) => {
      try {
        const { brief: saved } = await saves.track(api['briefs.update']({ id: briefId, patch, undoGroup: group }));
        // What is on screen stays authoritative: a reply to an earlier save must not undo a later edit.
        setBrief((current) => (current ? { ...saved, summary: current.summary, sections: current.sections } : saved));
        return saved;
      } catch (e) {
        notify({ tone: 'error', message: errorMessage(e) });
        return null;
      }
    },
    [briefId, notify, saves],
  );

  const editField = (name: 'title' | 'author' | 'handling', value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    saves.markDirty();
    const timer = timers.current.get(name);
    if (timer) clearTimeout(timer);
    timers.current.set(
      name,
      setTimeout(() => {
        timers.current.delete(name);
        if (name === 'title' && !value.trim()) return;
        void update({ [name]: value }, `${session.current}-${name}`);
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
    setBrief((b) => (b ? { ...b, sections } : b));
    void update({ sections });
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
        await update({ [name]: fields[name as keyof typeof fields] });
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
      notify({ tone: 'info', message: `Brief “${fields.title}” deleted.`, action: { label: 'Undo', run: onUndo } });
      onDeleted();
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  if (error) return <div className="load-error" role="alert">{error}</div>;
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
        saves={saves}
        onSaveState={setSummaryState}
        onOpenEntity={onOpenEntity}
        onOpenCitation={onOpenCitation}
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
            {progress.done} of {progress.total} articles
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
