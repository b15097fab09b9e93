import { z } from 'zod';
import { DEFAULT_RELATION_TYPES, Relation, RelationType } from '../../common/model/relation';

export { RELATION_TYPES_RECORD } from '../../common/model/relation';
import type { DocumentKind } from '../store/documents';
import { SCHEMA_VERSION } from '../store/schemaFile';

/**
 * relations.json: the workspace's relationships between entities and the vocabulary of their
 * types. One document, so adding a type and using it, or undoing either, never splits in two.
 */
export const RelationsFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('relations'),
  rev: z.number().int().nonnegative(),
  types: z.array(RelationType),
  relations: z.array(Relation),
  /**
   * Keys of suggested relationships the analyst dismissed: not suggested again while their sentence
   * stands. Defaulted rather than a schema bump: relations.json is new in schema 2 and no released
   * Dossier writes it without this field.
   */
  dismissed: z.array(z.string()).default([]),
});
export type RelationsFile = z.infer<typeof RelationsFile>;

export const RELATIONS: DocumentKind<RelationsFile> = {
  file: 'relations.json',
  kind: 'relations',
  schema: RelationsFile,
  // A workspace without the file (every workspace made before relationships) starts with the defaults.
  empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'relations', rev: 0, types: structuredClone([...DEFAULT_RELATION_TYPES]), relations: [], dismissed: [] }),
};
