import {
  CREDIBILITY_LABELS,
  RELIABILITY_LABELS,
  type Grading,
} from '../../../electron/common/model/annotation';

const RELIABILITY = Object.keys(RELIABILITY_LABELS) as Grading['reliability'][];
const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

/** Admiralty code as a compact badge, "B2", with its meaning for screen readers and on hover. */
export function GradingBadge({ grading }: { grading: Grading }) {
  const meaning = `Source ${RELIABILITY_LABELS[grading.reliability].toLowerCase()}; information ${CREDIBILITY_LABELS[grading.credibility].toLowerCase()}`;
  return (
    <span className={`chip grading grading-${grading.reliability}`} title={meaning} aria-label={`Grading ${grading.reliability}${grading.credibility}: ${meaning}`}>
      {grading.reliability}
      {grading.credibility}
    </span>
  );
}

export function GradingPicker({ value, onChange }: { value: Grading | null; onChange(g: Grading | null): void }) {
  return (
    <fieldset className="grading-picker">
      <legend>Source grading (Admiralty code)</legend>
      <label>
        Source reliability
        <select
          value={value?.reliability ?? ''}
          onChange={(e) =>
            onChange(e.target.value ? { reliability: e.target.value as Grading['reliability'], credibility: value?.credibility ?? 6 } : null)
          }
        >
          <option value="">Not graded</option>
          {RELIABILITY.map((r) => (
            <option key={r} value={r}>
              {r} — {RELIABILITY_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Information credibility
        <select
          value={value?.credibility ?? ''}
          disabled={!value}
          onChange={(e) => value && onChange({ ...value, credibility: Number(e.target.value) as Grading['credibility'] })}
        >
          {!value && <option value="">—</option>}
          {CREDIBILITY.map((c) => (
            <option key={c} value={c}>
              {c} — {CREDIBILITY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
