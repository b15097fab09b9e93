import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { GraphData, GraphExportFormat, GraphFilter, GraphPosition } from '../../../electron/common/model/graph';
import { api, saveFile } from '../api';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { ChartLegend } from './ChartLegend';
import { ChartLists } from './ChartLists';
import { EdgeEvidence } from './EdgeEvidence';
import { GraphFilters } from './GraphFilters';
import { chartRequest, toGraphFilter, type GraphForm } from './graphForm';
import { LinkChart, type LinkChartHandle } from './LinkChart';
import { NodeMenu } from './NodeMenu';
import { countOf } from '../../../electron/common/text/plural';

const NO_PINS: ReadonlyMap<string, boolean> = new Map();

interface Props {
  form: GraphForm;
  onChange(form: GraphForm): void;
}

/**
 * The link chart: who is linked to what, each edge backed by the passages that prove it. Filters
 * narrow it; clicking a node opens the entity, clicking an edge lists its evidence; dragging a node
 * pins it where it was dropped, for every later opening.
 */
export function GraphView({ form, onChange }: Props) {
  const filter = useMemo(() => toGraphFilter(form), [form]);
  /** The filters for which the analyst asked to draw everything of a large graph. */
  const [everythingFor, setEverythingFor] = useState<GraphFilter | null>(null);
  const everything = everythingFor === filter;
  // A large graph opens at its overview: the core sends what is drawn, not 20,000 edges to drop here.
  // The chart drawn stays while another answer loads (a filter changed, everything asked for).
  const graph = useQuery({ ...queries.graph(chartRequest(filter, everything)), placeholderData: keepPreviousData });
  const data = graph.data ?? null;
  const hidden = data && (data.hidden.nodes > 0 || data.hidden.edges > 0) ? data.hidden : null;
  const chart = useRef<LinkChartHandle>(null);
  const { openEntity } = useAppActions();
  const notify = useNotify();
  const [edgeId, setEdgeId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const [layout, setLayout] = useState<{ settled: boolean; firstPaintMs: number | null }>({ settled: false, firstPaintMs: null });
  /** Pins made on this chart since it loaded (the data's own positions are the rest). */
  const [pins, setPins] = useState<{ of: GraphData | null; pinned: ReadonlyMap<string, boolean> }>({ of: null, pinned: new Map() });
  const pinned = pins.of === data ? pins.pinned : NO_PINS;

  const names = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n.label])), [data]);
  const edge = data?.edges.find((e) => e.id === edgeId) ?? null;
  const pinnedInData = useMemo(() => new Set((data?.nodes ?? []).filter((n) => n.position).map((n) => n.id)), [data]);
  const isPinned = (id: string) => pinned.get(id) ?? pinnedInData.has(id);
  const pinnedCount = useMemo(() => (data?.nodes ?? []).filter((n) => pinned.get(n.id) ?? pinnedInData.has(n.id)).length, [data, pinned, pinnedInData]);

  const setPositions = (positions: Record<string, GraphPosition | null>) =>
    api['graph.setPositions']({ positions })
      .then(() => setPins({ of: data, pinned: new Map([...pinned, ...Object.entries(positions).map(([id, p]) => [id, p !== null] as const)]) }))
      .catch((error: unknown) => notify({ tone: 'error', message: `Could not save the chart's positions: ${errorMessage(error)}` }));

  const download = async (format: GraphExportFormat | 'png' | 'svg') => {
    try {
      if (format === 'png') {
        const url = chart.current?.png() ?? '';
        await saveFile('dossier-chart.png', url.slice(url.indexOf(',') + 1), 'image/png', 'base64');
      } else if (format === 'svg') {
        await saveFile('dossier-chart.svg', chart.current?.svg('Dossier link chart') ?? '', 'image/svg+xml', 'utf8');
      } else {
        const { files } = await api['graph.export']({ filter, format });
        for (const file of files) await saveFile(file.filename, file.content, file.mediaType, file.encoding);
      }
      notify({ tone: 'info', message: `Exported the chart as ${format === 'csv' ? 'CSV (edges and nodes)' : format.toUpperCase()}.` });
    } catch (error) {
      notify({ tone: 'error', message: `Could not export the chart: ${errorMessage(error)}` });
    }
  };

  const count = data ? `${countOf(data.nodes.length, 'entity', 'entities')} · ${countOf(data.edges.length, 'relationship')}` : '';
  return (
    <div className="graph-page">
      <div className="graph-main">
        <div className="list-title">
          <h1 id="graph-title">Link chart</h1>
          <span className="count" data-testid="graph-count">
            {count}
          </span>
          <span className="muted small" role="status" data-testid="graph-layout">
            {graph.isPlaceholderData ? 'Loading…' : data && data.nodes.length > 0 ? (layout.settled ? 'Layout settled' : 'Arranging…') : ''}
          </span>
        </div>
        <GraphFilters form={form} onChange={onChange} />
        <div className="graph-toolbar" role="toolbar" aria-label="Chart">
          <button type="button" onClick={() => chart.current?.fit()} title="Fit the whole chart in view (0)">
            Fit
          </button>
          <button type="button" onClick={() => chart.current?.relayout()} disabled={!data?.nodes.length}>
            Arrange again
          </button>
          <button
            type="button"
            disabled={pinnedCount === 0}
            onClick={() => void setPositions(Object.fromEntries((data?.nodes ?? []).filter((n) => isPinned(n.id)).map((n) => [n.id, null]))).then(() => void graph.refetch())}
          >
            Unpin all{pinnedCount ? ` (${pinnedCount})` : ''}
          </button>
          <span className="spacer" />
          <span className="muted small">Export</span>
          {(['png', 'svg', 'graphml', 'gexf', 'csv'] as const).map((format) => (
            <button key={format} type="button" disabled={!data?.nodes.length} onClick={() => void download(format)} aria-label={`Export the chart as ${format.toUpperCase()}`}>
              {format.toUpperCase()}
            </button>
          ))}
        </div>
        {hidden && (
          <p className="graph-overview-note" role="note">
            Showing the {data!.nodes.length.toLocaleString()} best-connected entities and their {data!.edges.length.toLocaleString()} strongest relationships; {hidden.nodes.toLocaleString()} more entities and {hidden.edges.toLocaleString()} more relationships are left out so the chart stays quick. Filter, or choose an entity to look around, to see them.{' '}
            <button type="button" className="link" onClick={() => setEverythingFor(filter)}>
              Show everything
            </button>
          </p>
        )}
        <div className="graph-canvas">
          {graph.error && !data ? (
            <div className="load-error" role="alert">
              {errorMessage(graph.error)}
            </div>
          ) : !data ? (
            <div className="loading" aria-busy="true">
              Loading the chart…
            </div>
          ) : data.nodes.length === 0 ? (
            <p className="panel-empty">
              {Object.keys(filter).length
                ? 'No relationship matches these filters.'
                : 'No relationships yet. Select a passage in an article and choose “Link entities…”, or add one on an entity page.'}
            </p>
          ) : null}
          {data && data.nodes.length > 0 && (
            <LinkChart
              ref={chart}
              data={data}
              label={`Link chart: ${count}. Arrow keys pan, plus and minus zoom, 0 fits; the lists beside the chart reach every entity and relationship.`}
              selectedEdgeId={edgeId}
              focusId={form.focusId || null}
              onOpenNode={openEntity}
              onSelectEdge={(id) => {
                setEdgeId(id);
                setMenu(null);
              }}
              onPin={(id, position) => void setPositions({ [id]: position })}
              onNodeMenu={(id, at) => setMenu({ id, ...at })}
              onLayout={setLayout}
            />
          )}
          {menu && (
            <NodeMenu
              at={menu}
              name={names.get(menu.id) ?? ''}
              pinned={isPinned(menu.id)}
              onOpen={() => openEntity(menu.id)}
              onFocus={() => onChange({ ...form, focusId: menu.id })}
              onUnpin={() => void setPositions({ [menu.id]: null }).then(() => void graph.refetch())}
              onClose={() => setMenu(null)}
            />
          )}
          <p id="chart-keys" className="visually-hidden">
            Arrow keys pan, plus and minus zoom, 0 fits the chart.
          </p>
        </div>
      </div>
      <aside className="graph-side" aria-label="Chart details">
        {edge ? <EdgeEvidence edge={edge} names={names} onClose={() => setEdgeId(null)} /> : <p className="panel-empty small">Click a relationship on the chart to see the passages behind it.</p>}
        <ChartLegend />
        {data && <ChartLists data={data} selectedEdgeId={edgeId} onOpenNode={openEntity} onSelectEdge={setEdgeId} />}
      </aside>
    </div>
  );
}
