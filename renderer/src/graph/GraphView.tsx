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
import { LinkChart, type LayoutState, type LinkChartHandle } from './LinkChart';
import { NodeMenu } from './NodeMenu';
import { useTranslation } from 'react-i18next';
import { countOf, formatNumber } from '../i18n/i18n';
import { useRelationWords } from '../ui/relationWords';

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
  const { t } = useTranslation();
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
  const [layout, setLayout] = useState<LayoutState>({ settled: false, firstPaintMs: null });
  /** Pins made on this chart since it loaded (the data's own positions are the rest). */
  const [pins, setPins] = useState<{ of: GraphData | null; pinned: ReadonlyMap<string, boolean> }>({ of: null, pinned: new Map() });
  const pinned = pins.of === data ? pins.pinned : NO_PINS;

  const words = useRelationWords();
  // The chart's edges read in the UI's language (a starting type's English label is data).
  const drawn = useMemo(() => data && { ...data, edges: data.edges.map((e) => ({ ...e, label: words(e.label) })) }, [data, words]);
  const names = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n.label])), [data]);
  const edge = data?.edges.find((e) => e.id === edgeId) ?? null;
  const pinnedInData = useMemo(() => new Set((data?.nodes ?? []).filter((n) => n.position).map((n) => n.id)), [data]);
  const isPinned = (id: string) => pinned.get(id) ?? pinnedInData.has(id);
  const pinnedCount = useMemo(() => (data?.nodes ?? []).filter((n) => pinned.get(n.id) ?? pinnedInData.has(n.id)).length, [data, pinned, pinnedInData]);

  const setPositions = (positions: Record<string, GraphPosition | null>) =>
    api['graph.setPositions']({ positions })
      .then(() => setPins({ of: data, pinned: new Map([...pinned, ...Object.entries(positions).map(([id, p]) => [id, p !== null] as const)]) }))
      .catch((error: unknown) => notify({ tone: 'error', message: t('graph:couldNotSaveTheCharts', { error: errorMessage(error) }) }));

  const download = async (format: GraphExportFormat | 'png' | 'svg') => {
    try {
      if (format === 'png') {
        const url = (await chart.current?.png()) ?? '';
        await saveFile('dossier-chart.png', url.slice(url.indexOf(',') + 1), 'image/png', 'base64');
      } else if (format === 'svg') {
        await saveFile('dossier-chart.svg', chart.current?.svg(t('graph:dossierLinkChart')) ?? '', 'image/svg+xml', 'utf8');
      } else {
        const { files } = await api['graph.export']({ filter, format });
        for (const file of files) await saveFile(file.filename, file.content, file.mediaType, file.encoding);
      }
      notify({ tone: 'info', message: t('graph:exportedTheChartAs', { value: t(`graph:formatName.${format}`) }) });
    } catch (error) {
      notify({ tone: 'error', message: t('graph:couldNotExportTheChart', { error: errorMessage(error) }) });
    }
  };

  const count = data ? `${countOf(data.nodes.length, 'entity')} · ${countOf(data.edges.length, 'relationship')}` : '';
  return (
    <div className="graph-page">
      <div className="graph-main">
        <div className="list-title">
          <h1 id="graph-title">{t('graph:linkChart')}</h1>
          <span className="count" data-testid="graph-count">
            {count}
          </span>
          <span className="muted small" role="status" data-testid="graph-layout">
            {graph.isPlaceholderData ? t('graph:loading') : data && data.nodes.length > 0 ? (layout.settled ? t('graph:layoutSettled') : layout.progress !== undefined ? t('graph:arrangingProgress', { percent: formatNumber(layout.progress, { style: 'percent' }) }) : t('graph:arranging')) : ''}
          </span>
        </div>
        <GraphFilters form={form} onChange={onChange} />
        <div className="graph-toolbar" role="toolbar" aria-label={t('graph:chart')}>
          <button type="button" onClick={() => chart.current?.fit()} title={t('graph:fitTheWholeChartIn')}>
            {t('graph:fit')}
          </button>
          <button type="button" onClick={() => chart.current?.relayout()} disabled={!data?.nodes.length}>
            {t('graph:arrangeAgain')}
          </button>
          <button
            type="button"
            disabled={pinnedCount === 0}
            onClick={() => void setPositions(Object.fromEntries((data?.nodes ?? []).filter((n) => isPinned(n.id)).map((n) => [n.id, null]))).then(() => void graph.refetch())}
          >
            {t('graph:unpinAll', { value: pinnedCount ? ` (${pinnedCount})` : '' })}
          </button>
          <span className="spacer" />
          <span className="muted small">{t('graph:export')}</span>
          {(['png', 'svg', 'graphml', 'gexf', 'csv'] as const).map((format) => (
            <button key={format} type="button" disabled={!data?.nodes.length} onClick={() => void download(format)} aria-label={t('graph:exportTheChartAs', { toUpperCase: t(`graph:formatName.${format}`) })}>
              {format.toUpperCase()}
            </button>
          ))}
        </div>
        {hidden && (
          <p className="graph-overview-note" role="note">
            {t('graph:showingTheBestConnectedEntities', { toLocaleString: formatNumber(data!.nodes.length), toLocaleString2: formatNumber(data!.edges.length), toLocaleString3: formatNumber(hidden.nodes), toLocaleString4: formatNumber(hidden.edges) })}
            <button type="button" className="link" onClick={() => setEverythingFor(filter)}>
              {t('graph:showEverything')}
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
              {t('graph:loadingTheChart')}
            </div>
          ) : data.nodes.length === 0 ? (
            <p className="panel-empty">
              {Object.keys(filter).length ? t('graph:noRelationshipMatchesTheseFilters') : t('graph:noRelationshipsYetSelectA')}
            </p>
          ) : null}
          {data && data.nodes.length > 0 && (
            <LinkChart
              ref={chart}
              data={drawn ?? data}
              label={t('graph:linkChartArrowKeysPan', { count })}
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
            {t('graph:arrowKeysPanPlusAnd')}
          </p>
        </div>
      </div>
      <aside className="graph-side" aria-label={t('graph:chartDetails')}>
        {edge ? <EdgeEvidence edge={edge} names={names} onClose={() => setEdgeId(null)} /> : <p className="panel-empty small">{t('graph:clickARelationshipOnThe')}</p>}
        <ChartLegend />
        {data && <ChartLists data={data} selectedEdgeId={edgeId} onOpenNode={openEntity} onSelectEdge={setEdgeId} />}
      </aside>
    </div>
  );
}
