import { z } from 'zod';

/** Kept apart from entity.ts so notes can name entity types without an import cycle. */
export const EntityType = z.enum(['person', 'organization', 'place', 'event', 'agreement', 'other']);
export type EntityType = z.infer<typeof EntityType>;

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
  agreement: 'Agreement',
  other: 'Other',
};
