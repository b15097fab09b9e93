import type { EntityType } from '../../common/model/entityType';
import { nameKey, normalizeName } from './candidate';
import { SOURCE_RANK, type Candidate } from './types';

export interface AssembledMention {
  start: number;
  end: number;
  text: string;
}

export interface AssembledEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: AssembledMention[];
}

/**
 * One entity per group of mentions that share a key, a surface form or a defining alias
 * ("Quadrilateral Security Dialogue" ↔ "Quad"). Surnames never merge groups on their own: two
 * people called Singh stay two people.
 */
export function assembleEntities(text: string, candidates: readonly Candidate[]): AssembledEntity[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const union = (x: string, y: string): void => {
    const rx = find(x);
    const ry = find(y);
    // The smaller key becomes the root so the grouping never depends on candidate order.
    if (rx < ry) parent.set(ry, rx);
    else if (ry < rx) parent.set(rx, ry);
  };
  for (const c of candidates) {
    find(c.key);
    // A person's surface links only to that person; a surname alone may be shared.
    if (c.type !== 'person' || c.source === 'known') union(c.key, nameKey(text.slice(c.start, c.end)));
    for (const alias of c.aliases ?? []) union(c.key, nameKey(alias));
  }

  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const root = find(c.key);
    const list = groups.get(root) ?? [];
    list.push(c);
    groups.set(root, list);
  }

  const entities: AssembledEntity[] = [];
  for (const members of groups.values()) {
    members.sort((x, y) => x.start - y.start);
    const type = chooseType(members);
    const name = chooseName(text, members, type);
    const seen = new Set([nameKey(name)]);
    const aliases: string[] = [];
    // Mentions repeat their forms; each form is normalised once (and `n` is normal already, so its key is its lower case).
    const tried = new Set<string>();
    const addAlias = (form: string): void => {
      if (tried.has(form)) return;
      tried.add(form);
      const n = normalizeName(form);
      const k = n.toLowerCase();
      if (k.length > 0 && !seen.has(k)) {
        seen.add(k);
        aliases.push(n);
      }
    };
    for (const m of members) addAlias(text.slice(m.start, m.end));
    for (const m of members) for (const f of [...(m.aliases ?? []), ...(m.shortForms ?? [])]) addAlias(f);
    entities.push({
      name,
      type,
      aliases,
      mentions: dedupe(members.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) }))),
    });
  }
  entities.sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start || (x.name < y.name ? -1 : 1));
  return entities;
}

/** The most trusted source decides; among equals, the type most mentions carry. */
function chooseType(members: readonly Candidate[]): EntityType {
  const best = Math.max(...members.map((m) => SOURCE_RANK[m.source]));
  const votes = new Map<EntityType, number>();
  for (const m of members) if (SOURCE_RANK[m.source] === best) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
  return [...votes.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
}

/**
 * A dictionary or analyst name first; for people the fullest form ("Rajnath Singh", not "Singh");
 * otherwise the first spelled-out mention (an acronym's long form), else the first mention.
 */
function chooseName(text: string, members: readonly Candidate[], type: EntityType): string {
  const named = members.filter((m) => m.name !== undefined).sort((x, y) => SOURCE_RANK[y.source] - SOURCE_RANK[x.source]);
  if (named[0]?.name) return normalizeName(named[0].name);
  const surfaces = members.map((m) => normalizeName(text.slice(m.start, m.end)));
  if (type === 'person') {
    const byLength = [...surfaces].sort((x, y) => y.split(' ').length - x.split(' ').length || y.length - x.length);
    return byLength[0]!;
  }
  // An acronym's long form names the entity ("Rapid Support Forces", not "RSF").
  const spelledOut = surfaces.find((s) => /\s/u.test(s) && !/^[\p{Lu}\p{N}\s.-]+$/u.test(s));
  return spelledOut ?? surfaces[0]!;
}

function dedupe(mentions: AssembledMention[]): AssembledMention[] {
  const out: AssembledMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (!prev || prev.start !== m.start || prev.end !== m.end) out.push(m);
  }
  return out;
}
