import { reanchorAll, type AnchorResult } from '../../electron/common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../electron/common/anchoring/textQuote';
import { newsParagraph, newsSentence, newsText } from '../../electron/common/anchoring/testing/newsText';
import { seededRandom } from '../../electron/common/anchoring/testing/random';
import { TrackedText } from '../../electron/common/anchoring/testing/trackedText';

export interface BatchTiming {
  words: number;
  chars: number;
  annotations: number;
  /** What the new version changed, so the figure can be read. */
  edits: string;
  runs: number;
  median_ms: number;
  statuses: Record<AnchorResult['status'], number>;
}

/**
 * reanchorAll for 200 annotations on a 5,000-word article after a typical revision: a paragraph
 * added at the top and one in the middle, a paragraph moved, a few sentences deleted, a handful of
 * typos fixed inside highlighted passages. Median of several runs after one warm-up.
 */
export function timeBatch(seed: number, runs = 9): BatchTiming {
  const random = seededRandom(seed);
  const doc = newsText(random, 5000);
  const words = doc.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.words));
  const selectors = Array.from({ length: 200 }, () => {
    const first = random.int(0, words.length - 13);
    const { start } = words[first]!;
    const { end } = words[first + random.int(1, 12)]!;
    return { quote: quoteSelectorAt(doc.text, start, end), position: positionSelector(start, end) };
  });
  const t = new TrackedText(doc.text);
  const paragraphs = doc.paragraphs;
  const at = (fraction: number) => paragraphs[Math.floor(fraction * paragraphs.length)]!;
  t.insert(0, `${newsParagraph(random)}\n\n`);
  t.insert(at(0.3).start, `${newsParagraph(random)}\n\n`);
  const moved = at(0.15);
  const before = paragraphs[paragraphs.indexOf(moved) - 1]!;
  t.move(moved.start, moved.end, at(0.6).start);
  t.insert(at(0.6).start, '\n\n');
  t.delete(before.end, moved.start);
  for (const fraction of [0.4, 0.5, 0.7, 0.8, 0.9]) {
    const { sentences } = at(fraction);
    if (sentences.length > 1) t.delete(sentences[0]!.start, sentences[1]!.start);
    else t.insert(sentences[0]!.end, ` ${newsSentence(random)}`);
  }
  for (const s of selectors.slice(0, 10)) t.replace(s.position.start + 1, s.position.start + 2, 'q');
  const newText = t.render().text;

  const statuses = { anchored: 0, drifted: 0, orphaned: 0 };
  for (const r of reanchorAll(newText, selectors)) statuses[r.status] += 1;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    reanchorAll(newText, selectors);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    words: words.length,
    chars: doc.text.length,
    annotations: selectors.length,
    edits: '2 paragraphs inserted, 1 moved, 5 sentences deleted or added, typos in 10 highlighted passages',
    runs,
    median_ms: Math.round(times[Math.floor(runs / 2)]! * 10) / 10,
    statuses,
  };
}
