import { toHtml } from 'hast-util-to-html';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { domToHast } from './domToHast';

const body = (html: string) => [...new JSDOM(`<body>${html}</body>`).window.document.body.childNodes];

describe('domToHast', () => {
  it('keeps elements, attributes and text, escaped again when written', () => {
    const dom = new JSDOM('<body><p dir="auto" class="a b">x</p></body>').window.document;
    const p = dom.querySelector('p')!;
    p.append(dom.createTextNode('</p><script>alert(1)</script>'));
    p.setAttribute('title', '"><img src=x onerror=alert(1)>');
    expect(toHtml(domToHast([p]))).toBe('<p dir="auto" class="a b" title="&#x22;><img src=x onerror=alert(1)>">x&#x3C;/p>&#x3C;script>alert(1)&#x3C;/script></p>');
  });

  it('keeps out script and style, whose text the serialiser would write as it is, and comments', () => {
    expect(toHtml(domToHast(body('<p>a<script>alert(1)</script><style>p{}</style><!-- c -->b</p>')))).toBe('<p>ab</p>');
  });

  it('keeps only the content of an element whose name hastscript would read as a selector', () => {
    expect(toHtml(domToHast(body('<x-a.b id="i">text</x-a.b>')))).toBe('text');
  });
});
