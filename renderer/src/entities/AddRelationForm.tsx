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
        aria-label="Add relationship"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen && otherId && (passage || sentence)) create.mutate();
        }}
      >
        <h3>{prefill ? 'Edit the suggested relationship' : 'Add a relationship'}</h3>
        <label>
          {entity.name} …
          <select value={chosen?.value ?? ''} onChange={(e) => setChoice(e.target.value)} aria-label="Relationship type">
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          … which entity
          <select value={otherId} onChange={(e) => setOtherId(e.target.value)} aria-label="Other entity">
            <option value="">Choose an entity…</option>
            {others.some((o) => o.id === otherId) || !prefill ? null : <option value={otherId}>{incoming ? prefill.from.name : prefill.to.name}</option>}
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {highlights.length === 0 && !prefill ? (
          <p className="wide panel-empty">Highlight a passage that names {entity.name} to use it as evidence.</p>
        ) : (
          <label className="wide">
            Evidence
            <select value={passage?.id ?? (sentence ? SENTENCE : '')} onChange={(e) => setEvidence(e.target.value)} aria-label="Evidence passage">
              {prefill && <option value={SENTENCE}>{clip(`Suggested sentence: ${prefill.evidence.exact}`)}</option>}
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
            Add relationship
          </button>
          {onDone && (
            <button type="button" onClick={onDone}>
              Cancel
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
  const [label, setLabel] = useState('');
  const [inverse, setInverse] = useState('');
  const notify = useNotify();
  const add = useMutation({
    mutationFn: () => api['relations.addType']({ label, inverse }),
    onSuccess: ({ type }) => {
      setLabel('');
      setInverse('');
      notify({ tone: 'info', message: `Relationship type “${type.label}” added.` });
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });
  return (
    <details className="relation-type-form">
      <summary>New relationship type…</summary>
      <form
        aria-label="New relationship type"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim() && inverse.trim()) add.mutate();
        }}
      >
        <label>
          Reads (from → to)
          <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="supplies arms to" dir="auto" />
        </label>
        <label>
          The other way (to → from)
          <input value={inverse} onChange={(e) => setInverse(e.target.value)} placeholder="receives arms from" dir="auto" />
        </label>
        <button type="submit" disabled={!label.trim() || !inverse.trim() || add.isPending}>
          Add type
        </button>
      </form>
    </details>
  );
}
