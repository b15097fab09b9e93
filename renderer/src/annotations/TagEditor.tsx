import { useState } from 'react';

/** Tags as removable chips plus a field: Enter or comma adds one. */
export function TagEditor({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const parts = draft
      .split(',')
      .map((t) => t.trim().replace(/^#+/, ''))
      .filter(Boolean);
    if (parts.length) onChange([...tags, ...parts.filter((p) => !tags.some((t) => t.toLowerCase() === p.toLowerCase()))]);
    setDraft('');
  };
  return (
    <div className="tag-editor">
      <span className="field-label" id="tags-label">
        Tags
      </span>
      <ul className="tags" aria-labelledby="tags-label">
        {tags.map((t) => (
          <li key={t} className="chip tag">
            {t}
            <button type="button" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        aria-label="Add a tag"
        placeholder="Add a tag…"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
      />
    </div>
  );
}
