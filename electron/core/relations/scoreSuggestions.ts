import type { EntityType } from '../../common/model/entityType';
import { DEFAULT_RELATION_TYPES, type RelationType } from '../../common/model/relation';
import { addCounts, prf, type Counts } from '../entities/scoreEntities';
import { isSymmetric, suggestRelations, type TypedMention } from './suggestRelations';

/** A labelled text of the relationship benchmark (bench/relations). */
export interface LabelledText {
  entities: { name: string; type: EntityType; aliases?: string[] }[];
  /** By entity name; `optional`: accepted if suggested, not counted against recall when missed. */
  relations: { from: string; to: string; type: string; optional?: boolean }[];
}

export interface SuggestionScore extends Counts {
  /** Suggestions the labels do not hold, and labelled relationships not suggested: "from —type→ to". */
  spurious: string[];
  missed: string[];
}

/**
 * Scores the detector on one text whose entities are all taken as confirmed, found where their
 * names and aliases stand as whole words. Precision counts suggestions as the analyst meets them
 * (one per sentence); recall counts distinct labelled relationships.
 */
export function scoreSuggestions(text: string, labels: LabelledText, types: readonly RelationType[] = DEFAULT_RELATION_TYPES): SuggestionScore {
  const name = new Map(labels.entities.map((e) => [e.name, e.name]));
  const found = suggestRelations(text, { mentions: mentionsOf(text, labels), types });
  const same = (a: { from: string; to: string; type: string }, b: { from: string; to: string; type: string }) =>
    a.type === b.type && ((a.from === b.from && a.to === b.to) || (isSymmetric(types, a.type) && a.from === b.to && a.to === b.from));
  const line = (r: { from: string; to: string; type: string }) => `${name.get(r.from) ?? r.from} —${r.type}→ ${name.get(r.to) ?? r.to}`;
  const spurious = found.filter((f) => !labels.relations.some((l) => same(l, f))).map((f) => `${line(f)}  «${text.slice(f.sentence.start, f.sentence.end).slice(0, 90)}»`);
  const required = labels.relations.filter((l) => !l.optional);
  const missed = required.filter((l) => !found.some((f) => same(l, f))).map(line);
  return { tp: found.length - spurious.length, fp: spurious.length, fn: missed.length, spurious, missed };
}

/** Every whole-word occurrence of an entity's name or alias, longest first, never overlapping. */
export function mentionsOf(text: string, labels: LabelledText): TypedMention[] {
  const forms = labels.entities
    .flatMap((e) => [e.name, ...(e.aliases ?? [])].map((form) => ({ form, entity: e })))
    .sort((a, b) => b.form.length - a.form.length);
  const taken: TypedMention[] = [];
  for (const { form, entity } of forms) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      if (taken.some((m) => m.start < end && at < m.end)) continue;
      taken.push({ entityId: entity.name, type: entity.type, start: at, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

export function totalOf(scores: readonly Counts[]): Counts & { precision: number; recall: number; f1: number } {
  const total = scores.reduce<Counts>((sum, s) => addCounts(sum, { tp: s.tp, fp: s.fp, fn: s.fn }), { tp: 0, fp: 0, fn: 0 });
  return { ...total, ...prf(total) };
}
