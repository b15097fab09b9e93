import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Grading } from '../../../electron/common/model/annotation';
import type { ArticleMention } from '../../../electron/common/model/entity';
import { api } from '../api';
import { GradingPicker } from '../annotations/Grading';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { useTranslation } from 'react-i18next';
import { useRelationWords } from '../ui/relationWords';

interface Props {
  rect: DOMRect;
  articleId: string;
  passage: { start: number; end: number; exact: string };
  /** The article's confirmed mentions: those in the passage are offered first. */
  mentions: readonly ArticleMention[];
  onDone(): void;
  onCancel(): void;
}

interface Choice {
  id: string;
  name: string;
}

/** Room kept between the popover and the window's edges. */
const MARGIN = 8;

/**
 * Relating two entities with a selected passage as evidence: From and To default to the first two
 * entities the passage names, the type comes from the vocabulary, and the passage becomes the
 * evidence highlight in the same undo step as the relationship.
 */
export function LinkEntitiesPopover({ rect, articleId, passage, mentions, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const words = useRelationWords();
  const types = useQuery(queries.relationTypes()).data?.types ?? [];
  const inside = unique(mentions.filter((m) => m.start < passage.end && passage.start < m.end));
  const elsewhere = unique(mentions).filter((e) => !inside.some((i) => i.id === e.id));
  // Null until chosen: the defaults follow the article's mentions, which may still be arriving.
  const [fromChoice, setFrom] = useState<string | null>(null);
  const [toChoice, setTo] = useState<string | null>(null);
  const from = fromChoice ?? inside[0]?.id ?? '';
  const to = toChoice ?? inside[1]?.id ?? '';
  const [type, setType] = useState('');
  const [grading, setGrading] = useState<Grading | null>(null);
  const chosenType = type || types[0]?.key || '';
  const notify = useNotify();
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ top: rect.bottom + MARGIN, left: rect.left + rect.width / 2 });
  const create = useMutation({
    mutationFn: () => api['relations.create']({ from, to, type: chosenType, grading, evidence: [{ articleId, start: passage.start, end: passage.end, exact: passage.exact }] }),
    onSuccess: ({ relation }) => {
      notify({ tone: 'info', message: t('reader:relationshipAdded', { name: relation.from.name, label: words(relation.label), name2: relation.to.name }) });
      onDone();
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });

  useLayoutEffect(() => {
    // Below the selection, or above it when the window has no room below; never past an edge.
    const own = box.current?.getBoundingClientRect();
    if (!own) return;
    const below = rect.bottom + MARGIN;
    const top = below + own.height <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, rect.top - MARGIN - own.height);
    const half = own.width / 2;
    const left = Math.min(Math.max(rect.left + rect.width / 2, MARGIN + half), window.innerWidth - MARGIN - half);
    setPlace({ top, left });
  }, [rect]);

  useEffect(() => {
    // Focus goes back where it was (the reader when the toolbar that opened this is gone).
    const before = document.activeElement as HTMLElement | null;
    return () => {
      const back = before?.isConnected ? before : document.querySelector<HTMLElement>('.reader-scroll');
      back?.focus();
    };
  }, []);

  const options = (
    <>
      <option value="">{t('reader:chooseAnEntity')}</option>
      <EntityGroup label={t('reader:inTheSelectedPassage')} entities={inside} />
      <EntityGroup label={t('reader:elsewhereInTheArticle')} entities={elsewhere} />
    </>
  );
  const excerpt = passage.exact.trim().length > 90 ? `${passage.exact.trim().slice(0, 89)}…` : passage.exact.trim();
  const ready = from && to && from !== to && chosenType && !create.isPending;

  return (
    <div
      ref={box}
      className="link-popover link-entities"
      role="dialog"
      aria-label={t('reader:linkEntities2')}
      style={{ top: place.top, left: place.left }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onCancel();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) create.mutate();
        }}
      >
      <p className="muted small" dir="auto">
        {t('reader:relateTwoEntitiesWithAs', { excerpt })}
      </p>
      {inside.length < 2 && <p className="small">{t('reader:thePassageNamesChooseThe', { value: inside.length === 0 ? t('reader:noConfirmedEntity') : t('reader:oneConfirmedEntity') })}</p>}
      <div className="link-ends">
        <label className="small">
          {t('reader:from')}
          <select value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t('reader:from')} autoFocus>
            {options}
          </select>
        </label>
        <button type="button" className="small swap" aria-label={t('reader:swapFromAndTo')} title={t('reader:swapFromAndTo')} onClick={() => (setFrom(to), setTo(from))}>
          ⇅
        </button>
        <label className="small">
          {t('reader:to')}
          <select value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('reader:to')}>
            {options}
          </select>
        </label>
      </div>
      <label className="small">
        {t('reader:relationshipType')}
        <select value={chosenType} onChange={(e) => setType(e.target.value)} aria-label={t('reader:relationshipType')}>
          {types.map((t) => (
            <option key={t.key} value={t.key}>
              {words(t.label)}
            </option>
          ))}
        </select>
      </label>
      <GradingPicker value={grading} onChange={setGrading} />
      {from && from === to && <p className="form-error small">{t('reader:chooseTwoDifferentEntities')}</p>}
      <div className="event-actions">
        <button type="submit" className="primary small" disabled={!ready}>
          {t('reader:create2')}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t('reader:cancel')}
        </button>
      </div>
      </form>
    </div>
  );
}

function EntityGroup({ label, entities }: { label: string; entities: readonly Choice[] }) {
  if (entities.length === 0) return null;
  return (
    <optgroup label={label}>
      {entities.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
        </option>
      ))}
    </optgroup>
  );
}

/** Each entity once, in order of first mention. */
function unique(mentions: readonly ArticleMention[]): Choice[] {
  const seen = new Map<string, Choice>();
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) if (!seen.has(m.entityId)) seen.set(m.entityId, { id: m.entityId, name: m.name });
  return [...seen.values()];
}
