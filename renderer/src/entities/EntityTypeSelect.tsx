import { ENTITY_TYPE_LABELS, type EntityType } from '../../../electron/common/model/entity';
import { TYPE_SHAPES } from '../graph/chartStyle';
import './EntityTypeBadge.css';

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

/**
 * The type as a word after the mark the link chart draws it with (shape and colour), so the
 * badge reads the same as the chart's legend, and without colour vision.
 */
export function EntityTypeBadge({ type }: { type: EntityType }) {
  return (
    <span className={`entity-type-badge type-${type}`}>
      <span className={`shape-swatch shape-${TYPE_SHAPES[type]} type-${type}`} aria-hidden="true" />
      {ENTITY_TYPE_LABELS[type]}
    </span>
  );
}
