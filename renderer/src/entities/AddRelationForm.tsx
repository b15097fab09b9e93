import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Grading } from '../../../electron/common/model/annotation';
import type { Entity, EntityPage } from '../../../electron/common/model/entity';
import { api } from '../api';
import { GradingPicker } from '../annotations/Grading';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { directedTypes } from './relationText';

interface Props {
  entity: Entity;
  highlights: EntityPage['annotations'];
  others: readonly { id: string; name: string }[];
}

/**
 * Relates this entity to another, with one of its highlighted passages as evidence. Choosing the
 * type also chooses the direction: "has partner" makes the other entity the one that is partner in
 * this one.
 */
export function AddRelationForm({ entity, highlights, others }: Props) {
  const types = useQuery(queries.relationTypes()).data?.types ?? [];
  const choices = directedTypes(types);
  const [choice, setChoice] = useState('');
  const [otherId, setOtherId] = useState('');
  const [evidence, setEvidence] = useState('');
  const [grading, setGrading] = useState<Grading | null>(null);
  const notify = useNotify();
  const chosen = choices.find((c) => c.value === choice) ?? choices[0];
  const passage = highlights.find((h) => h.id === evidence) ?? highlights[0];

  const create = useMutation({
    mutationFn: () => {
      const [from, to] = chosen!.incoming ? [otherId, entity.id] : [entity.id, otherId];
      return api['relations.create']({ from, to, type: chosen!.type, grading, evidence: [{ articleId: passage!.articleId, annotationId: passage!.id }] });
    },
    onSuccess: () => {
      setOtherId('');
      setGrading(null);
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
          if (chosen && otherId && passage) create.mutate();
        }}
      >
        <h3>Add a relationship</h3>
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
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {highlights.length === 0 ? (
          <p className="wide panel-empty">Highlight a passage that names {entity.name} to use it as evidence.</p>
        ) : (
          <label className="wide">
            Evidence
            <select value={passage?.id ?? ''} onChange={(e) => setEvidence(e.target.value)} aria-label="Evidence passage">
              {highlights.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.exact.length > 90 ? `${h.exact.slice(0, 89)}…` : h.exact}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="wide">
          <GradingPicker value={grading} onChange={setGrading} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!chosen || !otherId || !passage || create.isPending}>
            Add relationship
          </button>
        </div>
      </form>
      <NewTypeForm />
    </>
  );
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
