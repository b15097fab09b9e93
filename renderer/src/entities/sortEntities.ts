import { EntityType, type EntitySummary } from '../../../electron/common/model/entity';
import { collator, recentFirst, wordFilter } from '../ui/listOrder';

export type EntityOrder = 'mentions' | 'name' | 'type' | 'recent';

export const ENTITY_ORDERS: { value: EntityOrder; label: string }[] = [
  { value: 'mentions', label: 'entities:mostMentioned' },
  { value: 'name', label: 'entities:name' },
  { value: 'type', label: 'entities:type' },
  { value: 'recent', label: 'entities:recentlyOpened' },
];

const TYPE_RANK = new Map(EntityType.options.map((t, i) => [t, i]));

const byName = (a: EntitySummary, b: EntitySummary) => collator.compare(a.name, b.name);
const byMentions = (a: EntitySummary, b: EntitySummary) => b.mentionCount - a.mentionCount || b.articleCount - a.articleCount || byName(a, b);

/**
 * The entities in the chosen order: most mentioned first (then in most articles), by name, by type
 * (then name), or those opened lately first and the others most mentioned first. `recent` holds
 * place keys ("entity:<id>").
 */
export function sortEntities(entities: readonly EntitySummary[], order: EntityOrder, recent: readonly string[] = []): EntitySummary[] {
  if (order === 'name') return [...entities].sort((a, b) => byName(a, b) || byMentions(a, b));
  if (order === 'type') return [...entities].sort((a, b) => TYPE_RANK.get(a.type)! - TYPE_RANK.get(b.type)! || byName(a, b));
  const mentioned = [...entities].sort(byMentions);
  return order === 'recent' ? recentFirst(mentioned, recent, 'entity', (e) => e.id) : mentioned;
}

/** Entities of `type` (any when empty) whose name or an alias holds the words typed; null when nothing narrows the list. */
export function entityFilter(typed: string, type: EntityType | ''): ((entity: EntitySummary) => boolean) | null {
  const words = wordFilter(typed, (e: EntitySummary) => `${e.name} ${e.aliases.join(' ')}`);
  if (!type) return words;
  return (e) => e.type === type && (!words || words(e));
}
