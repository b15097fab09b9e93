import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  at: { x: number; y: number };
  name: string;
  pinned: boolean;
  onOpen(): void;
  onFocus(): void;
  onUnpin(): void;
  onClose(): void;
}

/** A node's right-click menu: open it, centre the chart on it, or let the layout place it again. */
export function NodeMenu({ at, name, pinned, onOpen, onFocus, onUnpin, onClose }: Props) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      returnTo?.focus?.();
    };
  }, [onClose]);
  const run = (action: () => void) => () => {
    action();
    onClose();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
  };
  return (
    <div ref={menu} className="node-menu" role="menu" aria-label={name} style={{ left: at.x, top: at.y }} onKeyDown={onKeyDown}>
      <button type="button" role="menuitem" onClick={run(onOpen)}>
        {t('graph:open', { name })}
      </button>
      <button type="button" role="menuitem" onClick={run(onFocus)}>
        {t('graph:showAround', { name })}
      </button>
      {pinned && (
        <button type="button" role="menuitem" onClick={run(onUnpin)}>
          {t('graph:unpin')}
        </button>
      )}
    </div>
  );
}
