import { useState } from 'react';
import { CommandPalette } from './CommandPalette';
import { useCommand } from './CommandProvider';
import { ShortcutsSheet } from './ShortcutsSheet';

/** The command palette and the shortcuts sheet, each opened by its registry command (keys, menu or the palette). */
export function KeyboardDialogs() {
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  useCommand('command-palette', () => setOpen('palette'));
  useCommand('shortcuts', () => setOpen((now) => (now === 'shortcuts' ? null : 'shortcuts')));
  if (open === 'palette') return <CommandPalette onClose={() => setOpen((now) => (now === 'palette' ? null : now))} />;
  if (open === 'shortcuts') return <ShortcutsSheet onClose={() => setOpen((now) => (now === 'shortcuts' ? null : now))} />;
  return null;
}
