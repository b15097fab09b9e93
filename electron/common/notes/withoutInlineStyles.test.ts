import { describe, expect, it } from 'vitest';
import { noteContentOf, serializedParagraph } from '../model/note';
import { everyNodeNote } from './testing/noteFixtures';
import { withoutInlineStyles } from './withoutInlineStyles';

const text = (value: string, style: string) => ({ type: 'text', version: 1, text: value, format: 0, style, mode: 'normal', detail: 0 });

describe('withoutInlineStyles', () => {
  it('empties every style and textStyle, at any depth, keeping the text', () => {
    const paragraph = { ...serializedParagraph([text('leak', 'background-image:url(https://x.invalid/a.png)')]), textStyle: 'color:red' };
    const list = { type: 'list', version: 1, children: [{ type: 'listitem', version: 1, children: [text('deep', 'font-family:l')] }] };
    const cleaned = withoutInlineStyles(noteContentOf([paragraph, list]));
    expect(JSON.stringify(cleaned)).not.toMatch(/url\(|color:red|font-family/);
    expect(JSON.stringify(cleaned)).toContain('"text":"leak"');
    expect(JSON.stringify(cleaned)).toContain('"text":"deep"');
  });

  it('leaves content without styles as it was, and does not touch its input', () => {
    const note = everyNodeNote();
    const before = JSON.stringify(note);
    expect(withoutInlineStyles(note)).toEqual(note);
    const styled = noteContentOf([serializedParagraph([text('x', 'color:red')])]);
    withoutInlineStyles(styled);
    expect(JSON.stringify(styled)).toContain('color:red');
    expect(JSON.stringify(note)).toBe(before);
  });
});
