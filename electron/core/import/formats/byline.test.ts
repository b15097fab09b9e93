import { describe, expect, it } from 'vitest';
import { isBylineParagraph } from './byline';

describe('isBylineParagraph', () => {
  it('recognises the byline as a page writes it', () => {
    for (const line of ['Ines Calloway', 'By Ines Calloway', 'by ines calloway.', 'BY  INES CALLOWAY', 'Written by: Ines Calloway', 'By Ines Calloway, transport correspondent', 'By Ines Calloway | Kestrel Bay', 'By Ines Calloway — Staff writer']) {
      expect(isBylineParagraph(line, 'Ines Calloway'), line).toBe(true);
    }
    expect(isBylineParagraph('By Ines Calloway and Tomasz Ferrier', 'Ines Calloway and Tomasz Ferrier')).toBe(true);
    expect(isBylineParagraph('By Ines Calloway, transport correspondent', 'By Ines Calloway, transport correspondent')).toBe(true);
  });

  it('keeps a sentence that only mentions the author, and any line when the author is unknown', () => {
    expect(isBylineParagraph('Ines Calloway said the ferry would run all night.', 'Ines Calloway')).toBe(false);
    expect(isBylineParagraph('Ines Calloway, who wrote the report, said. It is late.', 'Ines Calloway')).toBe(false);
    expect(isBylineParagraph('By Tomasz Ferrier', 'Ines Calloway')).toBe(false);
    expect(isBylineParagraph('By Ines Calloway', undefined)).toBe(false);
    expect(isBylineParagraph(`By Ines Calloway, ${'x'.repeat(200)}`, 'Ines Calloway')).toBe(false);
  });
});

