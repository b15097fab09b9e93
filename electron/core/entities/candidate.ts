import type { EntityType } from '../../common/model/entityType';
import type { Token } from './tokenize';
import type { Candidate, CandidateSource } from './types';

/**
 * The form a name is stored and compared in: straight apostrophes (labels and analysts type "'",
 * articles print "’"), single spaces.
 */
export function normalizeName(s: string): string {
  return s
    .replace(/[\u2019\u02BC\u2018]/gu, "'")
    .replace(/[\u2010\u2011]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Grouping key: case-insensitive, so "NATO" and "Nato" are one entity. */
export function nameKey(s: string): string {
  return normalizeName(s).toLowerCase();
}

export function makeCandidate(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  type: EntityType,
  source: CandidateSource,
  extra: Partial<Pick<Candidate, 'key' | 'aliases' | 'shortForms' | 'name' | 'context'>> = {},
): Candidate {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  return { start, end, from, to, type, source, key: extra.key ?? nameKey(text.slice(start, end)), ...extra };
}

/** A candidate covering part of one token ("Panama" in "Panama-flagged"). */
export function makeSubTokenCandidate(tokenIndex: number, start: number, end: number, type: EntityType, source: CandidateSource, name: string): Candidate {
  return { start, end, from: tokenIndex, to: tokenIndex + 1, type, source, key: nameKey(name), name };
}

export function spanText(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}
