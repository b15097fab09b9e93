import { useState } from 'react';
import { RELIABILITY_LABELS, type Grading } from '../../../electron/common/model/annotation';
import type { ArticleSummary } from '../../../electron/common/model/article';
import type { AnnotationFilter, BriefSection } from '../../../electron/common/model/brief';
import type { NoteSummary } from '../../../electron/common/model/note';
import { usePalette } from '../ui/WorkspaceContext';
import { useTranslation } from 'react-i18next';
import { t } from '../i18n/i18n';

interface Props {
  sections: BriefSection[];
  articles: ArticleSummary[];
  notes: NoteSummary[];
  onChange(sections: BriefSection[]): void;
}

const RELIABILITY = Object.keys(RELIABILITY_LABELS) as Grading['reliability'][];

/** The brief's chosen content in order: drag a row (or use its arrows) to reorder. */
export function SectionList({ sections, articles, notes, onChange }: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= sections.length || from === to) return;
    const next = [...sections];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    onChange(next);
  };
  const replace = (index: number, section: BriefSection) => onChange(sections.map((s, i) => (i === index ? section : s)));

  const label = (s: BriefSection) =>
    s.kind === 'article'
      ? (articles.find((a) => a.id === s.articleId)?.title ?? t('briefs:anArticleNoLongerIn'))
      : s.kind === 'note'
        ? (notes.find((n) => n.id === s.noteId)?.title ?? t('briefs:aDeletedNote'))
        : t('briefs:entityIndex');

  if (sections.length === 0) return <p className="panel-empty">{t('briefs:noContentYetAddArticles')}</p>;
  return (
    <ol className="brief-sections" aria-label={t('briefs:briefSections')}>
      {sections.map((s, i) => (
        <li
          key={s.id}
          className={`brief-section${dragging === i ? ' dragging' : ''}${over === i && dragging !== i ? ' drop-target' : ''}`}
          draggable
          onDragStart={(e) => {
            setDragging(i);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('application/x-dossier-section', String(i));
          }}
          onDragOver={(e) => {
            if (dragging === null) return;
            e.preventDefault();
            setOver(i);
          }}
          onDragEnd={() => {
            setDragging(null);
            setOver(null);
          }}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging !== null) move(dragging, i);
            setDragging(null);
            setOver(null);
          }}
          aria-label={`${kindLabel(s)}: ${label(s)}`}
        >
          <div className="brief-section-head">
            <span className="drag-handle" aria-hidden="true" title={t('briefs:dragToReorder')}>
              ⠿
            </span>
            <span className="section-kind">{kindLabel(s)}</span>
            <span className="section-title" dir="auto">
              {label(s)}
            </span>
            <button type="button" className="tool" aria-label={t('briefs:moveUp')} disabled={i === 0} onClick={() => move(i, i - 1)}>
              ↑
            </button>
            <button type="button" className="tool" aria-label={t('briefs:moveDown')} disabled={i === sections.length - 1} onClick={() => move(i, i + 1)}>
              ↓
            </button>
            <button type="button" className="tool danger" aria-label={t('briefs:removeFromBrief')} onClick={() => onChange(sections.filter((_, j) => j !== i))}>
              ✕
            </button>
          </div>
          {s.kind === 'article' && <FilterEditor filter={s.filter} onChange={(filter) => replace(i, { ...s, filter })} />}
        </li>
      ))}
    </ol>
  );
}

function kindLabel(s: BriefSection): string {
  return s.kind === 'article' ? t('briefs:article2') : s.kind === 'note' ? t('briefs:note2') : t('briefs:index');
}

/** Which highlights of the article go in: by colour meaning, tag, and grading. */
function FilterEditor({ filter, onChange }: { filter: AnnotationFilter; onChange(filter: AnnotationFilter): void }) {
  const { t } = useTranslation();
  const palette = usePalette();
  const colours = new Set(filter.colors ?? []);
  const [tags, setTags] = useState((filter.tags ?? []).join(', '));
  return (
    <div className="section-filter" role="group" aria-label={t('briefs:whichHighlights')}>
      <span className="filter-label">{t('briefs:colours')}</span>
      {palette.map((p) => (
        <label key={p.key} className="colour-choice">
          <input
            type="checkbox"
            checked={colours.has(p.key)}
            onChange={(e) => {
              const next = new Set(colours);
              if (e.target.checked) next.add(p.key);
              else next.delete(p.key);
              onChange({ ...filter, colors: next.size ? [...next] : undefined });
            }}
          />
          <span className={`swatch colour-${p.key}`} aria-hidden="true" />
          {p.label}
        </label>
      ))}
      <label>
        {t('briefs:tags')}
        <input
          value={tags}
          placeholder={t('briefs:any')}
          size={14}
          onChange={(e) => setTags(e.target.value)}
          onBlur={() => {
            const list = tags.split(',').map((t) => t.trim().replace(/^#/, '')).filter(Boolean);
            onChange({ ...filter, tags: list.length ? list : undefined });
          }}
        />
      </label>
      <label>
        {t('briefs:gradedAtLeast')}
        <select
          value={filter.minGrading ? `${filter.minGrading.reliability}${filter.minGrading.credibility}` : ''}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filter, minGrading: v ? { reliability: v[0] as Grading['reliability'], credibility: Number(v[1]) as Grading['credibility'] } : undefined });
          }}
        >
          <option value="">{t('briefs:anyGrading')}</option>
          {RELIABILITY.flatMap((r) => [1, 2, 3, 4, 5, 6].map((c) => `${r}${c}`)).map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={filter.placedOnly ?? false} onChange={(e) => onChange({ ...filter, placedOnly: e.target.checked || undefined })} />
        {t('briefs:leaveOutPassagesNotFound')}
      </label>
    </div>
  );
}
