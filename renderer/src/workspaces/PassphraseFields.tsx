import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Fewer characters than this, and the hint says the passphrase is short. */
export const SHORT_PASSPHRASE = 12;

/** A new passphrase typed twice, with a hint on its length (the one measure of strength that holds for words and for characters). */
export function NewPassphraseFields({ value, confirm, onChange, label }: { value: string; confirm: string; onChange(value: string, confirm: string): void; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const length = [...value].length;
  const hint = length === 0 ? t('security:hintEmpty') : length < SHORT_PASSPHRASE ? t('security:hintShort', { count: length }) : t('security:hintGood', { count: length });
  const differ = confirm !== '' && confirm !== value;
  return (
    <>
      <label>
        {label ?? t('security:passphrase')}
        <input type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value, confirm)} aria-describedby={`${id}-hint`} required />
      </label>
      <span id={`${id}-hint`} className={`sec-hint${length > 0 && length < SHORT_PASSPHRASE ? ' sec-weak' : ''}`}>
        {hint}
      </span>
      <label>
        {t('security:confirmPassphrase')}
        <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => onChange(value, e.target.value)} aria-invalid={differ} aria-describedby={differ ? `${id}-differ` : undefined} required />
      </label>
      {differ && (
        <span id={`${id}-differ`} className="sec-hint sec-weak">
          {t('security:passphrasesDiffer')}
        </span>
      )}
    </>
  );
}

/** Whether a new passphrase may be used: typed, and the same twice. */
export function passphraseReady(value: string, confirm: string): boolean {
  return value !== '' && value === confirm;
}
