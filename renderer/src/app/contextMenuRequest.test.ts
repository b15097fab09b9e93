import { describe, expect, it } from 'vitest';
import type { CommandId } from '../../../electron/common/commands';
import { contextMenuRequest } from './contextMenuRequest';

const all = () => true;

describe('contextMenuRequest', () => {
  it("offers the reader's commands on words selected in the article, those bound now only", () => {
    expect(contextMenuRequest({ editable: false, inReader: true, selectedText: 'the strait' }, all)).toEqual({
      kind: 'contextMenu',
      editable: false,
      selection: true,
      commands: ['highlight', 'cite', 'link-entity', 'link-entities'],
    });
    const bound = new Set<CommandId>(['highlight', 'cite']);
    expect(contextMenuRequest({ editable: false, inReader: true, selectedText: 'the strait' }, (id) => bound.has(id)).commands).toEqual(['highlight', 'cite']);
  });

  it('offers no reader command outside the article, in a field, or without a selection', () => {
    expect(contextMenuRequest({ editable: false, inReader: false, selectedText: 'a card' }, all)).toMatchObject({ selection: true, commands: [] });
    expect(contextMenuRequest({ editable: true, inReader: true, selectedText: 'typed' }, all)).toMatchObject({ editable: true, commands: [] });
    expect(contextMenuRequest({ editable: false, inReader: true, selectedText: '  \n' }, all)).toMatchObject({ selection: false, commands: [] });
  });

  it('offers linking to an entity and citing a passage in a note, as its editor allows', () => {
    expect(contextMenuRequest({ editable: true, inReader: false, inNote: true, selectedText: 'Rajnath Singh' }, all)).toEqual({
      kind: 'contextMenu',
      editable: true,
      selection: true,
      commands: ['note-link-entity', 'note-cite-passage'],
    });
    expect(contextMenuRequest({ editable: true, inReader: false, inNote: true, selectedText: 'x' }, () => false).commands).toEqual([]);
    // At a bare caret the editor binds citing only.
    const atCaret = new Set<CommandId>(['note-cite-passage']);
    expect(contextMenuRequest({ editable: true, inReader: false, inNote: true, selectedText: '' }, (id) => atCaret.has(id))).toMatchObject({ selection: false, commands: ['note-cite-passage'] });
    // A comment box or a search field is no note.
    expect(contextMenuRequest({ editable: true, inReader: false, inNote: false, selectedText: 'x' }, all).commands).toEqual([]);
  });
});
