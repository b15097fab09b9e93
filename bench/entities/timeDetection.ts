import { detectEntities } from '../../electron/core/entities/detectEntities';

export interface DetectionTiming {
  words: number;
  /** Median of the timed runs, after warm-up runs (the JIT and compromise's caches). */
  median_ms: number;
  min_ms: number;
  runs_ms: number[];
}

/**
 * Times detection on one article of about `targetWords` words, built by repeating the given texts
 * as paragraphs (one long article, so coreference and acronyms span all of it). Machines under load
 * vary a lot; the median of several runs after warm-up is the number to quote.
 */
export function timeDetection(texts: readonly string[], targetWords = 20_000, runs = 9, warmUp = 2): DetectionTiming {
  const parts: string[] = [];
  let words = 0;
  for (let i = 0; words < targetWords && texts.length > 0; i++) {
    const text = texts[i % texts.length]!;
    parts.push(text);
    words += text.split(/\s+/u).length;
  }
  const article = parts.join('\n\n');
  for (let r = 0; r < warmUp; r++) detectEntities(article);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    detectEntities(article);
    times.push(Math.round(performance.now() - t0));
  }
  const sorted = [...times].sort((x, y) => x - y);
  return { words: article.split(/\s+/u).length, median_ms: sorted[Math.floor(sorted.length / 2)]!, min_ms: sorted[0]!, runs_ms: times };
}

/**
 * A worst case for the compromise stage: 20,000 words where nearly every capitalised run is a
 * different invented name, so no per-run cache helps. Seeded, so every run sees the same text.
 */
export function syntheticUniqueNames(targetWords = 20_000): string {
  let seed = 1;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const syllables = ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'no', 'vi', 'da', 're', 'zo', 'bi', 'ta', 'ne', 'go', 'ha'];
  const name = (): string => {
    let s = '';
    const n = 2 + Math.floor(random() * 2);
    for (let i = 0; i < n; i++) s += syllables[Math.floor(random() * syllables.length)];
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const sentences: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const s = `Officials said ${name()} ${name()} met envoys from ${name()} in ${name()} on Monday to discuss the ${name()} ${name()} Agreement and a ${name()} exercise near the ${name()} border.`;
    sentences.push(s);
    words += s.split(' ').length;
  }
  return sentences.join(' ');
}
