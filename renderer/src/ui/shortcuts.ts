import { shortcutOf, type CommandId } from '../../../electron/common/commands';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A command's key as shown next to buttons ("Ctrl+Shift+H", "⌘+Shift+H"); empty when it has none. */
export function shortcutLabel(id: CommandId): string {
  return shortcutOf(id, isMac) ?? '';
}

/** "Title (key)" for a button's tooltip. */
export function withShortcut(title: string, id: CommandId): string {
  const key = shortcutLabel(id);
  return key ? `${title} (${key})` : title;
}

/** True while the user types in a field, where keys such as Ctrl+Z belong to the field. */
export function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type));
}
