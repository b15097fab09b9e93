import type { NoteContent } from '../../../electron/common/model/note';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';

/** The content of a new note that starts with one cited passage, in Lexical's serialized form. */
export function contentCiting(citation: CitationFields): NoteContent {
  const paragraph = (children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children });
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        paragraph([{ type: 'citation', version: 1, ...citation }]),
        paragraph([]),
      ],
    },
  };
}
