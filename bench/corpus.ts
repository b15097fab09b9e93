/**
 * A seeded generator of news-like articles, so every run measures the same workspace.
 * Not real articles: vocabulary and shapes only.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of and to in on for with by from at as that this will would could between after before during ' +
  'ministry defence minister meeting talks agreement cooperation security navy army air force exercise ' +
  'officials said stated bilateral regional strategic partnership summit dialogue forces supplies logistics ' +
  'maritime border region government foreign affairs policy trade investment technology co-development ' +
  'manufacturing equipment statement delegation visit sources reported according analysts framework'
).split(' ');
const NAMES = [
  'India', 'Japan', 'Australia', 'Indonesia', 'Vietnam', 'the Philippines', 'France', 'Germany', 'Kenya', 'Brazil',
  'Rajnath Singh', 'Gen Nakatani', 'the Quad', 'ASEAN', 'New Delhi', 'Tokyo', 'Canberra', 'Jakarta', 'the Indo-Pacific',
];

export interface GeneratedArticle {
  name: string;
  text: string;
  words: number;
}

export function generateArticle(random: () => number, index: number, words: number): GeneratedArticle {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let s = 0; s < 3 + Math.floor(random() * 3) && count < words; s++) {
      const length = 12 + Math.floor(random() * 14);
      const parts: string[] = [];
      for (let w = 0; w < length; w++) parts.push(random() < 0.12 ? pick(NAMES) : pick(WORDS));
      count += length;
      const sentence = parts.join(' ');
      sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  return { name: `article-${index}.txt`, text: `date 2025-${month}-${day} ${paragraphs.join('\n\n')}\n`, words: count };
}
