import { useEffect, useEffectEvent } from 'react';
import type { CommandId } from '../../../electron/common/commands';
import { onEvent, tellShell, transportKind } from '../api';
import { useCommand, useCommands } from '../commands/CommandProvider';
import { isEditingText } from '../ui/shortcuts';
import { contextMenuRequest, NOTE_TEXT, READER_TEXT } from './contextMenuRequest';

/**
 * The window's side of the desktop shell (Electron only; the browser keeps its own context menu
 * and has no shell): files the system asked Dossier to open arrive here and go through the same
 * import as the File › Import… dialog, once the window says it is ready for them; a right-click
 * asks the shell for a native menu fitting what is under the pointer.
 */
export function useDesktopShell(importFiles: (files: File[]) => Promise<void>): void {
  const commands = useCommands();
  const available = useEffectEvent((id: CommandId) => commands.available(id));
  // The shell's own commands, so the palette runs them as the menu does; in the browser nothing binds them.
  useCommand('check-updates', () => tellShell({ kind: 'run', command: 'check-updates' }), transportKind === 'electron');

  useEffect(() => {
    if (transportKind !== 'electron') return;
    const off = onEvent('app.openFiles', ({ files }) => {
      void importFiles(files.map(({ name, base64 }) => new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name)));
    });
    // Files opened before the window could take them are sent now.
    tellShell({ kind: 'ready' });
    return off;
  }, [importFiles]);

  useEffect(() => {
    if (transportKind !== 'electron') return;
    const onContextMenu = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const field = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
      const selectedText = field ? field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0) : (window.getSelection()?.toString() ?? '');
      const request = contextMenuRequest(
        { editable: isEditingText(target) || !!target?.closest('[contenteditable="true"]'), inReader: !!target?.closest(READER_TEXT), inNote: !!target?.closest(NOTE_TEXT), selectedText },
        available,
      );
      if (!request.editable && !request.selection) return;
      event.preventDefault();
      tellShell(request);
    };
    window.addEventListener('contextmenu', onContextMenu);
    return () => window.removeEventListener('contextmenu', onContextMenu);
  }, []);
}
