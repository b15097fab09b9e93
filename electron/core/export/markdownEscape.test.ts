import { describe, expect, it } from 'vitest';
import { inertMarkdown, inline, wikilink } from './markdownEscape';

describe('inline', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a*b*c', 'a\\*b\\*c'],
    ['# h', '\\# h'],
    ['#hashtag', '#hashtag'],
    ['10. October', '10\\. October'],
    ['1990s were', '1990s were'],
    ['- dash', '\\- dash'],
    ['-5 degrees', '-5 degrees'],
    ['## h2', '\\## h2'],
    ['###### h6', '\\###### h6'],
    ['===', '\\==='],
    ['  - - -  ', '  \\- - -  '],
    ['----', '\\----'],
    ['-- a', '-- a'],
    ['a = b', 'a = b'],
    ['back\\slash', 'back\\\\slash'],
    ['Ministers\u2019 Meeting-Plus', 'Ministers\u2019 Meeting-Plus'],
    ['Министр <обороны>', 'Министр \\<обороны\\>'],
  ])('%j → %j', (input, expected) => {
    expect(inline(input)).toBe(expected);
  });
});

describe('wikilink', () => {
  it.each([
    ['Rajnath Singh', '[[Rajnath Singh]]'],
    ['Alpha [beta] | gamma', '[[Alpha beta gamma]]'],
    ['<img src=x onerror=alert(1)>', '[[\\<img src=x onerror=alert(1)\\>]]'],
    ['Two\nlines', '[[Two lines]]'],
  ])('%j → %j', (name, expected) => {
    expect(wikilink(name)).toBe(expected);
  });
});

describe('inertMarkdown', () => {
  it.each([
    ['raw HTML', 'a <script>alert(1)</script> b', 'a \\<script\\>alert(1)\\</script\\> b'],
    ['an HTML block', '<div onclick="x()">\nhi\n</div>', '\\<div onclick="x()"\\>\nhi\n\\</div\\>'],
    ['an image', '![pixel](http://evil.example/x.png)', '\\!\\[pixel](http://evil.example/x.png)'],
    ['a javascript: link', '[click](javascript:alert(1))', '\\[click](javascript:alert(1))'],
    ['an autolink to javascript:', '<javascript:alert(1)>', '\\<javascript:alert(1)>'],
    ['a footnote definition', '[^1]: not ours', '\\[^1]: not ours'],
    ['a footnote reference', 'see[^1]\n\n[^1]: x', 'see\\[^1]\n\n\\[^1]: x'],
    ['a link definition', '[x]: http://evil.example\n\n[x]', '\\[x]: http://evil.example\n\n\\[x]'],
  ])('escapes %s', (_what, input, expected) => {
    expect(inertMarkdown(input, 0)).toBe(expected);
  });

  it('keeps web links, emphasis, lists, quotes and code as they are', () => {
    const md = '**bold** [site](https://example.org) <https://example.org>\n\n- item\n\n> quote\n\n```\n<code>\n```';
    expect(inertMarkdown(md, 0)).toBe(md);
  });

  it('moves headings down by the shift, never past level 6', () => {
    expect(inertMarkdown('# One\n\ntext\n\n### Three\n\n##### Five', 2)).toBe('### One\n\ntext\n\n##### Three\n\n###### Five');
  });
});
