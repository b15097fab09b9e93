import { describe, expect, it } from 'vitest';
import { closeBidi, initialsOf, isoDay, isRtl, safeLink, xmlSafe } from './docxText';

describe('xmlSafe', () => {
  it('drops what XML 1.0 cannot carry and keeps every other character', () => {
    expect(xmlSafe('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\uFFFEh\uFFFFi')).toBe('abcdefghi');
    expect(xmlSafe('lone \uD800 high, lone \uDC00 low')).toBe('lone  high, lone  low');
    expect(xmlSafe('tab\there, emoji 😀, Arabic عربي, <script>]]>&')).toBe('tab\there, emoji 😀, Arabic عربي, <script>]]>&');
    expect(xmlSafe('\u202Eright-to-left override')).toBe('\u202Eright-to-left override');
  });

  it('turns CR and CRLF into LF', () => {
    expect(xmlSafe('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree\n');
  });
});

describe('closeBidi', () => {
  it('closes what the text opens, so it cannot reorder what follows it', () => {
    expect(closeBidi('evil \u202Eelif.exe')).toBe('evil \u202Eelif.exe\u202C');
    expect(closeBidi('\u202B\u202Dab')).toBe('\u202B\u202Dab\u202C\u202C');
    expect(closeBidi('\u2067x\u202Ey')).toBe('\u2067x\u202Ey\u202C\u2069');
    // A PDI closes the embeddings inside its isolate too.
    expect(closeBidi('\u2067x\u202Ey\u2069z')).toBe('\u2067x\u202Ey\u2069z');
  });

  it('leaves balanced and plain text alone', () => {
    expect(closeBidi('\u202Eab\u202C')).toBe('\u202Eab\u202C');
    expect(closeBidi('\u202Cstray')).toBe('\u202Cstray');
    expect(closeBidi('التعاون')).toBe('التعاون');
  });
});

describe('isRtl', () => {
  it('follows the first strongly directional letter', () => {
    expect(isRtl('التعاون الدفاعي')).toBe(true);
    expect(isRtl('«שלום» and more')).toBe(true);
    expect(isRtl('2025: التعاون')).toBe(true);
    expect(isRtl('Translation: التعاون')).toBe(false);
    expect(isRtl('1234 — …')).toBe(false);
    expect(isRtl('')).toBe(false);
  });
});

describe('safeLink', () => {
  it('keeps web and mail addresses, normalised', () => {
    expect(safeLink('https://example.org/a b?x=<1>')).toBe('https://example.org/a%20b?x=%3C1%3E');
    expect(safeLink('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });

  it('refuses other schemes and what is not a URL', () => {
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('file:///etc/passwd')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
    expect(safeLink('')).toBeNull();
  });
});

describe('initialsOf and isoDay', () => {
  it('gives Word short initials and plain dates', () => {
    expect(initialsOf('R. Analyst')).toBe('RA');
    expect(initialsOf('Jean-Luc de la Tour')).toBe('JLD');
    expect(initialsOf('م. العلي')).toBe('ما');
    expect(initialsOf('  ')).toBe('?');
    expect(isoDay('2025-06-03T08:15:00.000Z')).toBe('2025-06-03');
    expect(isoDay('yesterday')).toBe('yesterday');
  });
});
