import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Tags as removable chips plus a field: Enter or comma adds one. */
export function TagEditor({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const { t } = useTranslation();
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
        {t('annotations:tags')}
      </span>
      <ul className="tags" aria-labelledby="tags-label">
        {tags.map((tag) => (
          <li key={tag} className="chip tag">
            {tag}
            <button type="button" aria-label={t('annotations:removeTag', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        aria-label={t('annotations:addATag')}
        placeholder={t('annotations:addATag2')}
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
