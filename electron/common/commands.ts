/**
 * Every user action Dossier names: its id, title, default keys and where it shows in the menu.
 * Pure data, so the Electron menu (main), the renderer's keyboard map and the command palette
 * are built from the same list and cannot drift apart. The renderer binds the handlers.
 *
 * Keys are written `Mod+Shift+H`: `Mod` is ⌘ on macOS and Ctrl elsewhere; the first key of a
 * list is the one shown, the others are accepted too (Redo: ⌘⇧Z and Ctrl+Y both work).
 */

/**
 * Where a command's keys are handled:
 * - `window`: the renderer's one keyboard map, anywhere in the window;
 * - `editor`: inside a Lexical editor, by Lexical itself (its history owns Ctrl/Cmd+Z there);
 * - `comment`, `reply`: inside a highlight's comment box, or a reply box;
 * - `reader`: with the article text focused (caret browsing), by the reader itself.
 * - `library`: on the focused article of the library list (Delete and F2 act on that article).
 * - `mentions`: on the reader's list of entity mentions (one tab stop after the text; the arrows
 *   go from mention to mention, painted in the text).
 * A key may mean one thing per context: Ctrl/Cmd+Z is Dossier's undo in the window and the
 * editor's own undo inside a note.
 */
export type CommandContext = 'window' | 'editor' | 'comment' | 'reply' | 'reader' | 'library' | 'mentions';

/**
 * When a command applies:
 * - `always`;
 * - `outsideTextField`: not while typing in a field or editor, where the keys belong to the field;
 * - `articleOpen`: an article is open in the reader;
 * - `readerSelection`: words are selected in the article.
 */
export type CommandWhen = 'always' | 'outsideTextField' | 'articleOpen' | 'readerSelection';

export type MenuName = 'file' | 'edit' | 'view' | 'help';

export interface CommandSpec {
  title: string;
  context: CommandContext;
  when: CommandWhen;
  /** Default keys, first shown; `mac` replaces `keys` on macOS when given. */
  keys?: readonly string[];
  mac?: readonly string[];
  /** Its place in the application menu: the menu, a group (separators between groups) and a label with its mnemonic. */
  menu?: { name: MenuName; group: number; label: string };
}

export const COMMANDS = {
  'new-note': {
    title: 'New note',
    context: 'window',
    when: 'always',
    keys: ['Mod+Alt+N'],
    menu: { name: 'file', group: 0, label: '&New note' },
  },
  import: {
    title: 'Import articles…',
    context: 'window',
    when: 'always',
    keys: ['Mod+O'],
    menu: { name: 'file', group: 0, label: '&Import…' },
  },
  export: {
    title: 'Export article…',
    context: 'window',
    when: 'articleOpen',
    keys: ['Mod+E'],
    menu: { name: 'file', group: 0, label: '&Export article…' },
  },
  backups: {
    title: 'Backups…',
    context: 'window',
    when: 'always',
    menu: { name: 'file', group: 1, label: '&Backups…' },
  },
  workspaces: {
    title: 'Workspaces…',
    context: 'window',
    when: 'always',
    keys: ['Mod+Shift+O'],
    menu: { name: 'file', group: 2, label: '&Workspaces…' },
  },
  'lock-workspace': {
    title: 'Lock workspace',
    context: 'window',
    when: 'always',
    // Mod+L: "lock", and free here (the window has no address bar to focus).
    keys: ['Mod+L'],
    menu: { name: 'file', group: 2, label: '&Lock workspace' },
  },
  undo: {
    title: 'Undo',
    context: 'window',
    when: 'outsideTextField',
    keys: ['Mod+Z'],
    menu: { name: 'edit', group: 0, label: '&Undo' },
  },
  redo: {
    title: 'Redo',
    context: 'window',
    when: 'outsideTextField',
    keys: ['Mod+Y', 'Mod+Shift+Z'],
    mac: ['Mod+Shift+Z', 'Mod+Y'],
    menu: { name: 'edit', group: 0, label: '&Redo' },
  },
  'undo-history': {
    title: 'Undo history…',
    context: 'window',
    when: 'always',
    menu: { name: 'edit', group: 1, label: 'Undo &history…' },
  },
  highlight: {
    title: 'Highlight and comment the selected passage',
    context: 'window',
    when: 'articleOpen',
    keys: ['Mod+Shift+H'],
  },
  comment: {
    title: 'Comment on the selected highlight',
    context: 'window',
    when: 'articleOpen',
  },
  cite: {
    title: 'Cite the selected passage in a note',
    context: 'window',
    when: 'readerSelection',
  },
  'link-entity': {
    title: 'Link the selected passage to an entity…',
    context: 'window',
    when: 'readerSelection',
  },
  'link-entities': {
    title: 'Relate two entities with the selected passage as evidence…',
    context: 'window',
    when: 'readerSelection',
    keys: ['Mod+Shift+L'],
  },
  'note-link-entity': {
    title: 'Link the words selected in the note to an entity…',
    context: 'window',
    when: 'always',
  },
  'note-cite-passage': {
    title: 'Cite a passage…',
    context: 'window',
    when: 'always',
  },
  'article-details': {
    title: 'Article details…',
    context: 'window',
    when: 'articleOpen',
  },
  'find-notes': {
    title: 'Find in notes…',
    context: 'window',
    when: 'always',
    menu: { name: 'edit', group: 2, label: '&Find in notes…' },
  },
  'note-history': {
    title: 'Note history…',
    context: 'window',
    when: 'always',
    // Google Docs' key for its version history; ⌘⌥H alone hides other apps on macOS.
    keys: ['Mod+Alt+Shift+H'],
    menu: { name: 'edit', group: 1, label: 'Note &history…' },
  },
  search: {
    title: 'Search the workspace…',
    context: 'window',
    when: 'always',
    keys: ['Mod+Shift+F'],
    menu: { name: 'edit', group: 2, label: '&Search…' },
  },
  'quick-open': {
    title: 'Go to an article, note, entity or brief…',
    context: 'window',
    when: 'always',
    keys: ['Mod+K'],
    menu: { name: 'view', group: 1, label: '&Go to…' },
  },
  'open-entities': {
    title: 'Open the entities',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 0, label: '&Entities' },
  },
  'open-notes': {
    title: 'Open the notes',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 0, label: '&Notes' },
  },
  'open-briefs': {
    title: 'Open the briefs',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 0, label: '&Briefs' },
  },
  'open-timeline': {
    title: 'Open the timeline',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 0, label: '&Timeline' },
  },
  'open-graph': {
    title: 'Open the link chart',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 0, label: '&Link chart' },
  },
  'article-rename': {
    title: 'Rename article…',
    context: 'library',
    when: 'always',
    keys: ['F2'],
  },
  'article-archive': {
    title: 'Archive article',
    context: 'library',
    when: 'always',
  },
  'article-trash': {
    title: 'Move article to trash',
    context: 'library',
    when: 'always',
    keys: ['Delete'],
    // Finder's key for "Move to Trash"; the Delete key of a full keyboard works too.
    mac: ['Mod+Backspace', 'Delete'],
  },
  'open-trash': {
    title: 'Open the trash',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 0, label: 'T&rash' },
  },
  'finish-comment': {
    title: 'Finish the comment',
    context: 'comment',
    when: 'always',
    keys: ['Mod+Enter'],
  },
  'post-reply': {
    title: 'Post the reply',
    context: 'reply',
    when: 'always',
    keys: ['Mod+Enter'],
  },
  'editor-undo': {
    title: 'Undo typing',
    context: 'editor',
    when: 'always',
    keys: ['Mod+Z'],
  },
  'editor-redo': {
    title: 'Redo typing',
    context: 'editor',
    when: 'always',
    keys: ['Mod+Y', 'Mod+Shift+Z'],
    mac: ['Mod+Shift+Z', 'Mod+Y'],
  },
  /** Handled by the Electron shell itself (electron/main/updates.ts): never automatic, and off in offline builds. */
  'check-updates': {
    title: 'Check for updates…',
    context: 'window',
    when: 'always',
    menu: { name: 'help', group: 1, label: 'Check for &Updates…' },
  },
  'editor-bold': { title: 'Bold', context: 'editor', when: 'always', keys: ['Mod+B'] },
  'editor-italic': { title: 'Italic', context: 'editor', when: 'always', keys: ['Mod+I'] },
  'editor-underline': { title: 'Underline', context: 'editor', when: 'always', keys: ['Mod+U'] },
  'command-palette': {
    title: 'Command palette…',
    context: 'window',
    when: 'always',
    keys: ['Mod+Shift+P'],
    menu: { name: 'view', group: 1, label: '&Command palette…' },
  },
  // A bare `?` types a question mark in a field: there the keymap leaves it to the field.
  shortcuts: {
    title: 'Keyboard shortcuts',
    context: 'window',
    when: 'always',
    keys: ['F1', '?'],
    menu: { name: 'help', group: 0, label: '&Keyboard shortcuts' },
  },
  find: {
    title: 'Find in the article…',
    context: 'window',
    when: 'articleOpen',
    keys: ['Mod+F'],
    menu: { name: 'edit', group: 3, label: '&Find…' },
  },
  'find-next': {
    title: 'Find the next match',
    context: 'window',
    when: 'articleOpen',
    keys: ['F3', 'Mod+G'],
    mac: ['Mod+G', 'F3'],
    menu: { name: 'edit', group: 3, label: 'Find &next' },
  },
  'find-previous': {
    title: 'Find the previous match',
    context: 'window',
    when: 'articleOpen',
    keys: ['Shift+F3', 'Mod+Shift+G'],
    mac: ['Mod+Shift+G', 'Shift+F3'],
    menu: { name: 'edit', group: 3, label: 'Find pre&vious' },
  },
  // Caret browsing: with the article text focused, the keyboard moves a caret and selects words.
  'reader-caret': {
    title: 'Move the caret in the article',
    context: 'reader',
    when: 'articleOpen',
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Mod+Home', 'Mod+End'],
  },
  'reader-caret-word': {
    title: 'Move the caret word by word',
    context: 'reader',
    when: 'articleOpen',
    keys: ['Mod+ArrowLeft', 'Mod+ArrowRight'],
    mac: ['Alt+ArrowLeft', 'Alt+ArrowRight'],
  },
  'reader-select': {
    title: 'Select from the caret',
    context: 'reader',
    when: 'articleOpen',
    keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown', 'Shift+Home', 'Shift+End'],
  },
  'reader-select-word': {
    title: 'Select word by word',
    context: 'reader',
    when: 'articleOpen',
    keys: ['Mod+Shift+ArrowRight', 'Mod+Shift+ArrowLeft'],
    mac: ['Alt+Shift+ArrowRight', 'Alt+Shift+ArrowLeft'],
  },
  // The linked entity mentions are one tab stop after the text, a list the arrows move in: the
  // text is painted (CSS Custom Highlight API), so a mention is no element to put the focus on.
  'reader-mentions': {
    title: 'Go to the entity mentions, from the caret on',
    context: 'reader',
    when: 'articleOpen',
    keys: ['Tab'],
  },
  'reader-next-mention': {
    title: 'Next entity mention',
    context: 'mentions',
    when: 'articleOpen',
    keys: ['ArrowDown', 'ArrowRight'],
  },
  'reader-previous-mention': {
    title: 'Previous entity mention',
    context: 'mentions',
    when: 'articleOpen',
    keys: ['ArrowUp', 'ArrowLeft'],
  },
  'mention-ends': {
    title: 'First or last entity mention',
    context: 'mentions',
    when: 'articleOpen',
    keys: ['Home', 'End'],
  },
  'mention-open': {
    title: "Open the mention's entity",
    context: 'mentions',
    when: 'articleOpen',
    keys: ['Enter'],
  },
  'mention-to-text': {
    title: 'Back to the text, the caret at the mention',
    context: 'mentions',
    when: 'articleOpen',
    keys: ['Escape', 'Shift+Tab'],
  },
  'reader-open': {
    title: 'Open the entity mention or highlight at the caret',
    context: 'reader',
    when: 'articleOpen',
    keys: ['Enter'],
  },
  settings: {
    title: 'Settings…',
    context: 'window',
    when: 'always',
    keys: ['Mod+,'],
    // On macOS the application menu holds it, as Preferences/Settings always is there.
    menu: { name: 'file', group: 1, label: 'Se&ttings…' },
  },
  'reader-zoom-in': {
    title: 'Larger text in the reader',
    context: 'window',
    when: 'always',
    keys: ['Mod+='],
    menu: { name: 'view', group: 2, label: 'Reader text &larger' },
  },
  'reader-zoom-out': {
    title: 'Smaller text in the reader',
    context: 'window',
    when: 'always',
    keys: ['Mod+-'],
    menu: { name: 'view', group: 2, label: 'Reader text &smaller' },
  },
  'reader-zoom-reset': {
    title: 'Reader text at its usual size',
    context: 'window',
    when: 'always',
    keys: ['Mod+0'],
    menu: { name: 'view', group: 2, label: 'Reader text usual si&ze' },
  },
  'toggle-library': {
    title: 'Show or hide the library',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 3, label: 'Show or hide the li&brary' },
  },
  'toggle-side-panel': {
    title: 'Show or hide the side panel',
    context: 'window',
    when: 'always',
    menu: { name: 'view', group: 3, label: 'Show or hide the side &panel' },
  },
  /** Records edited on two sides of a team sync, each version to keep (docs/SYNC.md). */
  'sync-conflicts': {
    title: 'Show sync conflicts',
    context: 'window',
    when: 'always',
  },
  /** Handled while the workspace is linked to a team database. */
  'sync-now': {
    title: 'Sync now',
    context: 'window',
    when: 'always',
  },
  /** A workspace the team shares, copied from its database into a new folder (docs/SYNC.md › In the app). */
  'join-team-workspace': {
    title: 'Join a team workspace…',
    context: 'window',
    when: 'always',
    menu: { name: 'file', group: 2, label: '&Join a team workspace…' },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_IDS = Object.keys(COMMANDS) as [CommandId, ...CommandId[]];

export function isCommandId(id: unknown): id is CommandId {
  return typeof id === 'string' && Object.hasOwn(COMMANDS, id);
}

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS[id];
}

/** A key combination as parsed from `Mod+Shift+H`. */
export interface KeyChord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** The key as written: a letter in upper case, or a name such as `Enter`. */
  key: string;
}

export function parseChord(text: string): KeyChord {
  const parts = text.split('+');
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

/** The command's keys on this platform, first the one to show. */
export function commandKeys(id: CommandId, mac: boolean): readonly string[] {
  const spec = commandSpec(id);
  return (mac ? spec.mac : undefined) ?? spec.keys ?? [];
}

/** Keys shown by a sign rather than their name. */
const KEY_LABELS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/** "Ctrl+Shift+H" or "⌘+Shift+H", as shown next to buttons and in the palette. */
export function chordLabel(text: string, mac: boolean): string {
  const { mod, shift, alt, key } = parseChord(text);
  return [mod && (mac ? '⌘' : 'Ctrl'), shift && 'Shift', alt && (mac ? '⌥' : 'Alt'), KEY_LABELS[key] ?? key].filter(Boolean).join('+');
}

/** The label of a command's first key on this platform, or null when it has none. */
export function shortcutOf(id: CommandId, mac: boolean): string | null {
  const first = commandKeys(id, mac)[0];
  return first ? chordLabel(first, mac) : null;
}

/** Electron's accelerator for a command's first key (`CmdOrCtrl+Shift+H`). */
export function acceleratorOf(id: CommandId, mac: boolean): string | undefined {
  const first = commandKeys(id, mac)[0];
  if (!first) return undefined;
  const { mod, shift, alt, key } = parseChord(first);
  return [mod && 'CmdOrCtrl', shift && 'Shift', alt && 'Alt', key].filter(Boolean).join('+');
}

/** The commands shown in one menu, in groups (a separator between two groups), in registry order. */
export function menuGroups(name: MenuName): { id: CommandId; label: string }[][] {
  const groups = new Map<number, { id: CommandId; label: string }[]>();
  for (const id of COMMAND_IDS) {
    const menu = commandSpec(id).menu;
    if (menu?.name !== name) continue;
    groups.set(menu.group, [...(groups.get(menu.group) ?? []), { id, label: menu.label }]);
  }
  return [...groups].sort(([a], [b]) => a - b).map(([, items]) => items);
}
