import { RELIABILITY_LABELS, type Grading } from '../../../electron/common/model/annotation';
import { useTranslation } from 'react-i18next';
import { credibilityName, reliabilityName, uiLocale } from '../i18n/i18n';

const RELIABILITY = Object.keys(RELIABILITY_LABELS) as Grading['reliability'][];
const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

/** Admiralty code as a compact badge, "B2", with its meaning for screen readers and on hover. */
export function GradingBadge({ grading }: { grading: Grading }) {
  const { t } = useTranslation();
  const lower = (words: string) => words.toLocaleLowerCase(uiLocale());
  const meaning = t('annotations:gradingMeaning', { reliability: lower(reliabilityName(grading.reliability)), credibility: lower(credibilityName(grading.credibility)) });
  return (
    <span className={`chip grading grading-${grading.reliability}`} title={meaning} aria-label={t('annotations:grading', { reliability: grading.reliability, credibility: grading.credibility, meaning })}>
      {grading.reliability}
      {grading.credibility}
    </span>
  );
}

export function GradingPicker({ value, onChange }: { value: Grading | null; onChange(g: Grading | null): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="grading-picker">
      <legend>{t('annotations:sourceGradingAdmiraltyCode')}</legend>
      <label>
        {t('annotations:sourceReliability')}
        <select
          value={value?.reliability ?? ''}
          onChange={(e) =>
            onChange(e.target.value ? { reliability: e.target.value as Grading['reliability'], credibility: value?.credibility ?? 6 } : null)
          }
        >
          <option value="">{t('annotations:notGraded')}</option>
          {RELIABILITY.map((r) => (
            <option key={r} value={r}>
              {r} — {reliabilityName(r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('annotations:informationCredibility')}
        <select
          value={value?.credibility ?? ''}
          disabled={!value}
          onChange={(e) => value && onChange({ ...value, credibility: Number(e.target.value) as Grading['credibility'] })}
        >
          {!value && <option value="">—</option>}
          {CREDIBILITY.map((c) => (
            <option key={c} value={c}>
              {c} — {credibilityName(c)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
