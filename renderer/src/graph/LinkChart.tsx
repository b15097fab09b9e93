import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { GraphData, GraphPosition } from '../../../electron/common/model/graph';
import { chartStyle, chartTheme, typeColours } from './chartStyle';
import { chartSvg } from './chartSvg';
import type { Positions } from './layoutGraph';
import { runLayout, type LayoutRun } from './runLayout';

/**
 * cytoscape.js adds a <style> element of its own unless an element with this id exists; the app's
 * Content-Security-Policy (style-src 'self') refuses inline styles, so the rule it would add lives
 * in styles.css and this marker tells cytoscape it is there.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function markStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  marker.name = 'cytoscape-stylesheet';
  marker.content = 'in styles.css';
  document.head.append(marker);
}

/** From this many elements on, the chart trades detail for speed (see chartStyle and the options below). */
export const LARGE_CHART = 1500;
const MAX_FIT_ZOOM = 1.5;
/**
 * The viewport that shows every node, from their positions alone: cytoscape's own fit measures
 * every label first, which took seconds at 5,000 nodes. A chart of two or three entities would
 * fill the screen with giant shapes, so never past MAX_FIT_ZOOM.
 */
function fitted(core: Core): { zoom: number; pan: { x: number; y: number } } {
  const xs: number[] = [];
  const ys: number[] = [];
  core.nodes().forEach((node) => {
    const { x, y } = node.position();
    xs.push(x);
    ys.push(y);
  });
  if (xs.length === 0) return { zoom: 1, pan: { x: core.width() / 2, y: core.height() / 2 } };
  // On a large chart a few far-flung nodes would shrink everything else to a speck: frame the
  // middle 98% of them; zooming out reaches the rest.
  const [minX, maxX] = spanOf(xs, xs.length > 200 ? 0.01 : 0);
  const [minY, maxY] = spanOf(ys, ys.length > 200 ? 0.01 : 0);
  // Room for the outermost shapes and the labels under them.
  const margin = { x: 90, y: 50 };
  const zoom = Math.max(core.minZoom(), Math.min(MAX_FIT_ZOOM, (core.width() - 2 * margin.x) / Math.max(1, maxX - minX), (core.height() - 2 * margin.y) / Math.max(1, maxY - minY)));
  return { zoom, pan: { x: core.width() / 2 - zoom * ((minX + maxX) / 2), y: core.height() / 2 - zoom * ((minY + maxY) / 2) } };
}

/** The smallest and largest values, leaving out `trim` of them at each end. */
function spanOf(values: number[], trim: number): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * trim);
  return [sorted[cut]!, sorted[sorted.length - 1 - cut]!];
}

/** A large chart takes the layout's progress this often: each redraw of 20,000 edges costs a frame or several. */
const LARGE_UPDATE_MS = 1500;
/** How many of a large chart's best-connected entities keep their names when zoomed out. */
const NAMED_HUBS = 40;
/** The on-screen size of those names, whatever the zoom. */
const HUB_NAME_PX = 12;

/** How long a large layout may keep improving after the first paint. */
const LAYOUT_BUDGET_MS = 8000;

export interface LinkChartHandle {
  fit(): void;
  /** The chart as it is drawn, as a PNG data URL (the whole graph, not just the viewport). */
  png(): string;
  svg(title: string): string;
  /** Lays the unpinned nodes out afresh. */
  relayout(): void;
}

interface Props {
  data: GraphData;
  label: string;
  selectedEdgeId: string | null;
  focusId: string | null;
  onOpenNode(id: string): void;
  onSelectEdge(id: string | null): void;
  onPin(id: string, position: GraphPosition): void;
  onNodeMenu(id: string, at: { x: number; y: number }): void;
  /** Told when the layout has settled (and how long the first paint took), for the status line and the benchmark. */
  onLayout?(state: { settled: boolean; firstPaintMs: number | null }): void;
}

/**
 * The one component that knows cytoscape.js: everything else speaks GraphData. Entities are nodes
 * (shape and colour by type, size by how many relationships they have), relationships directed,
 * labelled edges; a flagged one (no evidence left) is dashed. Dragging a node pins it there.
 */
export const LinkChart = forwardRef<LinkChartHandle, Props>(function LinkChart(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const layout = useRef<LayoutRun | null>(null);
  // The latest callbacks, read by cytoscape's listeners, which are bound once.
  const handlers = useRef(props);
  handlers.current = props;
  /** The analyst panned or zoomed: the layout's progress no longer reframes the chart. */
  const interacted = useRef(false);
  const framing = useRef(false);
  const frame = (core: Core) => {
    framing.current = true;
    core.viewport(fitted(core));
    framing.current = false;
  };
  const large = props.data.nodes.length + props.data.edges.length >= LARGE_CHART;

  useEffect(() => {
    markStylesheet();
    const core = cytoscape({
      container: container.current,
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.current = core;
    core.on('tap', 'node', (e) => handlers.current.onOpenNode(e.target.id()));
    core.on('tap', 'edge', (e) => handlers.current.onSelectEdge(e.target.id()));
    core.on('tap', (e) => {
      if (e.target === core) handlers.current.onSelectEdge(null);
    });
    core.on('mouseover', 'node', (e) => e.target.addClass('hover'));
    core.on('mouseout', 'node', (e) => e.target.removeClass('hover'));
    core.on('cxttap', 'node', (e) => handlers.current.onNodeMenu(e.target.id(), e.renderedPosition));
    core.on('dragfree', 'node', (e) => {
      const node = e.target;
      node.addClass('pinned');
      handlers.current.onPin(node.id(), { ...node.position() });
    });
    // A large chart's hub names keep a readable size on screen at any zoom, so the overview says
    // who is central: set once the gesture has ended, not on every frame of it.
    let sizing: ReturnType<typeof setTimeout> | undefined;
    const sizeHubNames = () => {
      const px = Math.min(400, Math.max(11, HUB_NAME_PX / core.zoom()));
      core.style().selector('node.hub').style({ 'font-size': px, 'min-zoomed-font-size': 0, 'text-max-width': `${px * 14}px` }).update();
    };
    core.on('viewport', () => {
      if (!framing.current) interacted.current = true;
      clearTimeout(sizing);
      if (core.nodes('.hub').nonempty()) sizing = setTimeout(sizeHubNames, 150);
    });
    return () => {
      clearTimeout(sizing);
      layout.current?.cancel();
      core.destroy();
      cy.current = null;
    };
  }, []);

  // Light or dark switched (in Settings or by the system): repaint with the theme's colours.
  useEffect(() => {
    const observer = new MutationObserver(() => {
      const core = cy.current;
      if (core) core.style(chartStyle(typeColours(), core.elements().length >= LARGE_CHART, chartTheme()));
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  // The elements change with the data (a filter, a new relationship): lay out anew, paint at once.
  const { data } = props;
  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    layout.current?.cancel();
    performance.mark('dossier:chart-data');
    const began = performance.now();
    // A small chart can settle before its first frame is painted: the paint must not undo that.
    let settled = false;
    handlers.current.onLayout?.({ settled, firstPaintMs: null });
    const degree = new Map<string, number>();
    for (const e of data.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const input = {
      nodes: data.nodes.map((n) => ({ id: n.id, position: n.position })),
      edges: data.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })),
    };
    const isLarge = data.nodes.length + data.edges.length >= LARGE_CHART;
    let lastPlaced = performance.now();
    const place = (positions: Positions, done: boolean) => {
      if (isLarge && !done && performance.now() - lastPlaced < LARGE_UPDATE_MS) return;
      lastPlaced = performance.now();
      core.batch(() => {
        core.nodes().forEach((node) => {
          // A node being dragged, or pinned meanwhile, stays under the analyst's hand.
          if (node.grabbed() || node.hasClass('pinned')) return;
          const p = positions[node.id()];
          if (p) node.position(p);
        });
      });
      if (!interacted.current) frame(core);
      if (done) performance.mark('dossier:chart-settled');
      settled ||= done;
      handlers.current.onLayout?.({ settled, firstPaintMs: null });
    };
    const current: Positions = {};
    core.nodes().forEach((node) => {
      current[node.id()] = { ...node.position() };
    });
    for (const n of data.nodes) if (n.position) delete current[n.id];
    const run = runLayout(
      input,
      LAYOUT_BUDGET_MS,
      place,
      () => {
        settled = true;
        handlers.current.onLayout?.({ settled, firstPaintMs: null });
      },
      current,
    );
    layout.current = run;
    // On a large chart only the hubs are named until the analyst zooms in, hovers or selects.
    const hubs = new Set(isLarge ? [...degree].sort((a, b) => b[1] - a[1]).slice(0, NAMED_HUBS).map(([id]) => id) : []);
    const elements: ElementDefinition[] = [
      ...data.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, label: n.label, type: n.type, size: Math.min(48, 18 + 6 * Math.log2(1 + (degree.get(n.id) ?? 0))) },
        position: { ...run.start[n.id]! },
        classes: [n.position ? 'pinned' : '', hubs.has(n.id) ? 'hub' : ''].join(' ').trim(),
      })),
      ...data.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target, label: e.label },
        classes: e.flagged ? 'flagged' : '',
      })),
    ];
    core.batch(() => {
      core.elements().remove();
      core.style(chartStyle(typeColours(), isLarge, chartTheme()));
      core.add(elements);
    });
    performance.mark('dossier:chart-elements');
    // Pan and zoom of thousands of shapes: move a snapshot while the gesture lasts, redraw after.
    const renderer = core as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } };
    Object.assign(renderer.renderer(), { textureOnViewport: isLarge, hideEdgesOnViewport: isLarge });
    // A chart that only grew keeps the analyst's view; a new one is framed whole.
    if (Object.keys(current).length === 0) {
      interacted.current = false;
      frame(core);
    }
    // The benchmark reads these marks: the frame after the elements were drawn, then the settled layout.
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('dossier:chart-painted');
        handlers.current.onLayout?.({ settled, firstPaintMs: performance.now() - began });
      }, 0),
    );
    return () => run.cancel();
  }, [data]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.edges(':selected').unselect();
    if (props.selectedEdgeId) core.getElementById(props.selectedEdgeId).select();
  }, [props.selectedEdgeId, data]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.nodes('.focus').removeClass('focus');
    if (props.focusId) core.getElementById(props.focusId).addClass('focus');
  }, [props.focusId, data]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => {
        if (!cy.current) return;
        interacted.current = false;
        frame(cy.current);
      },
      png: () => cy.current?.png({ full: true, scale: 2, bg: '#ffffff' }) ?? '',
      svg: (title) => {
        const core = cy.current;
        if (!core) return '';
        const nodes = core.nodes().map((n) => ({ id: n.id(), label: n.data('label') as string, type: n.data('type'), size: n.data('size') as number, pinned: n.hasClass('pinned'), ...n.position() }));
        const edges = core.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string, label: e.data('label') as string, flagged: e.hasClass('flagged') }));
        return chartSvg(nodes, edges, typeColours(), title);
      },
      relayout: () => {
        const core = cy.current;
        if (!core) return;
        const input = {
          nodes: core.nodes().map((n) => ({ id: n.id(), position: n.hasClass('pinned') ? { ...n.position() } : null })),
          edges: core.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string, weight: 1 })),
        };
        layout.current?.cancel();
        interacted.current = false;
        layout.current = runLayout(
          input,
          LAYOUT_BUDGET_MS,
          (positions, done) => {
            core.batch(() => core.nodes().forEach((node) => void (!node.grabbed() && !node.hasClass('pinned') && positions[node.id()] && node.position(positions[node.id()]!))));
            if (!interacted.current) frame(core);
            handlers.current.onLayout?.({ settled: done, firstPaintMs: null });
          },
          () => undefined,
        );
      },
    }),
    [],
  );

  // Keys for the chart itself; the list beside it is the keyboard's way to every node and edge.
  const onKeyDown = (event: React.KeyboardEvent) => {
    const core = cy.current;
    if (!core) return;
    const step = 60;
    const pans: Record<string, { x: number; y: number }> = { ArrowLeft: { x: step, y: 0 }, ArrowRight: { x: -step, y: 0 }, ArrowUp: { x: 0, y: step }, ArrowDown: { x: 0, y: -step } };
    const centre = { x: core.width() / 2, y: core.height() / 2 };
    if (pans[event.key]) core.panBy(pans[event.key]!);
    else if (event.key === '+' || event.key === '=') core.zoom({ level: core.zoom() * 1.25, renderedPosition: centre });
    else if (event.key === '-') core.zoom({ level: core.zoom() / 1.25, renderedPosition: centre });
    else if (event.key === '0') {
      interacted.current = false;
      frame(core);
    }
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={container}
      className={`link-chart${large ? ' large' : ''}`}
      role="img"
      tabIndex={0}
      aria-label={props.label}
      aria-describedby="chart-keys"
      onKeyDown={onKeyDown}
      data-testid="link-chart"
    />
  );
});
