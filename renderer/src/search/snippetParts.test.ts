import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippetParts';

describe('snippetParts', () => {
  it('splits marked words from the text around them', () => {
    expect(snippetParts('the <mark>Navy</mark> and <mark>army</mark>.')).toEqual([
      { text: 'the ', marked: false },
      { text: 'Navy', marked: true },
      { text: ' and ', marked: false },
      { text: 'army', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('un-escapes the three entities into characters, never into markup', () => {
    expect(snippetParts('a &lt;script&gt;x&lt;/script&gt; &amp; <mark>b&amp;c</mark>')).toEqual([
      { text: 'a <script>x</script> & ', marked: false },
      { text: 'b&c', marked: true },
    ]);
  });

  it('un-escapes once: an escaped entity stays an entity as text', () => {
    expect(snippetParts('&amp;lt;mark&amp;gt;')).toEqual([{ text: '&lt;mark&gt;', marked: false }]);
  });

  it('keeps escaped tags that look like marks as text', () => {
    expect(snippetParts('&lt;mark&gt;not a match&lt;/mark&gt;')).toEqual([{ text: '<mark>not a match</mark>', marked: false }]);
  });

  it('joins adjacent marks and drops empty runs', () => {
    expect(snippetParts('<mark>New</mark><mark> Delhi</mark>')).toEqual([{ text: 'New Delhi', marked: true }]);
    expect(snippetParts('')).toEqual([]);
  });

  it('leaves other entities and lone ampersands as they are', () => {
    expect(snippetParts('&quot; & &#60;')).toEqual([{ text: '&quot; & &#60;', marked: false }]);
  });
});
