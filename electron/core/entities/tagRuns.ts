import nlp from 'compromise';
import type { EntityType } from '../../common/model/entityType';
import type { Analysis } from './analysis';
import { spanText } from './candidate';
import { installFastSweep } from './fastSweep';
import { taggerMayReadName } from './taggerClues';
import { sentencesAround } from './taggerInput';
import type { Run } from './residualRuns';

// Same matches as compromise's own sweep, in half the time (see fastSweep.ts).
installFastSweep(nlp);

/** compromise's reading of a run: a type, "an adjective of a region" (European), or nothing. */
export type Reading = EntityType | 'demonym' | null;

const WINDOW = 4;
const SEPARATOR = '\n\n';
/** Beyond this many distinct unexplained runs (a pathological text), the rest go without compromise. */
const MAX_TAGGED_RUNS = 3000;

/**
 * compromise's reading of each distinct run, from its first occurrence with a few words of
 * context. All windows go through compromise in one call, separated by blank lines: a call costs
 * about 0.3 ms of fixed overhead, so one call per run would dominate a long article. Runs `ask`
 * rejects keep an empty reading without being shown to compromise (tests ask about every run).
 */
export function tagRuns(a: Analysis, runs: readonly Run[], ask: (a: Analysis, run: Run) => boolean = taggerMayReadName): Map<string, Reading> {
  const readings = new Map<string, Reading>();
  const spans: { surface: string; start: number; end: number }[] = [];
  const parts: string[] = [];
  let length = 0;
  let taken = 0;
  for (const run of runs) {
    const surface = spanText(a.text, a.tokens, run.from, run.to);
    if (readings.has(surface) || taken >= MAX_TAGGED_RUNS) continue;
    readings.set(surface, null);
    taken++;
    // Nothing compromise could read here (taggerClues.ts): the reading stays empty.
    if (!ask(a, run)) continue;
    const from = Math.max(0, run.from - WINDOW);
    const to = Math.min(a.tokens.length, run.to + WINDOW);
    const offset = a.tokens[from]!.start;
    const window = a.text.slice(offset, a.tokens[to - 1]!.end).replace(/\n/gu, ' ');
    spans.push({ surface, start: length + a.tokens[run.from]!.start - offset, end: length + a.tokens[run.to - 1]!.end - offset });
    parts.push(window);
    length += window.length + SEPARATOR.length;
  }
  if (spans.length === 0) return readings;
  const input = sentencesAround(parts.join(SEPARATOR), spans);
  const doc = nlp(input.text).json({ offset: true, terms: { offset: true } }) as { terms: { offset: { start: number }; tags: string[] }[] }[];
  const terms = doc.flatMap((sentence) => sentence.terms).sort((x, y) => x.offset.start - y.offset.start);
  let k = 0;
  spans.forEach((span, i) => {
    const { start, end } = input.spans[i]!;
    while (k < terms.length && terms[k]!.offset.start < start) k++;
    const tags = new Set<string>();
    for (let j = k; j < terms.length && terms[j]!.offset.start < end; j++) for (const t of terms[j]!.tags) tags.add(t);
    readings.set(span.surface, readingOf(tags));
  });
  return readings;
}

function readingOf(tags: Set<string>): Reading {
  if (tags.has('Demonym')) return 'demonym';
  if (tags.has('Person') && !tags.has('Place') && !tags.has('Organization')) return 'person';
  if (tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')) return 'place';
  if (tags.has('Organization') || tags.has('SportsTeam')) return 'organization';
  return null;
}
