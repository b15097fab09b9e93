import { TYPE_SHAPES } from './chartStyle';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, typeName } from '../i18n/i18n';

/** Shapes and colours of the chart in words: colour is never the only thing that tells a type. */
export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <section className="chart-legend" aria-labelledby="chart-legend-title">
      <h2 id="chart-legend-title">{t('graph:legend')}</h2>
      <ul>
        {ENTITY_TYPES.map((type) => (
          <li key={type}>
            <span className={`shape-swatch shape-${TYPE_SHAPES[type]} type-${type}`} aria-hidden="true" />
            {typeName(type)} <span className="muted small">({t(`graph:shape.${TYPE_SHAPES[type]}`)})</span>
          </li>
        ))}
        <li>
          <span className="line-swatch pinned-swatch" aria-hidden="true" />
          {t('graph:doubleOutlinePinnedWhereYou')}
        </li>
        <li>
          <span className="line-swatch flagged-swatch" aria-hidden="true" />
          {t('graph:dashedRedNoEvidenceLeft')}
        </li>
      </ul>
    </section>
  );
}
