import { mulberry32 } from '../corpus';
import type { Lexicon } from './generator';

export type QueryClass = 'common' | 'mid' | 'rare' | 'two-word' | 'prefix' | 'typo' | 'name';

export interface BenchQuery {
  class: QueryClass;
  /** As typed into Dossier's search box: finished words end with a space, a prefix does not. */
  dossier: string;
  /** The same query in FTS5 syntax, or null where FTS5 has no equivalent (typos). */
  fts5: string | null;
}

/** How many of each class; 240 in all. */
const MIX: Record<QueryClass, number> = { common: 40, mid: 40, rare: 40, 'two-word': 30, prefix: 40, typo: 30, name: 20 };

const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * The search workload: a seeded generator over the reference vocabulary. Word ranks are
 * frequency ranks (the corpus is drawn from a Zipf distribution over them), so "common" is the
 * top 100, "mid" ranks 500–3,000 and "rare" 8,000–20,000 (at 7 million words, even rank 20,000
 * occurs some 30 times). Names are entity names from the top of the workspace's entities.
 */
export function benchQueries(lex: Lexicon, entityCount: number, seed = 1111): BenchQuery[] {
  const random = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  const word = (lo: number, hi: number, minLength = 1) => {
    for (;;) {
      const w = lex.vocabulary[between(lo, Math.min(hi, lex.vocabulary.length))]!;
      if (w.length >= minLength) return w;
    }
  };
  const out: BenchQuery[] = [];
  const add = (cls: QueryClass, dossier: string, fts5: string | null) => out.push({ class: cls, dossier, fts5 });
  for (let i = 0; i < MIX.common; i++) {
    const w = word(0, 100);
    add('common', `${w} `, quoted(w));
  }
  for (let i = 0; i < MIX.mid; i++) {
    const w = word(500, 3000);
    add('mid', `${w} `, quoted(w));
  }
  for (let i = 0; i < MIX.rare; i++) {
    const w = word(8000, 20000);
    add('rare', `${w} `, quoted(w));
  }
  for (let i = 0; i < MIX['two-word']; i++) {
    const a = i % 2 ? word(0, 300) : word(300, 3000);
    const b = word(1000, 12000);
    add('two-word', `${a} ${b} `, `${quoted(a)} ${quoted(b)}`);
  }
  for (let i = 0; i < MIX.prefix; i++) {
    const w = word(200, 8000, 6);
    const p = w.slice(0, between(3, 6));
    add('prefix', p, `${quoted(p)}*`);
  }
  for (let i = 0; i < MIX.typo; i++) {
    const w = word(200, 12000, 6);
    const at = between(1, w.length - 1);
    const letters = 'abcdefghijklmnopqrstuvwxyz'.replace(w[at]!, '');
    const typo = w.slice(0, at) + letters[Math.floor(random() * letters.length)] + w.slice(at + 1);
    add('typo', `${typo} `, null);
  }
  for (let i = 0; i < MIX.name; i++) {
    const { name } = lex.entities[between(0, Math.min(entityCount, 500))]!;
    add('name', `${name} `, name.split(' ').map(quoted).join(' '));
  }
  return out;
}
