import { useEffect, useRef } from 'react';
import { isCommandKey } from '../commands/keymap';
import { isMac, shortcutLabel } from '../ui/shortcuts';

/** The comment of a highlight, saved as the analyst types. */
export function CommentEditor({ value, onChange, onDone }: { value: string; onChange(v: string): void; onDone(): void }) {
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
        aria-label="Comment"
        dir="auto"
        placeholder="Why does this passage matter?"
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
      <p className="hint">Saved as you type · {shortcutLabel('finish-comment')} or Esc to finish</p>
    </div>
  );
}
