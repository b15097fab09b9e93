import { useState } from 'react';
import { RELIABILITY_LABELS, type Grading } from '../../../electron/common/model/annotation';
import type { ArticleSummary } from '../../../electron/common/model/article';
import type { AnnotationFilter, BriefSection } from '../../../electron/common/model/brief';
import type { NoteSummary } from '../../../electron/common/model/note';
import { usePalette } from '../ui/WorkspaceContext';

interface Props {
  sections: BriefSection[];
  articles: ArticleSummary[];
  notes: NoteSummary[];
  onChange(sections: BriefSection[]): void;
}

const RELIABILITY = Object.keys(RELIABILITY_LABELS) as Grading['reliability'][];

/** The brief's chosen content in order: drag a row (or use its arrows) to reorder. */
export function SectionList({ sections, articles, notes, onChange }: Props) {
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
      ? (articles.find((a) => a.id === s.articleId)?.title ?? 'An article no longer in the workspace')
      : s.kind === 'note'
        ? (notes.find((n) => n.id === s.noteId)?.title ?? 'A deleted note')
        : 'Entity index';

  if (sections.length === 0) return <p className="panel-empty">No content yet: add articles, notes or an entity index below.</p>;
  return (
    <ol className="brief-sections" aria-label="Brief sections">
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
            <span className="drag-handle" aria-hidden="true" title="Drag to reorder">
              ⠿
            </span>
            <span className="section-kind">{kindLabel(s)}</span>
            <span className="section-title" dir="auto">
              {label(s)}
            </span>
            <button type="button" className="tool" aria-label="Move up" disabled={i === 0} onClick={() => move(i, i - 1)}>
              ↑
            </button>
            <button type="button" className="tool" aria-label="Move down" disabled={i === sections.length - 1} onClick={() => move(i, i + 1)}>
              ↓
            </button>
            <button type="button" className="tool danger" aria-label="Remove from brief" onClick={() => onChange(sections.filter((_, j) => j !== i))}>
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
  return s.kind === 'article' ? 'Article' : s.kind === 'note' ? 'Note' : 'Index';
}

/** Which highlights of the article go in: by colour meaning, tag, and grading. */
function FilterEditor({ filter, onChange }: { filter: AnnotationFilter; onChange(filter: AnnotationFilter): void }) {
  const palette = usePalette();
  const colours = new Set(filter.colors ?? []);
  const [tags, setTags] = useState((filter.tags ?? []).join(', '));
  return (
    <div className="section-filter" role="group" aria-label="Which highlights">
      <span className="filter-label">Colours</span>
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
        Tags
        <input
          value={tags}
          placeholder="any"
          size={14}
          onChange={(e) => setTags(e.target.value)}
          onBlur={() => {
            const list = tags.split(',').map((t) => t.trim().replace(/^#/, '')).filter(Boolean);
            onChange({ ...filter, tags: list.length ? list : undefined });
          }}
        />
      </label>
      <label>
        Graded at least
        <select
          value={filter.minGrading ? `${filter.minGrading.reliability}${filter.minGrading.credibility}` : ''}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...filter, minGrading: v ? { reliability: v[0] as Grading['reliability'], credibility: Number(v[1]) as Grading['credibility'] } : undefined });
          }}
        >
          <option value="">any grading</option>
          {RELIABILITY.flatMap((r) => [1, 2, 3, 4, 5, 6].map((c) => `${r}${c}`)).map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={filter.placedOnly ?? false} onChange={(e) => onChange({ ...filter, placedOnly: e.target.checked || undefined })} />
        Leave out passages not found in the current version
      </label>
    </div>
  );
}
