import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { GraphData, GraphEdge, GraphPosition } from '../../../electron/common/model/graph';
import { isLayered, LARGE_CHART, planChart } from './chartElements';
import { chartStyle, chartTheme, typeColours } from './chartStyle';
import { chartSvg } from './chartSvg';
import { EdgeLayer, type LayerEdge } from './edgeLayer';
import { t } from '../i18n/i18n';
import './linkChart.css';
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

/** A large chart takes the layout's progress this often: each redraw of thousands of edges costs a frame or several. */
const LARGE_UPDATE_MS = 1500;
/**
 * From this many elements on, each redraw at new positions costs the page seconds (measured: 25,000
 * elements, 2–3 s), so the chart takes the layout's progress rarely: the first paint is not held up
 * by a redraw, and the worker has the processor to itself meanwhile. The status line says how far
 * along it is.
 */
export const HUGE_CHART = 10_000;
const HUGE_UPDATE_MS = 4000;

/**
 * How often a chart takes the layout's progress. A layered chart's redraw is its entities and one
 * path of lines (the edge layer), not thousands of cytoscape edges: it takes it as a large one does.
 */
function updateEvery(size: number, layered: boolean): number {
  if (layered) return LARGE_UPDATE_MS;
  if (size >= HUGE_CHART) return HUGE_UPDATE_MS;
  return size >= LARGE_CHART ? LARGE_UPDATE_MS : 0;
}
/** How many of a large chart's best-connected entities keep their names when zoomed out. */
const NAMED_HUBS = 40;
/** The on-screen size of those names, whatever the zoom. */
const HUB_NAME_PX = 12;

/** The longest side of an exported PNG, in pixels: well inside what a canvas holds (browsers refuse past 16,384–32,767). */
const MAX_PNG_SIDE = 8192;

/** How long a large layout may keep improving after the first paint. */
const LAYOUT_BUDGET_MS = 8000;
/**
 * How long a large chart that grew from one already laid out (the overview shown in full) may
 * improve: its shape is the earlier layout's and its newcomers start beside their neighbours, so
 * some passes settle them (4,702 entities and 20,000 relationships: about 16 in this time).
 * Re-layout, asked for, takes the whole budget.
 */
const GROWN_LAYOUT_BUDGET_MS = 500;
/** How long a large chart's layout waits for its first paint before it starts anyway. */
const PAINT_WAIT_MS = 3000;

export interface LinkChartHandle {
  fit(): void;
  /** The chart as it is drawn, as a PNG data URL (the whole graph, not just the viewport). */
  png(): Promise<string>;
  svg(title: string): string;
  /** Lays the unpinned nodes out afresh. */
  relayout(): void;
}

export interface LayoutState {
  settled: boolean;
  firstPaintMs: number | null;
  /** How far along the layout is, 0–1, when it says. */
  progress?: number;
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
  /** Told how far the layout is (and how long the first paint took), for the status line and the benchmark. */
  onLayout?(state: LayoutState): void;
}

/**
 * The one component that knows cytoscape.js: everything else speaks GraphData. Entities are nodes
 * (shape and colour by type, size by how many relationships they have), relationships directed,
 * labelled edges; a flagged one (no evidence left) is dashed. Dragging a node pins it there.
 */
/** The canvas as a PNG data URL, encoded without holding up the page (`toBlob`, not `toDataURL`). */
function dataUrlOf(canvas: HTMLCanvasElement): Promise<string> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error(t('graph:theChartIsTooLargeForPng')));
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error(t('graph:theChartCouldNotBeEncoded')));
      reader.readAsDataURL(blob);
    }, 'image/png');
  });
}

/** What the renderer exposes beyond cytoscape's typings: the options a large chart sets, and what it is doing. */
interface RendererOptions {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  forcedPixelRatio: number | null;
  pinching?: boolean;
  swipePanning?: boolean;
  hoverData?: { dragging?: boolean; draggingEles?: boolean };
  data?: { wheelZooming?: boolean };
  /** What `cy.png()` draws before encoding it: the canvas itself. */
  bufferCanvasImage?: (options: { full: boolean; scale: number }) => HTMLCanvasElement;
}
const rendererOf = (core: Core) => (core as unknown as { renderer(): RendererOptions }).renderer();
/** Canvas pixels per CSS pixel, as cytoscape draws now. */
const pixelRatioOf = (core: Core) => rendererOf(core).forcedPixelRatio ?? window.devicePixelRatio ?? 1;
/** Whether cytoscape leaves its edges out of the frame it draws: `hideEdgesOnViewport` during a gesture (its own test). */
function hidesEdgesNow(core: Core): boolean {
  const r = rendererOf(core);
  return r.hideEdgesOnViewport && Boolean(r.pinching || r.hoverData?.dragging || r.swipePanning || r.data?.wheelZooming || r.hoverData?.draggingEles || core.animated());
}

/**
 * A large chart's hub names keep a readable size on screen at any zoom, so the overview says who
 * is central. Set on the hubs themselves (40 nodes), not as a rule of the stylesheet, whose update
 * restyles every element of the chart.
 */
function sizeHubNames(core: Core): void {
  const px = Math.min(400, Math.max(11, HUB_NAME_PX / core.zoom()));
  core.batch(() => core.nodes('.hub').style({ 'font-size': px, 'min-zoomed-font-size': 0, 'text-max-width': `${px * 14}px` }));
}

const edgeElement = (e: Pick<GraphEdge, 'id' | 'source' | 'target' | 'label' | 'flagged'>, fromLayer = false): ElementDefinition => ({
  group: 'edges',
  data: { id: e.id, source: e.source, target: e.target, label: e.label },
  classes: [e.flagged ? 'flagged' : '', fromLayer ? 'from-layer' : ''].join(' ').trim(),
});

/**
 * The one component that knows cytoscape.js: everything else speaks GraphData. Entities are nodes
 * (shape and colour by type, size by how many relationships they have), relationships directed,
 * labelled edges; a flagged one (no evidence left) is dashed. Dragging a node pins it there. A chart
 * with thousands of relationships draws them on an edge layer under cytoscape's canvas
 * (edgeLayer.ts): cytoscape holds its entities, and the selected relationship while it is selected.
 */
export const LinkChart = forwardRef<LinkChartHandle, Props>(function LinkChart(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const layer = useRef<EdgeLayer | null>(null);
  const layout = useRef<LayoutRun | null>(null);
  // The latest callbacks, read by cytoscape's listeners, which are bound once.
  const handlers = useRef(props);
  handlers.current = props;
  /** The analyst panned or zoomed: the layout's progress no longer reframes the chart. */
  const interacted = useRef(false);
  const framing = useRef(false);
  /** Whether the stylesheet set is the large chart's (null before the first data). */
  const styledLarge = useRef<boolean | null>(null);
  /** The chart has named hubs (a large chart): known here, not looked up on every frame of a gesture. */
  const named = useRef(false);
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
    // During a pan, zoom or drag of a large chart its edges are left out, as cytoscape leaves out its own.
    const edgeLayer = new EdgeLayer(core, container.current!, () => pixelRatioOf(core), () => hidesEdgesNow(core));
    edgeLayer.setColours(chartTheme());
    layer.current = edgeLayer;
    core.on('tap', 'node', (e) => handlers.current.onOpenNode(e.target.id()));
    core.on('tap', 'edge', (e) => handlers.current.onSelectEdge(e.target.id()));
    // Empty canvas to cytoscape may be an edge of the layer.
    core.on('tap', (e) => {
      if (e.target === core) handlers.current.onSelectEdge(edgeLayer.edgeAt(e.renderedPosition));
    });
    core.on('mouseover', 'node', (e) => e.target.addClass('hover'));
    core.on('mouseout', 'node', (e) => e.target.removeClass('hover'));
    core.on('cxttap', 'node', (e) => handlers.current.onNodeMenu(e.target.id(), e.renderedPosition));
    core.on('dragfree', 'node', (e) => {
      const node = e.target;
      node.addClass('pinned');
      handlers.current.onPin(node.id(), { ...node.position() });
    });
    // Hub names are resized once the gesture has ended, not on every frame of it.
    let sizing: ReturnType<typeof setTimeout> | undefined;
    core.on('viewport', () => {
      if (!framing.current) interacted.current = true;
      clearTimeout(sizing);
      if (named.current) sizing = setTimeout(() => sizeHubNames(core), 150);
    });
    return () => {
      clearTimeout(sizing);
      layout.current?.cancel();
      edgeLayer.destroy();
      layer.current = null;
      core.destroy();
      cy.current = null;
    };
  }, []);

  // Light or dark switched (in Settings or by the system): repaint with the theme's colours.
  useEffect(() => {
    const observer = new MutationObserver(() => {
      const core = cy.current;
      if (!core) return;
      const large = styledLarge.current ?? false;
      core.style(chartStyle(typeColours(), large, chartTheme()));
      if (large) sizeHubNames(core);
      layer.current?.setColours(chartTheme());
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  // The elements change with the data (a filter, a new relationship, everything asked for): what
  // stays stays where it is, the rest is added, the layout runs anew and the chart paints at once.
  const { data } = props;
  useEffect(() => {
    const core = cy.current;
    const edgeLayer = layer.current;
    if (!core || !edgeLayer) return;
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
    const size = data.nodes.length + data.edges.length;
    const isLarge = size >= LARGE_CHART;
    const layered = isLayered(data.nodes.length, data.edges.length);
    let reported = -1;
    const place = (positions: Positions, done: boolean) => {
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
    const grown = isLarge && Object.keys(current).length > 0;
    let firstPaint!: () => void;
    // A chart that is not drawn (its view hidden meanwhile) is still laid out, a moment later.
    const painting = new Promise<void>((resolve) => {
      firstPaint = resolve;
      setTimeout(resolve, PAINT_WAIT_MS);
    });
    const run = runLayout(
      input,
      {
        budgetMs: grown ? GROWN_LAYOUT_BUDGET_MS : LAYOUT_BUDGET_MS,
        updateEveryMs: updateEvery(size, layered),
        current,
        ...(isLarge ? { after: painting } : {}),
        onProgress: (progress) => {
          // The status line moves in steps of 5%, not a re-render of the view for every message.
          const step = Math.floor(progress * 20);
          if (settled || step === reported) return;
          reported = step;
          handlers.current.onLayout?.({ settled, firstPaintMs: null, progress: step / 20 });
        },
      },
      place,
      () => {
        settled = true;
        handlers.current.onLayout?.({ settled, firstPaintMs: null });
      },
    );
    layout.current = run;
    performance.mark('dossier:chart-start-positions');
    // On a large chart only the hubs are named until the analyst zooms in, hovers or selects.
    const hubs = new Set(isLarge ? [...degree].sort((a, b) => b[1] - a[1]).slice(0, NAMED_HUBS).map(([id]) => id) : []);
    const onChart = {
      nodes: new Set(core.nodes().map((n) => n.id())),
      edges: new Map(core.edges().map((e) => [e.id(), { source: e.data('source') as string, target: e.data('target') as string }] as const)),
    };
    const plan = planChart(data, onChart, layered);
    const nodeData = (n: GraphData['nodes'][number]) => ({ label: n.label, type: n.type, size: Math.min(48, 18 + 6 * Math.log2(1 + (degree.get(n.id) ?? 0))) });
    const elements: ElementDefinition[] = [
      ...plan.addNodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, ...nodeData(n) },
        position: { ...run.start[n.id]! },
        classes: [n.position ? 'pinned' : '', hubs.has(n.id) ? 'hub' : ''].join(' ').trim(),
      })),
      ...plan.addEdges.map((e) => edgeElement(e)),
    ];
    performance.mark('dossier:chart-elements-built');
    const gone = new Set(plan.remove);
    core.batch(() => {
      if (styledLarge.current !== isLarge) {
        core.style(chartStyle(typeColours(), isLarge, chartTheme()));
        styledLarge.current = isLarge;
      }
      performance.mark('dossier:chart-styled');
      if (gone.size) core.elements().filter((e) => gone.has(e.id())).remove();
      // Names sized for hubs that are hubs no more go back to the stylesheet's.
      core.nodes('.hub').forEach((node) => void (!hubs.has(node.id()) && node.removeStyle()));
      for (const n of plan.keepNodes) {
        const node = core.getElementById(n.id);
        const next = nodeData(n);
        if (node.data('label') !== next.label || node.data('type') !== next.type || node.data('size') !== next.size) node.data(next);
        node.toggleClass('pinned', n.position !== null);
        node.toggleClass('hub', hubs.has(n.id));
        if (n.position) node.position({ ...n.position });
      }
      for (const e of plan.keepEdges) {
        const edge = core.getElementById(e.id);
        if (edge.data('label') !== e.label) edge.data('label', e.label);
        edge.toggleClass('flagged', e.flagged);
        // The selected edge of a layered chart is an edge of this one now.
        edge.removeClass('from-layer');
      }
      core.add(elements);
    });
    // Its ends are on the chart now.
    edgeLayer.setEdges(plan.layerEdges);
    performance.mark('dossier:chart-elements');
    // Pan and zoom of thousands of shapes: move a snapshot while the gesture lasts, redraw after.
    // A large chart is drawn at one canvas pixel per CSS pixel: on a high-density screen that is
    // a quarter of the pixels to fill for shapes too small to gain from sharpness.
    const renderer = rendererOf(core);
    const pixelRatio = isLarge ? 1 : null;
    const resize = renderer.forcedPixelRatio !== pixelRatio;
    Object.assign(renderer, { textureOnViewport: isLarge, hideEdgesOnViewport: isLarge, forcedPixelRatio: pixelRatio });
    if (resize) core.resize();
    // A chart that only grew keeps the analyst's view; a new one is framed whole.
    if (Object.keys(current).length === 0) {
      interacted.current = false;
      frame(core);
    }
    named.current = hubs.size > 0;
    if (named.current) sizeHubNames(core);
    performance.mark('dossier:chart-framed');
    // The benchmark reads these marks: cytoscape's first frame drawn with every element, the
    // edge layer's included (its 'render' event ends the frame the browser then shows; the layer
    // draws in it), then the settled layout.
    const painted = () => {
      performance.mark('dossier:chart-painted');
      handlers.current.onLayout?.({ settled, firstPaintMs: performance.now() - began });
      firstPaint();
    };
    core.one('render', painted);
    // Only the layer may have changed (a relationship added to a layered chart): draw anyway.
    core.forceRender();
    return () => {
      core.off('render', painted);
      run.cancel();
      firstPaint();
    };
  }, [data]);

  useEffect(() => {
    const core = cy.current;
    const edgeLayer = layer.current;
    if (!core || !edgeLayer) return;
    const id = props.selectedEdgeId;
    core.batch(() => {
      core.edges(':selected').unselect();
      // A layer's edge is drawn by cytoscape while it is selected, highlighted and named; then it goes back.
      core.edges('.from-layer').remove();
      edgeLayer.showAll();
      if (!id) return;
      const edge = edgeLayer.get(id);
      if (edge) {
        edgeLayer.hide(id);
        core.add(edgeElement(edge, true));
      }
      core.getElementById(id).select();
    });
  }, [props.selectedEdgeId, data]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.nodes('.focus').removeClass('focus');
    if (props.focusId) core.getElementById(props.focusId).addClass('focus');
  }, [props.focusId, data]);

  /** Every edge on the chart, cytoscape's and the layer's. */
  const allEdges = (core: Core): LayerEdge[] => [
    ...core
      .edges()
      .filter((e) => !e.hasClass('from-layer'))
      .map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string, label: e.data('label') as string, flagged: e.hasClass('flagged') })),
    ...(layer.current?.all() ?? []),
  ];

  useImperativeHandle(
    ref,
    () => ({
      fit: () => {
        if (!cy.current) return;
        interacted.current = false;
        frame(cy.current);
      },
      png: async () => {
        const core = cy.current;
        if (!core) return '';
        const edgeLayer = layer.current;
        const whole = core.elements().boundingBox();
        const ratio = pixelRatioOf(core);
        // Twice the chart's size, unless that is past what a canvas can hold: a chart of thousands
        // spans 10,000 units and more, and a canvas too large for the browser comes out empty.
        const scale = Math.min(2, MAX_PNG_SIDE / Math.max(1, whole.w * ratio, whole.h * ratio));
        const buffer = rendererOf(core).bufferCanvasImage;
        if (!edgeLayer || edgeLayer.size === 0 || !buffer) return core.png({ full: true, scale, bg: '#ffffff' });
        // The canvas cytoscape's own PNG export draws on (its elements on a transparent ground,
        // framed on the bounding box of every element): the layer's edges go under what it drew,
        // at the same scale and origin, then the white ground under all; encoded once.
        const canvas = buffer.call(rendererOf(core), { full: true, scale });
        const context = canvas.getContext('2d')!;
        const drawn = scale * ratio;
        context.globalCompositeOperation = 'destination-over';
        context.setTransform(drawn, 0, 0, drawn, -whole.x1 * drawn, -whole.y1 * drawn);
        edgeLayer.drawEdges(context);
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        // Encoded off the page's thread: tens of millions of pixels take seconds.
        return dataUrlOf(canvas);
      },
      svg: (title) => {
        const core = cy.current;
        if (!core) return '';
        const nodes = core.nodes().map((n) => ({ id: n.id(), label: n.data('label') as string, type: n.data('type'), size: n.data('size') as number, pinned: n.hasClass('pinned'), ...n.position() }));
        return chartSvg(nodes, allEdges(core), typeColours(), title);
      },
      relayout: () => {
        const core = cy.current;
        if (!core) return;
        const input = {
          nodes: core.nodes().map((n) => ({ id: n.id(), position: n.hasClass('pinned') ? { ...n.position() } : null })),
          edges: allEdges(core).map((e) => ({ source: e.source, target: e.target, weight: 1 })),
        };
        layout.current?.cancel();
        interacted.current = false;
        const size = input.nodes.length + input.edges.length;
        layout.current = runLayout(
          input,
          {
            budgetMs: LAYOUT_BUDGET_MS,
            updateEveryMs: updateEvery(size, (layer.current?.size ?? 0) > 0),
            onProgress: (progress) => handlers.current.onLayout?.({ settled: false, firstPaintMs: null, progress }),
          },
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
