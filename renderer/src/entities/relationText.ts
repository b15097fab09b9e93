import type { RelationEnd, RelationType, RelationView } from '../../../electron/common/model/relation';
import { t } from '../i18n/i18n';

/**
 * A relationship as one entity's page reads it: going out by the type's label, coming in by its
 * inverse label, so `India —partner in→ Quad` shows on Quad's page as `Quad —has partner→ India`.
 */
export function seenFrom(relation: RelationView, entityId: string): { label: string; other: RelationEnd; incoming: boolean } {
  const incoming = relation.to.id === entityId && relation.from.id !== entityId;
  return incoming ? { label: relation.inverse, other: relation.from, incoming } : { label: relation.label, other: relation.to, incoming };
}

/** A choice of the add form: a type and which way it reads from the entity the page is about. */
export interface DirectedType {
  value: string;
  label: string;
  type: string;
  incoming: boolean;
}

/** Each type as it reads going out, then, where it reads differently, coming in ("has partner"). */
export function directedTypes(types: readonly RelationType[]): DirectedType[] {
  const out = types.map((t) => ({ value: `out:${t.key}`, label: t.label, type: t.key, incoming: false }));
  const back = types.filter((t) => t.inverse !== t.label).map((t) => ({ value: `in:${t.key}`, label: t.inverse, type: t.key, incoming: true }));
  return [...out, ...back];
}

/** When a relationship held, in words: "2024-11 – 2025", "from 2024", "until 2025-05-05". */
export function period(relation: Pick<RelationView, 'start' | 'end'>): string | null {
  const { start, end } = relation;
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return t('entities:periodFrom', { start });
  if (end) return t('entities:periodUntil', { end });
  return null;
}
