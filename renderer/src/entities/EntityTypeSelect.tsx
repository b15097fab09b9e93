import { ENTITY_TYPE_LABELS, type EntityType } from '../../../electron/common/model/entity';

export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_LABELS) as EntityType[];

export function EntityTypeSelect({ value, onChange, label = 'Type' }: { value: EntityType; onChange(t: EntityType): void; label?: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as EntityType)}>
      {ENTITY_TYPES.map((t) => (
        <option key={t} value={t}>
          {ENTITY_TYPE_LABELS[t]}
        </option>
      ))}
    </select>
  );
}

/** The type as a word beside a coloured mark: colour is never the only cue. */
export function EntityTypeBadge({ type }: { type: EntityType }) {
  return <span className={`chip entity-type type-${type}`}>{ENTITY_TYPE_LABELS[type]}</span>;
}
