import type { Entity } from '../../common/model/entity';

/** How names are compared: case-insensitive, Unicode-normalised, typographic apostrophes folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** The confirmed entity called `name` (by name or alias), if any. */
export function findByName(entities: readonly Entity[], name: string): Entity | undefined {
  const key = nameKey(name);
  return entities.find((e) => nameKey(e.name) === key || e.aliases.some((a) => nameKey(a) === key));
}

/** Aliases with the name itself and case-insensitive repeats removed, first spelling kept. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([nameKey(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const trimmed = alias.trim();
    const key = nameKey(trimmed);
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}
