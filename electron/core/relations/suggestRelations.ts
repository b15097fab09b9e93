import type { EntityType } from '../../common/model/entityType';
import type { RelationType } from '../../common/model/relation';
import { fnv1a } from '../timeline/detectEvents';
import { sentenceSpans, type Span } from '../timeline/sentences';
import { labelCue, NEGATION, NOT_THE_ROLE, RANKS, RELATION_CUES, ROLE_PATTERNS, type RelationCue } from './relationCues';

/** A confirmed mention of an entity in the article's current text, with the entity's type. */
export interface TypedMention {
  entityId: string;
  type: EntityType;
  start: number;
  end: number;
}

/** A relationship one sentence seems to state. */
export interface FoundRelation {
  from: string;
  to: string;
  type: string;
  sentence: Span;
}

export interface SuggestInput {
  mentions: readonly TypedMention[];
  types: readonly RelationType[];
  /** Cues by type key; the built-in table unless a test gives its own. */
  cues?: Readonly<Record<string, RelationCue>>;
  language?: string | null;
}

interface Compiled {
  type: string;
  cue: RelationCue;
  patterns: RegExp[];
  /** The role titles as one alternation, for the counterpart rule. */
  roles: string | null;
}

/** What a matched pattern said: `from` and `to` as slot numbers. */
interface Match {
  from: number[];
  to: number[];
}

const SLOT = '⟦(\\d+)⟧';
// "A and B", "A, B and C", "A, B, and C"; not "A, and B", which joins two clauses more often than two names.
const LIST = '⟦\\d+⟧(?: and ⟦\\d+⟧|(?:, ⟦\\d+⟧)+,? and ⟦\\d+⟧)?';
const REL = String.raw`(?:, (?:who|which|whose|where) [^,;]*,|,? (?:who|which|that))?`;
const COUNTERPART = String.raw`(?:(?:his|her|their) (?:⟦\d+⟧ )?counterparts?,? )?`;
/** A title before the person met: "met Pakistani Prime Minister X", "met Japan's defence minister, X". */
const TITLE = String.raw`(?:(?:⟦\d+⟧(?:'s?)? )?(?:[\w-]+ ){0,2}?(?:minister|president|secretary|chancellor|premier|king|prince|general|admiral|ambassador|envoy|leader|commander|director)(?: of [\w-]+)?,? )?`;
const COUNTERPART_RULE = new RegExp(String.raw`⟦(\d+)⟧[^⟦]*? (?:his|her|their) ⟦(\d+)⟧ counterparts?,? ⟦(\d+)⟧`, 'giu');

/**
 * The relationships an article's sentences seem to state between its confirmed entities, in text
 * order, one per sentence, pair and type. Precision matters more than recall here: each one is a
 * question put to the analyst, so a cue must join the two mentions grammatically, not merely sit
 * in the same sentence.
 */
export function suggestRelations(text: string, input: SuggestInput): FoundRelation[] {
  const compiled = compile(input.types, input.cues ?? RELATION_CUES);
  const mentions = withoutOverlaps(input.mentions);
  const found: FoundRelation[] = [];
  const seen = new Set<string>();
  let next = 0;
  for (const sentence of sentenceSpans(text, input.language ?? 'en')) {
    while (next < mentions.length && mentions[next]!.start < sentence.start) next++;
    const inside: TypedMention[] = [];
    for (let i = next; i < mentions.length && mentions[i]!.end <= sentence.end; i++) inside.push(mentions[i]!);
    if (new Set(inside.map((m) => m.entityId)).size < 2) continue;
    const template = templateOf(text, sentence, inside);
    const add = (type: string, cue: RelationCue, from: TypedMention, to: TypedMention) => {
      if (from.entityId === to.entityId || !fits(cue, from, to)) return;
      const id = `${from.entityId} ${to.entityId} ${type}`;
      const symmetric = `${to.entityId} ${from.entityId} ${type}`;
      if (seen.has(`${sentence.start} ${id}`) || (isSymmetric(input.types, type) && seen.has(`${sentence.start} ${symmetric}`))) return;
      seen.add(`${sentence.start} ${id}`);
      found.push({ from: from.entityId, to: to.entityId, type, sentence });
    };
    for (const c of compiled) {
      for (const re of c.patterns) {
        for (const match of matches(re, template)) {
          for (const f of match.from) for (const t of match.to) add(c.type, c.cue, inside[f]!, inside[t]!);
        }
      }
    }
    for (const counterpart of counterparts(template, compiled, found, sentence, inside)) add(counterpart.type, counterpart.cue, counterpart.from, counterpart.to);
  }
  return found;
}

/** Types with the same reading both ways ("meets") are one relationship whichever end comes first. */
export function isSymmetric(types: readonly RelationType[], key: string): boolean {
  const type = types.find((t) => t.key === key);
  return type !== undefined && type.label === type.inverse;
}

function compile(types: readonly RelationType[], cues: Readonly<Record<string, RelationCue>>): Compiled[] {
  return types.map((t) => {
    const cue = cues[t.key] ?? labelCue(t.label);
    const roles = cue.roles?.length ? `${NOT_THE_ROLE}\\b(?:${cue.roles.map((r) => r.replace(/[-\s]+/g, '[- ]')).join('|')})` : null;
    const sources = [...cue.patterns, ...(roles ? ROLE_PATTERNS.map((p) => p.replaceAll('{R}', roles)) : [])];
    return { type: t.key, cue, roles, patterns: sources.map(toRegExp) };
  });
}

function toRegExp(pattern: string): RegExp {
  const source = pattern
    .replaceAll('REL', REL)
    .replaceAll('COUNTERPART', COUNTERPART)
    .replaceAll('TITLE', TITLE)
    .replaceAll('RANK', RANKS)
    .replace(/\{([ABC])\}/g, (_, name: string) => `(?<${name}>${LIST})`)
    .replace(/\{([PX])\}/g, (_, name: string) => `(?<${name}>⟦\\d+⟧)`);
  const start = /^[\w(]/.test(pattern) && !pattern.startsWith('(?<') ? '\\b' : '';
  return new RegExp(start + source, 'giu');
}

/** Every match, overlapping ones too ("A met B, who met C"), with the negated ones left out. */
function matches(re: RegExp, template: string): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    re.lastIndex = m.index + 1;
    if (NEGATION.test(m[0])) continue;
    const g = m.groups ?? {};
    const from = [...slots(g.A), ...slots(g.C), ...slots(g.P)];
    const to = [...slots(g.B), ...slots(g.X)];
    if (from.length && to.length) out.push({ from, to });
  }
  return out;
}

function slots(group: string | undefined): number[] {
  return group ? [...group.matchAll(new RegExp(SLOT, 'g'))].map((m) => Number(m[1])) : [];
}

/**
 * "Defence Minister X will meet his Japanese counterpart, Y": Y holds X's title for Japan, and X
 * holds it for the state the sentence joins to Japan ("talks between India and Japan").
 */
function counterparts(template: string, compiled: Compiled[], found: readonly FoundRelation[], sentence: Span, inside: TypedMention[]) {
  const out: { type: string; cue: RelationCue; from: TypedMention; to: TypedMention }[] = [];
  for (const m of template.matchAll(COUNTERPART_RULE)) {
    const [first, state, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const before = template.slice(0, m.index);
    for (const c of compiled) {
      if (!c.roles) continue;
      const titled = new RegExp(`${c.roles},? $`, 'iu').test(before) || found.some((f) => f.sentence === sentence && f.type === c.type && f.from === inside[first]!.entityId);
      if (!titled) continue;
      out.push({ type: c.type, cue: c.cue, from: inside[second]!, to: inside[state]! });
      const own = found.some((f) => f.sentence === sentence && f.type === c.type && f.from === inside[first]!.entityId);
      const other = own ? undefined : coordinatedWith(template, inside, inside[state]!);
      if (other) out.push({ type: c.type, cue: c.cue, from: inside[first]!, to: other });
    }
  }
  return out;
}

/** The one other entity of the same type named together with `entity` ("India and Japan"), if any. */
function coordinatedWith(template: string, inside: TypedMention[], entity: TypedMention): TypedMention | undefined {
  const partners = new Set<TypedMention>();
  for (const m of template.matchAll(/⟦(\d+)⟧ and ⟦(\d+)⟧/g)) {
    const [a, b] = [inside[Number(m[1])]!, inside[Number(m[2])]!];
    if (a.entityId === entity.entityId && b.entityId !== entity.entityId && b.type === entity.type) partners.add(b);
    if (b.entityId === entity.entityId && a.entityId !== entity.entityId && a.type === entity.type) partners.add(a);
  }
  const ids = new Set([...partners].map((p) => p.entityId));
  return ids.size === 1 ? [...partners][0] : undefined;
}

function fits(cue: RelationCue, from: TypedMention, to: TypedMention): boolean {
  if (cue.from && !cue.from.includes(from.type)) return false;
  if (cue.to && !cue.to.includes(to.type)) return false;
  return !cue.sameKind || (from.type === 'person') === (to.type === 'person');
}

/**
 * The sentence with each mention as a numbered slot, a "the" before one dropped, curly
 * apostrophes straightened and spaces folded, so cues are written once for every spelling.
 */
function templateOf(text: string, sentence: Span, inside: readonly TypedMention[]): string {
  let out = '';
  let at = sentence.start;
  inside.forEach((m, i) => {
    out += text.slice(at, m.start) + `⟦${i}⟧`;
    at = m.end;
  });
  out += text.slice(at, sentence.end);
  return out
    .replace(/[’ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\bthe (?=⟦)/giu, '');
}

/** Mentions in text order, a mention inside an earlier, longer one left out. */
function withoutOverlaps(mentions: readonly TypedMention[]): TypedMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TypedMention[] = [];
  for (const m of sorted) if (!out.length || m.start >= out[out.length - 1]!.end) out.push(m);
  return out;
}

/**
 * A suggestion's key: the article, both entities, the type and a hash of the sentence's words (not
 * its offsets), so a dismissal holds in the next version of the text while the sentence stands.
 * Entity ids and type keys hold no ':', so the parts read back (`parseSuggestionKey`).
 */
export function suggestionKey(articleId: string, from: string, to: string, type: string, sentence: string): string {
  return formatSuggestionKey({ articleId, from, to, type, sentence: `${fnv1a(sentence, 0x811c9dc5)}${fnv1a(sentence, 0x01000193 ^ 0x5bd1e995)}` });
}

/** A key's parts; `sentence` is the hash of the sentence's words. */
export interface SuggestionKeyParts {
  articleId: string;
  from: string;
  to: string;
  type: string;
  sentence: string;
}

export function formatSuggestionKey({ articleId, from, to, type, sentence }: SuggestionKeyParts): string {
  return `rs:${articleId}:${from}:${to}:${type}:${sentence}`;
}

export function parseSuggestionKey(key: string): SuggestionKeyParts | null {
  const parts = key.split(':');
  if (parts.length !== 6 || parts[0] !== 'rs' || parts.slice(1).some((p) => !p)) return null;
  const [, articleId, from, to, type, sentence] = parts as [string, string, string, string, string, string];
  return { articleId, from, to, type, sentence };
}
