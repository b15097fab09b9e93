import { ENTITY_TYPE_LABELS, type EntityType } from '../../../electron/common/model/entityType';
import { TYPE_SHAPES } from './chartStyle';

/** Shapes and colours of the chart in words: colour is never the only thing that tells a type. */
export function ChartLegend() {
  return (
    <section className="chart-legend" aria-labelledby="chart-legend-title">
      <h2 id="chart-legend-title">Legend</h2>
      <ul>
        {(Object.keys(ENTITY_TYPE_LABELS) as EntityType[]).map((type) => (
          <li key={type}>
            <span className={`shape-swatch shape-${TYPE_SHAPES[type]} type-${type}`} aria-hidden="true" />
            {ENTITY_TYPE_LABELS[type]} <span className="muted small">({TYPE_SHAPES[type].replace('-', ' ')})</span>
          </li>
        ))}
        <li>
          <span className="line-swatch pinned-swatch" aria-hidden="true" />
          Double outline: pinned where you put it
        </li>
        <li>
          <span className="line-swatch flagged-swatch" aria-hidden="true" />
          Dashed red: no evidence left in the articles
        </li>
      </ul>
    </section>
  );
}
