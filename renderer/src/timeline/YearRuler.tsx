import { rulerMarks } from './eventDates';

interface Props {
  years: readonly { year: number; count: number }[];
  onJump(year: number): void;
}

/**
 * The span of the timeline at a glance: one mark per year holding events, placed by date
 * between the first and the last. The one place that draws an axis, so a fuller zoomable one
 * (a charting library, say) can replace it without the rest of the view knowing.
 */
export function YearRuler({ years, onJump }: Props) {
  if (years.length === 0) return null;
  return (
    <nav className="year-ruler" aria-label="Years">
      <ol>
        {rulerMarks(years).map(({ year, count, left, labelled }) => {
          const events = `${count} ${count === 1 ? 'event' : 'events'}`;
          return (
            <li key={year} style={{ left: `${left}%` }}>
              <button type="button" onClick={() => onJump(year)} aria-label={`${year}, ${events}`} title={`${year}: ${events}`}>
                <span className="tick" aria-hidden="true" />
                <span className={labelled ? 'year' : 'year visually-hidden'}>{year}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
