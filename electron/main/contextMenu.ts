import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, type CommandId } from '../common/commands';
import type { ShellMessage } from '../common/contract';
import { menuTranslator, type Translate } from './menuLanguage';

export type ContextMenuRequest = Extract<ShellMessage, { kind: 'contextMenu' }>;

/**
 * The registry commands a context menu may offer, in the order shown, with the catalog key of a label and mnemonic
 * shorter than the palette's titles. The window says which of them apply where the pointer is
 * (the reader's selection, a note); the rest of the menu comes from Chromium's own edit roles.
 */
export const CONTEXT_COMMANDS: Partial<Record<CommandId, string>> = {
  highlight: 'menu:contextHighlight',
  cite: 'menu:contextCite',
  'link-entity': 'menu:contextLinkEntity',
  'link-entities': 'menu:contextLinkEntities',
  'note-link-entity': 'menu:contextLinkEntity',
  'note-cite-passage': 'menu:contextCitePassage',
};

/**
 * The menu for a right-click: Cut/Copy/Paste as the place allows, in their usual first place,
 * then the window's own commands that apply there (on selected words of an article: highlight,
 * cite, link; on words selected in a note: link to an entity). Empty when nothing applies (a right-click on a blank part of a panel), so no
 * empty menu pops up.
 */
export function contextMenuTemplate(
  request: Omit<ContextMenuRequest, 'kind'>,
  mac: boolean,
  send: (command: CommandId) => void,
  t: Translate = menuTranslator(),
): MenuItemConstructorOptions[] {
  const own: MenuItemConstructorOptions[] = request.commands
    .filter((id) => CONTEXT_COMMANDS[id] !== undefined)
    .map((id) => ({
      label: t(CONTEXT_COMMANDS[id]!),
      accelerator: acceleratorOf(id, mac),
      // The window's keyboard map owns the keys; the menu only shows them.
      registerAccelerator: false,
      click: () => send(id),
    }));
  const edit: MenuItemConstructorOptions[] = request.editable
    ? [
        { role: 'cut', label: t('menu:cut'), enabled: request.selection },
        { role: 'copy', label: t('menu:copy'), enabled: request.selection },
        { role: 'paste', label: t('menu:paste') },
        { type: 'separator' },
        { role: 'selectAll', label: t('menu:contextSelectAll') },
      ]
    : request.selection
      ? [{ role: 'copy', label: t('menu:copy') }]
      : [];
  if (own.length === 0 || edit.length === 0) return [...edit, ...own];
  return [...edit, { type: 'separator' }, ...own];
}
