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
import { useTranslation } from 'react-i18next';
import { countOf } from '../i18n/i18n';
import { dates } from '../ui/formatDate';
import { useNoteTitle } from '../notes/noteTitle';
import { RecordAuthors } from '../ui/RecordAuthors';

const FORMATS: { value: BriefFormat; label: string }[] = [
  { value: 'pdf', label: 'briefs:pdf' },
  { value: 'docx', label: 'briefs:wordDocx' },
  { value: 'html', label: 'briefs:htmlOneFile' },
  { value: 'md', label: 'briefs:markdown' },
  { value: 'jsonld', label: 'briefs:w3cWebAnnotationsJsonLd' },
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
  const { t } = useTranslation();
  const titleOf = useNoteTitle();
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
      const file = await api['export.brief']({ source: { briefId }, format, dateFormat: dates().choice });
      const savedTo = await saveFile(file.filename, file.content, file.mediaType, file.encoding);
      if (savedTo) notify({ tone: 'info', message: t('briefs:briefExported', { savedTo }) });
    } catch (e) {
      notify({ tone: 'error', message: t('briefs:exportFailed', { error: errorMessage(e) }) });
    } finally {
      setExporting(false);
    }
  };

  const remove = async () => {
    try {
      await api['briefs.delete']({ id: briefId });
      notify({ tone: 'info', message: t('briefs:briefDeleted', { title: fields.title }), action: { label: t('briefs:undo'), run: () => undo('briefs') } });
      onDeleted();
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  if (briefQuery.error && !brief) return <div className="load-error" role="alert">{errorMessage(briefQuery.error)}</div>;
  if (!brief) return <div className="loading" aria-busy="true">{t('briefs:openingTheBrief')}</div>;

  const inBrief = new Set(brief.sections.map((s) => (s.kind === 'article' ? s.articleId : s.kind === 'note' ? s.noteId : 'entities')));
  type NewSection = BriefSection extends infer S ? (S extends BriefSection ? Omit<S, 'id'> : never) : never;
  const add = (section: NewSection) => setSections([...brief.sections, { ...section, id: newId('sec') } as BriefSection]);

  return (
    <section className="brief-composer" aria-label={t('briefs:brief')}>
      <div className="brief-head">
        <label className="wide">
          {t('briefs:title')}
          <input value={fields.title} onChange={(e) => editField('title', e.target.value)} dir="auto" aria-invalid={!fields.title.trim()} />
        </label>
        <label>
          {t('briefs:author')}
          <input value={fields.author} onChange={(e) => editField('author', e.target.value)} dir="auto" />
        </label>
        <label>
          {t('briefs:handlingLine')}
          <input value={fields.handling} onChange={(e) => editField('handling', e.target.value)} placeholder={t('briefs:eGOfficialSensitive')} dir="auto" />
        </label>
      </div>
      <RecordAuthors createdBy={brief.createdBy} modifiedBy={brief.modifiedBy} created={brief.created} modified={brief.modified} />

      <h2>{t('briefs:bottomLineUpFront')}</h2>
      <NoteEditor
        key={brief.id}
        content={brief.summary ?? emptyNoteContent()}
        contentRev={brief.rev}
        save={saveSummary}
        label={t('briefs:bottomLineUpFront')}
        placeholder={t('briefs:theJudgementInTwoOr')}
        onSaveState={setSummaryState}
      />

      <h2>{t('briefs:content')}</h2>
      <SectionList sections={brief.sections} articles={articles} notes={notes} onChange={setSections} />
      <div className="brief-add" role="group" aria-label={t('briefs:addContent')}>
        <select
          aria-label={t('briefs:addAnArticle2')}
          value=""
          onChange={(e) => e.target.value && add({ kind: 'article', articleId: e.target.value, filter: {} })}
        >
          <option value="">{t('briefs:addAnArticle')}</option>
          {articles.filter((a) => !inBrief.has(a.id)).map((a) => (
            <option key={a.id} value={a.id}>
              {a.title.length > 90 ? `${a.title.slice(0, 89)}…` : a.title}
            </option>
          ))}
        </select>
        <select aria-label={t('briefs:addANote2')} value="" onChange={(e) => e.target.value && add({ kind: 'note', noteId: e.target.value })}>
          <option value="">{t('briefs:addANote')}</option>
          {notes.filter((n) => !inBrief.has(n.id)).map((n) => (
            <option key={n.id} value={n.id}>
              {titleOf(n)}
            </option>
          ))}
        </select>
        <button type="button" disabled={inBrief.has('entities')} onClick={() => add({ kind: 'entities', entityIds: null })}>
          {t('briefs:addEntityIndex')}
        </button>
      </div>

      <fieldset className="brief-appendices">
        <legend>{t('briefs:appendices')}</legend>
        <label>
          <input type="checkbox" checked={brief.appendices?.relations !== false} onChange={(e) => setAppendix('relations', e.target.checked)} />
          {t('briefs:relationshipsWithEvidenceInThese')}
        </label>
        <label>
          <input type="checkbox" checked={brief.appendices?.timeline !== false} onChange={(e) => setAppendix('timeline', e.target.checked)} />
          {t('briefs:timelineOfTheseArticlesConfirmed')}
        </label>
      </fieldset>

      <div className="brief-export">
        <label>
          {t('briefs:format')}
          <select aria-label={t('briefs:exportFormat')} value={format} onChange={(e) => setFormat(e.target.value as BriefFormat)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {t(f.label)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={exporting || !fields.title.trim()} onClick={() => void exportBrief()}>
          {exporting ? t('briefs:exporting') : t('briefs:export')}
        </button>
        {exporting && progress && progress.total > 1 && (
          <span role="status" className="export-progress">
            {t('briefs:of', { done: progress.done, countOf: countOf(progress.total, 'article') })}
            <progress max={progress.total} value={progress.done} aria-label={t('briefs:exportProgress')} />
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('briefs:deleteBrief')}
        </button>
      </div>
    </section>
  );
}
