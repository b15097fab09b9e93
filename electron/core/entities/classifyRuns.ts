import type { EntityType } from '../../common/model/entityType';
import type { Analysis } from './analysis';
import { makeCandidate, spanText } from './candidate';
import { PersonIndex } from './coreference';
import type { Run } from './residualRuns';
import { cheapVerdict, LEXICON, verdict, type Verdict } from './runEvidence';
import { tagRuns } from './tagRuns';
import type { Candidate } from './types';

/**
 * Types the capitalised runs nothing else explained. Each occurrence gives a verdict (see
 * runEvidence.ts); compromise's tagger is asked only where cheap evidence is silent, in one batch.
 * Every occurrence of a run then takes the surest verdict any occurrence gave, so "Black Lantern"
 * is the same kind of thing throughout. A second pass resolves short references to people named
 * anywhere in the article ("Lai" → Lai Ching-te), whichever comes first.
 */
export function classifyRuns(a: Analysis, runs: readonly Run[], known: readonly Candidate[]): Candidate[] {
  const cheap = runs.map((r) => cheapVerdict(a, r));
  const readings = tagRuns(a, runs.filter((_, i) => cheap[i] === null));
  const surfaces = runs.map((r) => spanText(a.text, a.tokens, r.from, r.to));
  const best = new Map<string, Verdict>();
  runs.forEach((run, i) => {
    const v = verdict(a, run, readings.get(surfaces[i]!) ?? null, cheap[i]);
    const prev = best.get(surfaces[i]!);
    if (!prev || v.strength > prev.strength) best.set(surfaces[i]!, v);
  });

  const out: Candidate[] = [];
  // Type of the mention ending at each token, for "Depsang and Demchok": coordinated names share a type.
  const endingAt = new Map<number, EntityType>();
  for (const c of known) endingAt.set(c.to - 1, c.type);
  runs.forEach((run, i) => {
    const v = best.get(surfaces[i]!)!;
    const coordinated = v.strength <= LEXICON ? coordinatedType(a, run, endingAt) : null;
    const type = coordinated ?? v.type;
    if (!type) return;
    endingAt.set(run.to - 1, type);
    out.push(makeCandidate(a.text, a.tokens, run.from, run.to, type, coordinated || v.strength >= LEXICON ? 'lexicon' : 'compromise'));
  });

  const people = new PersonIndex([...known, ...out.filter((c) => c.type === 'person')], a.text);
  const byStart = new Map(out.map((c) => [c.from, c]));
  const resolved: Candidate[] = [];
  runs.forEach((run, i) => {
    const existing = byStart.get(run.from);
    const person = people.resolve(surfaces[i]!, a.tokens[run.from]!.start);
    if (person && existing?.key !== person) resolved.push(makeCandidate(a.text, a.tokens, run.from, run.to, 'person', 'coref', { key: person }));
    else if (existing) resolved.push(existing);
  });
  return resolved;
}

/** "Depsang and Demchok", "Itamar Ben-Gvir and Bezalel Smotrich": coordinated names share a type. */
function coordinatedType(a: Analysis, run: Run, endingAt: Map<number, EntityType>): EntityType | null {
  const conj = a.tokens[run.from - 1]?.text;
  if (conj !== 'and' && conj !== 'or') return null;
  const type = endingAt.get(run.from - 2);
  if (type === 'person') return run.to - run.from >= 2 && a.tokens[run.from - 3]?.kind === 'word' ? 'person' : null;
  return type === 'place' || type === 'organization' ? type : null;
}
