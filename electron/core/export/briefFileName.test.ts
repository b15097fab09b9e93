import { describe, expect, it } from 'vitest';
import { briefFileName } from './briefFileName';

describe('briefFileName', () => {
  it.each([
    ['India and Japan to talk logistics', 'india-and-japan-to-talk-logistics-brief.md'],
    ['India\u2013Japan: \u201CDefence\u201D talks!', 'india-japan-defence-talks-brief.md'],
    ['Caf\u00e9 r\u00e9sum\u00e9 na\u00efve', 'cafe-resume-naive-brief.md'],
    ['../../etc/passwd', 'etc-passwd-brief.md'],
    ['Министр обороны', 'министр-обороны-brief.md'],
    ['中国', '中国-brief.md'],
    ['!!!', 'article-brief.md'],
  ])('%j → %j', (title, expected) => {
    expect(briefFileName(title, 'md')).toBe(expected);
  });

  it('keeps the slug to 60 characters without a trailing dash, and uses the extension given', () => {
    const name = briefFileName(`${'word '.repeat(11)}x${'y'.repeat(40)}`, 'txt');
    const slug = name.replace(/-brief\.txt$/, '');
    expect(name.endsWith('-brief.txt')).toBe(true);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
