import { analyze } from './analysis';
import type { Candidate } from './types';

/** "text:type" for each candidate, in text order: compact expectations for stage tests. */
export function spans(text: string, candidates: readonly Candidate[]): string[] {
  return [...candidates]
    .filter((c) => !c.blocker)
    .sort((x, y) => x.start - y.start)
    .map((c) => `${text.slice(c.start, c.end)}:${c.type}`);
}

export function run<T>(text: string, stage: (a: ReturnType<typeof analyze>) => T): T {
  return stage(analyze(text));
}
