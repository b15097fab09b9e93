import { useEffect, useRef } from 'react';
import { isCommandKey } from '../commands/keymap';
import { isMac, shortcutLabel } from '../ui/shortcuts';
import { useTranslation } from 'react-i18next';

/** The comment of a highlight, saved as the analyst types. */
export function CommentEditor({ value, onChange, onDone }: { value: string; onChange(v: string): void; onDone(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return (
    <div className="comment-editor">
      <textarea
        ref={ref}
        aria-label={t('annotations:comment')}
        dir="auto"
        placeholder={t('annotations:whyDoesThisPassageMatter')}
        value={value}
        rows={3}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || isCommandKey(e, 'finish-comment', isMac)) {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <p className="hint">{t('annotations:savedAsYouTypeOr', { shortcutLabel: shortcutLabel('finish-comment') })}</p>
    </div>
  );
}
