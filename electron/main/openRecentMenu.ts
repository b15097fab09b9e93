import type { MenuItemConstructorOptions } from 'electron';

/** What File › Open Recent lists, and what its items do. */
export interface RecentMenu {
  /** Most recent first; the open workspace among them. */
  workspaces: readonly { path: string; name: string; missing: boolean }[];
  /** The open workspace's folder (shown checked, not offered again). */
  current: string | null;
  open(path: string): void;
  clear(): void;
}

/**
 * File › Open Recent: one item per recent workspace (a missing one shown but disabled), then
 * "Clear Recently Opened". Built anew whenever the list changes: Electron menus are immutable.
 */
export function openRecentMenu(recent: RecentMenu): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = recent.workspaces.map((w) => ({
    // `&` would be read as a mnemonic on Windows and Linux: doubled, it shows as itself.
    label: `${w.name.replaceAll('&', '&&')} — ${w.path.replaceAll('&', '&&')}${w.missing ? ' (missing)' : ''}`,
    type: 'checkbox',
    checked: w.path === recent.current,
    enabled: !w.missing && w.path !== recent.current,
    click: () => recent.open(w.path),
  }));
  const others = recent.workspaces.filter((w) => w.path !== recent.current).length;
  return {
    label: 'Open &Recent',
    submenu: [
      ...(items.length > 0 ? items : [{ label: 'No recent workspaces', enabled: false }]),
      { type: 'separator' },
      { label: '&Clear Recently Opened', enabled: others > 0, click: () => recent.clear() },
    ],
  };
}
