import { noteContentOf, serializedParagraph, type NoteContent } from '../../../electron/common/model/note';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';

/** The content of a new note that starts with one cited passage, then an empty line to write on. */
export function contentCiting(citation: CitationFields): NoteContent {
  return noteContentOf([serializedParagraph([{ type: 'citation', version: 1, ...citation }]), serializedParagraph()]);
}
