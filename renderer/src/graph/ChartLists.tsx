import { memo } from 'react';
import type { GraphData } from '../../../electron/common/model/graph';
import { useTranslation } from 'react-i18next';
import { RelationLabel } from '../ui/RelationLabel';

/** Long lists would cost what the chart saves: past this, the analyst narrows the filters. */
const SHOWN = 200;

interface Props {
  data: GraphData;
  selectedEdgeId: string | null;
  onOpenNode(id: string): void;
  onSelectEdge(id: string): void;
}

/** The chart as lists: the keyboard's and the screen reader's way to every node and edge. */
export const ChartLists = memo(function ChartLists({ data, selectedEdgeId, onOpenNode, onSelectEdge }: Props) {
  const { t } = useTranslation();
  const names = new Map(data.nodes.map((n) => [n.id, n.label]));
  return (
    <>
      <details className="chart-list">
        <summary>{t('graph:entitiesOnTheChart', { length: data.nodes.length })}</summary>
        <ul>
          {data.nodes.slice(0, SHOWN).map((n) => (
            <li key={n.id}>
              <button type="button" className="link" dir="auto" onClick={() => onOpenNode(n.id)}>
                {n.label}
              </button>
            </li>
          ))}
        </ul>
        {data.nodes.length > SHOWN && <p className="muted small">{t('graph:andMoreNarrowTheFilters', { value: data.nodes.length - SHOWN })}</p>}
      </details>
      <details className="chart-list">
        <summary>{t('graph:relationshipsOnTheChart', { length: data.edges.length })}</summary>
        <ul>
          {data.edges.slice(0, SHOWN).map((e) => (
            <li key={e.id}>
              <button type="button" className="link" aria-pressed={e.id === selectedEdgeId} onClick={() => onSelectEdge(e.id)}>
                <span dir="auto">{names.get(e.source)}</span> <RelationLabel label={e.label} /> <span dir="auto">{names.get(e.target)}</span>
              </button>
            </li>
          ))}
        </ul>
        {data.edges.length > SHOWN && <p className="muted small">{t('graph:andMoreNarrowTheFilters', { value: data.edges.length - SHOWN })}</p>}
      </details>
    </>
  );
});
