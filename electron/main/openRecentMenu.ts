import type { MenuItemConstructorOptions } from 'electron';
import { menuTranslator, type Translate } from './menuLanguage';

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
export function openRecentMenu(recent: RecentMenu, t: Translate = menuTranslator('en')): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = recent.workspaces.map((w) => ({
    // `&` would be read as a mnemonic on Windows and Linux: doubled, it shows as itself.
    label: t(w.missing ? 'menu:recentMissing' : 'menu:recentItem', { name: w.name.replaceAll('&', '&&'), path: w.path.replaceAll('&', '&&') }),
    type: 'checkbox',
    checked: w.path === recent.current,
    enabled: !w.missing && w.path !== recent.current,
    click: () => recent.open(w.path),
  }));
  const others = recent.workspaces.filter((w) => w.path !== recent.current).length;
  return {
    label: t('menu:openRecent'),
    submenu: [
      ...(items.length > 0 ? items : [{ label: t('menu:noRecent'), enabled: false }]),
      { type: 'separator' },
      { label: t('menu:clearRecent'), enabled: others > 0, click: () => recent.clear() },
    ],
  };
}
