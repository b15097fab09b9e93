import type { EntityType } from '../../common/model/entityType';

/** Shared shapes of the entity pipeline; the public API re-exports what callers need. */

export interface KnownEntity {
  name: string;
  type: EntityType;
  aliases: string[];
}

/** Which stage proposed a mention; decides ties when two proposals cover the same span. */
export type CandidateSource = 'known' | 'gazetteer' | 'pattern' | 'acronym' | 'title' | 'coref' | 'lexicon' | 'compromise' | 'caps';

export const SOURCE_RANK: Record<CandidateSource, number> = {
  known: 7,
  gazetteer: 6,
  pattern: 5,
  title: 5,
  acronym: 4,
  coref: 3,
  lexicon: 2,
  compromise: 1,
  /** A capitalised run in a cased script other than Latin, outside English text (casedRuns.ts). */
  caps: 1,
};

/** A proposed mention before entities are assembled. Offsets are UTF-16 units into the text. */
export interface Candidate {
  start: number;
  end: number;
  /** Token indices [from, to) of the span. */
  from: number;
  to: number;
  type: EntityType;
  /** Groups mentions of one entity; a canonical name when a dictionary supplied one. */
  key: string;
  source: CandidateSource;
  /** Other names of the same entity this mention proves (an acronym's long form): they merge entities. */
  aliases?: string[];
  /** Short forms worth knowing (a surname): reported as aliases and used by coreference, never merged on. */
  shortForms?: string[];
  /** The entity's name when this mention knows it (a dictionary name, "Malabar" for "Exercise Malabar"). */
  name?: string;
  /** Words around the mention that describe it ("Defence Minister"), kept out of the name. */
  context?: string;
  /** A title ("Chief of the Defence Force") that claims its words but is not itself an entity. */
  blocker?: boolean;
}
