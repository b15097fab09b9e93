export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+H" or "⌘+Shift+H", as shown next to buttons. */
export function shortcutLabel(key: string, shift = true): string {
  return `${isMac ? '⌘' : 'Ctrl'}+${shift ? 'Shift+' : ''}${key}`;
}

/** True while the user types in a field, where keys such as Ctrl+Z belong to the field. */
export function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type));
}
