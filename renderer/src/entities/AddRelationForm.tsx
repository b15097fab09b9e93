import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Grading } from '../../../electron/common/model/annotation';
import type { Entity, EntityPage } from '../../../electron/common/model/entity';
import type { RelationSuggestion } from '../../../electron/common/model/relation';
import { api } from '../api';
import { GradingPicker } from '../annotations/Grading';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { directedTypes } from './relationText';
import { useTranslation } from 'react-i18next';
import { useRelationWords } from '../ui/relationWords';

interface Props {
  entity: Pick<Entity, 'id' | 'name'>;
  highlights: EntityPage['annotations'];
  others: readonly { id: string; name: string }[];
  /** A suggested relationship to edit before making it: its type, other end and sentence filled in. */
  prefill?: RelationSuggestion;
  /** After the relationship is made, or the edit is given up. */
  onDone?(): void;
}

/** The value of the evidence select for a suggestion's sentence, which is not a highlight yet. */
const SENTENCE = 'suggested-sentence';

/**
 * Relates this entity to another, with one of its highlighted passages as evidence. Choosing the
 * type also chooses the direction: "has partner" makes the other entity the one that is partner in
 * this one.
 */
export function AddRelationForm({ entity, highlights, others, prefill, onDone }: Props) {
  const { t } = useTranslation();
  const words = useRelationWords();
  const types = useQuery(queries.relationTypes()).data?.types ?? [];
  const choices = directedTypes(types);
  const incoming = prefill !== undefined && prefill.to.id === entity.id && prefill.from.id !== entity.id;
  const [choice, setChoice] = useState(prefill ? `${incoming ? 'in' : 'out'}:${prefill.type}` : '');
  const [otherId, setOtherId] = useState(prefill ? (incoming ? prefill.from.id : prefill.to.id) : '');
  const [evidence, setEvidence] = useState(prefill ? SENTENCE : '');
  const [grading, setGrading] = useState<Grading | null>(null);
  const notify = useNotify();
  // A symmetric type has no "coming in" choice: the same one reads both ways.
  const chosen = choices.find((c) => c.value === choice) ?? choices.find((c) => c.type === prefill?.type) ?? choices[0];
  const passage = highlights.find((h) => h.id === evidence) ?? (prefill ? undefined : highlights[0]);
  const sentence = prefill && !passage ? prefill.evidence : undefined;

  const create = useMutation({
    mutationFn: () => {
      const [from, to] = chosen!.incoming ? [otherId, entity.id] : [entity.id, otherId];
      const proof = sentence ? sentence : { articleId: passage!.articleId, annotationId: passage!.id };
      return api['relations.create']({ from, to, type: chosen!.type, grading, evidence: [proof] });
    },
    onSuccess: () => {
      setOtherId('');
      setGrading(null);
      onDone?.();
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });

  return (
    <>
      <form
        className="relation-form"
        aria-label={t('entities:addRelationship')}
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen && otherId && (passage || sentence)) create.mutate();
        }}
      >
        <h3>{prefill ? t('entities:editTheSuggestedRelationship') : t('entities:addARelationship')}</h3>
        <label>
          {entity.name} …
          <select value={chosen?.value ?? ''} onChange={(e) => setChoice(e.target.value)} aria-label={t('entities:relationshipType')}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {words(c.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('entities:whichEntity')}
          <select value={otherId} onChange={(e) => setOtherId(e.target.value)} aria-label={t('entities:otherEntity')}>
            <option value="">{t('entities:chooseAnEntity')}</option>
            {others.some((o) => o.id === otherId) || !prefill ? null : <option value={otherId}>{incoming ? prefill.from.name : prefill.to.name}</option>}
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {highlights.length === 0 && !prefill ? (
          <p className="wide panel-empty">{t('entities:highlightAPassageThatNames', { name: entity.name })}</p>
        ) : (
          <label className="wide">
            {t('entities:evidence')}
            <select value={passage?.id ?? (sentence ? SENTENCE : '')} onChange={(e) => setEvidence(e.target.value)} aria-label={t('entities:evidencePassage')}>
              {prefill && <option value={SENTENCE}>{clip(t('entities:suggestedSentence', { exact: prefill.evidence.exact }))}</option>}
              {highlights.map((h) => (
                <option key={h.id} value={h.id}>
                  {clip(h.exact)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="wide">
          <GradingPicker value={grading} onChange={setGrading} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!chosen || !otherId || !(passage || sentence) || create.isPending}>
            {t('entities:addRelationship')}
          </button>
          {onDone && (
            <button type="button" onClick={onDone}>
              {t('entities:cancel')}
            </button>
          )}
        </div>
      </form>
      {!prefill && <NewTypeForm />}
    </>
  );
}

function clip(text: string): string {
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** The vocabulary grows from here: a label and how it reads the other way. */
function NewTypeForm() {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [inverse, setInverse] = useState('');
  const notify = useNotify();
  const add = useMutation({
    mutationFn: () => api['relations.addType']({ label, inverse }),
    onSuccess: ({ type }) => {
      setLabel('');
      setInverse('');
      notify({ tone: 'info', message: t('entities:relationshipTypeAdded', { label: type.label }) });
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });
  return (
    <details className="relation-type-form">
      <summary>{t('entities:newRelationshipType')}</summary>
      <form
        aria-label={t('entities:newRelationshipType2')}
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim() && inverse.trim()) add.mutate();
        }}
      >
        <label>
          {t('entities:readsFromTo')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('entities:suppliesArmsTo')} dir="auto" />
        </label>
        <label>
          {t('entities:theOtherWayToFrom')}
          <input value={inverse} onChange={(e) => setInverse(e.target.value)} placeholder={t('entities:receivesArmsFrom')} dir="auto" />
        </label>
        <button type="submit" disabled={!label.trim() || !inverse.trim() || add.isPending}>
          {t('entities:addType')}
        </button>
      </form>
    </details>
  );
}
