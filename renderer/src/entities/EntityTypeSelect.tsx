import type { EntityType } from '../../../electron/common/model/entity';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, typeName } from '../i18n/i18n';
import { TYPE_SHAPES } from '../graph/chartStyle';
import './EntityTypeBadge.css';

export { ENTITY_TYPES };

export function EntityTypeSelect({ value, onChange, label }: { value: EntityType; onChange(t: EntityType): void; label?: string }) {
  const { t } = useTranslation();
  return (
    <select aria-label={label ?? t('entities:type')} value={value} onChange={(e) => onChange(e.target.value as EntityType)}>
      {ENTITY_TYPES.map((type) => (
        <option key={type} value={type}>
          {typeName(type)}
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
      {typeName(type)}
    </span>
  );
}
