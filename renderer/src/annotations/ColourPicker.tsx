import type { PaletteEntry } from '../../../electron/common/model/palette';
import { useTranslation } from 'react-i18next';

/** Highlight colours as a radio group; each names its meaning, so colour is never the only cue. */
export function ColourPicker({ palette, value, onChange }: { palette: PaletteEntry[]; value: string | null; onChange(key: string | null): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="colour-picker">
      <legend>{t('annotations:colour')}</legend>
      {palette.map((p) => (
        <label key={p.key} className={`swatch-option${value === p.key ? ' checked' : ''}`}>
          <input type="radio" name="colour" value={p.key} checked={value === p.key} onChange={() => onChange(p.key)} />
          <span className={`swatch colour-${p.key}`} aria-hidden="true" />
          {p.label}
        </label>
      ))}
      <label className={`swatch-option${value === null ? ' checked' : ''}`}>
        <input type="radio" name="colour" value="" checked={value === null} onChange={() => onChange(null)} />
        <span className="swatch colour-none" aria-hidden="true" />
        {t('annotations:none')}
      </label>
    </fieldset>
  );
}

export function ColourChip({ entry }: { entry: PaletteEntry }) {
  const { t } = useTranslation();
  return (
    <span className="chip colour-chip" title={t('annotations:colour2', { label: entry.label })}>
      <span className={`swatch colour-${entry.key}`} aria-hidden="true" />
      {entry.label}
    </span>
  );
}
