import type { Literal } from 'mdast';
import type { Info, Options, State } from 'mdast-util-to-markdown';

/**
 * `[[Name]]`, as Obsidian links a page: how an entity mention reads in Markdown. CommonMark has no
 * such construct, so a mention is a node of its own in the syntax tree and only this handler
 * writes its brackets. Text that merely looks like one (`[[x]]` typed in a comment) is a text
 * node, whose brackets the serialiser escapes, so a wikilink can come from a mention and nowhere
 * else.
 */
export interface WikiLink extends Literal {
  type: 'wikiLink';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
  }
}

declare module 'mdast-util-to-markdown' {
  interface ConstructNameMap {
    wikiLink: 'wikiLink';
  }
}

export function wikiLink(name: string): WikiLink {
  return { type: 'wikiLink', value: name };
}

/**
 * Brackets and pipes would end the link early (or add an alias), so a name loses them; what is
 * left goes through the serialiser's escaping like any text, so `<b>` or `*` in a name stay text.
 */
function handle(node: WikiLink, _parent: unknown, state: State, info: Info): string {
  const name = node.value.replace(/[[\]|]/g, '').replace(/\s+/g, ' ').trim();
  const exit = state.enter('wikiLink');
  const value = state.safe(name, { ...info, before: '[[', after: ']]' });
  exit();
  return `[[${value}]]`;
}

// What comes before a wikilink sees a `[` next (`!` before it would make an image of it).
handle.peek = () => '[';

/**
 * The to-markdown extension that writes wikilinks. User text cannot open one: the serialiser
 * escapes every `[` of a text node.
 */
export const wikiLinkToMarkdown: Options = {
  handlers: { wikiLink: handle },
  unsafe: [
    // `[^1]` inside the brackets would read as a call of one of our footnotes.
    { character: '^', before: '\\[', inConstruct: 'wikiLink' },
  ],
};
