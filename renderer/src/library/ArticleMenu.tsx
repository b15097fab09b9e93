import { useEffect, useEffectEvent, useRef } from 'react';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { shortcutLabel } from '../ui/shortcuts';
import './libraryManage.css';
import { useTranslation } from 'react-i18next';

interface Props {
  article: ArticleSummary;
  /** Where the menu opens: under its "…" button, or where the library was right-clicked. */
  at: { x: number; y: number };
  onRename(): void;
  onArchive(): void;
  onTrash(): void;
  /** `restoreFocus`: the menu was left from the keyboard, so focus goes back to the article. */
  onClose(restoreFocus: boolean): void;
}

/** An article's actions in the library: Rename…, Archive (or Unarchive), Move to trash. */
export function ArticleMenu({ article, at, onRename, onArchive, onTrash, onClose }: Props) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  const closeOutside = useEffectEvent((event: PointerEvent) => {
    if (!menu.current?.contains(event.target as Node)) onClose(false);
  });
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => closeOutside(event);
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at_ = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (at_ + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  };

  // Kept inside the window: a menu opened near the bottom opens upwards.
  const top = Math.min(at.y, window.innerHeight - 132);
  const left = Math.min(at.x, window.innerWidth - 220);
  const item = (label: string, run: () => void, shortcut?: string, danger = false) => (
    <button
      type="button"
      role="menuitem"
      className={danger ? 'danger' : undefined}
      onClick={() => {
        onClose(false);
        run();
      }}
    >
      <span>{label}</span>
      {shortcut && <kbd>{shortcut}</kbd>}
    </button>
  );
  return (
    <div ref={menu} role="menu" aria-label={t('library:actionsFor', { title: article.title })} className="article-menu" style={{ top, left }} onKeyDown={onKeyDown}>
      {item(t('library:rename2'), onRename, shortcutLabel('article-rename'))}
      {item(article.archived ? t('library:unarchive') : t('library:archive'), onArchive)}
      {item(t('library:moveToTrash'), onTrash, shortcutLabel('article-trash'), true)}
    </div>
  );
}
