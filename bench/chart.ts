import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { chooseBrowser, CHROMIUM_ARGS, sandboxArgs } from '../e2e/browserExecutable';
import { createCore } from '../electron/core/dossierCore';
import { AppSettingsFile } from '../electron/core/settings/appSettingsFile';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { startHost } from '../electron/host/hostServer';
import { mergeIntoResults } from './benchReport';
import { buildGraphWorkspace, GRAPH_SCALE } from './graphWorkspace';
import { median, quantile, round } from './stats';

type Log = (line: string) => void;

const RUNS = 3;
/**
 * Without vsync and the frame-rate cap, requestAnimationFrame runs as fast as frames can be made,
 * so the time between frames is what a frame costs, not the display's 16.7 ms.
 */
const UNCAPPED = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

/**
 * The link chart in Chromium through the host, at 5,000 entities and 20,000 relationships (the
 * workspace of bench/graphWorkspace.ts), twice: as it opens (the overview: the best-connected
 * entities and strongest relationships) and after "Show everything" (every element drawn). Each
 * time: to first paint (the data call, start positions, cytoscape drawing), to the layout settled
 * (ForceAtlas2 in a worker, improving the drawn chart), and the interval between frames while the
 * analyst pans and zooms (16.7 ms is every frame of a 60 Hz display made).
 */
export async function chartFigures(root: string, log: Log): Promise<Record<string, number>> {
  const browserChoice = chooseBrowser();
  if (!browserChoice.executablePath) {
    log(`chart skipped: ${browserChoice.missing}`);
    return {};
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-bench-chart-'));
  const built = await buildGraphWorkspace(dir, GRAPH_SCALE, log);
  const store = await WorkspaceStore.open(dir);
  // A display name and the guide dismissed, as on a machine in use: neither first-run prompt covers the chart.
  const core = createCore(store, { settings: AppSettingsFile.inMemory({ displayName: 'Bench Analyst', firstRunGuideDismissed: true }) });
  const host = await startHost({ core, rendererDir: path.join(root, 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: [...CHROMIUM_ARGS, ...UNCAPPED, ...sandboxArgs()] });
  const overview = { paint: [] as number[], settle: [] as number[], frames: [] as number[], work: [] as number[], steps: [] as string[], shown: { nodes: 0, edges: 0 } };
  const everything = { paint: [] as number[], settle: [] as number[], frames: [] as number[], work: [] as number[], steps: [] as string[], shown: { nodes: 0, edges: 0 } };
  try {
    for (let run = 0; run < RUNS; run++) {
      log(`chart: run ${run + 1} of ${RUNS}…`);
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.addInitScript(FRAME_WORK);
      await page.goto(host.url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 120_000 });
      // What the chart opens at: the overview of the best-connected entities.
      await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: 'Link chart', exact: true }).click();
      await measure(page, await page.evaluate(() => performance.getEntriesByName('dossier:chart-requested')[0]?.startTime ?? 0), overview, run === 0 ? 'overview' : null);
      // Everything: every entity and relationship drawn.
      await page.evaluate(() => performance.clearMarks());
      const asked = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Show everything' }).click();
      await measure(page, asked, everything, run === 0 ? 'everything' : null);
      await page.context().close();
    }
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  if (everything.shown.nodes < built.entityIds.length * 0.9) throw new Error(`the chart drew only ${everything.shown.nodes} of ${built.entityIds.length} entities`);
  const figures = (name: string, m: typeof overview) => ({
    [`chart_${name}_nodes`]: m.shown.nodes,
    [`chart_${name}_edges`]: m.shown.edges,
    [`chart_${name}_first_paint_ms`]: round(median(m.paint)),
    [`chart_${name}_layout_settled_ms`]: round(median(m.settle)),
    [`chart_${name}_pan_zoom_frame_p50_ms`]: round(median(m.frames), 1),
    [`chart_${name}_pan_zoom_frame_p95_ms`]: round(quantile(m.frames, 0.95), 1),
    [`chart_${name}_pan_zoom_frame_work_p50_ms`]: round(median(m.work), 1),
    [`chart_${name}_pan_zoom_frame_work_p95_ms`]: round(quantile(m.work, 0.95), 1),
  });
  log(`chart: overview paints ${overview.paint.map(Math.round).join(", ")} ms; everything ${everything.paint.map(Math.round).join(", ")} ms`);
  for (const [name, m] of [['overview', overview], ['everything', everything]] as const) for (const line of m.steps) log(`chart: ${name}: ${line}`);
  return { ...figures('overview', overview), ...figures('everything', everything) };
}

/** From `since` (page time) to the chart painted and to its layout settled, then frames under the analyst's hands. */
async function measure(page: Page, since: number, into: { paint: number[]; settle: number[]; frames: number[]; work: number[]; steps: string[]; shown: { nodes: number; edges: number } }, screenshot: string | null): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('dossier:chart-painted').length > 0, null, { timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('dossier:chart-settled').length > 0, null, { timeout: 120_000 });
  const marks = await page.evaluate(() => ({
    painted: performance.getEntriesByName('dossier:chart-painted')[0]!.startTime,
    settled: performance.getEntriesByName('dossier:chart-settled')[0]!.startTime,
  }));
  into.paint.push(marks.painted - since);
  into.settle.push(marks.settled - since);
  // Where the time went: each step's mark, from the same start (the worker's marks are its layout's).
  const steps = await page.evaluate(() =>
    ['data', 'start-positions', 'elements', 'painted', 'layout-received', 'layout-built', 'layout-finished', 'settled'].map((name) => [name, performance.getEntriesByName(`dossier:chart-${name}`).at(-1)?.startTime ?? null] as const),
  );
  const worker = await page.evaluate(() => (performance.getEntriesByName('dossier:chart-layout-finished').at(-1) as PerformanceMark | undefined)?.detail as { passes: number; chunks: number[] } | undefined);
  into.steps.push(`${steps.map(([name, at]) => `${name} ${at === null ? '–' : Math.round(at - since)}`).join(', ')} ms; ${worker?.passes ?? '?'} passes in chunks of ${worker?.chunks?.join(', ') ?? '?'} ms`);
  // A large chart's edges are cytoscape's own or drawn on the edge layer (which says how many).
  into.shown = await page.evaluate(() => {
    const cy = (document.querySelector('[data-testid="link-chart"]') as unknown as { _cyreg: { cy: { nodes(): { length: number }; edges(selector?: string): { length: number } } } })._cyreg.cy;
    const layered = Number((document.querySelector('.link-chart-edges') as HTMLElement | null)?.dataset.edges ?? 0);
    return { nodes: cy.nodes().length, edges: cy.edges(':not(.from-layer)').length + layered };
  });
  // The whole chart in view, as "Fit" shows it: the hands below work on all of it. (A chart that
  // grew keeps the view the analyst left, and the overview's pans below left it off to one side:
  // until this, "everything" was panned and zoomed over a corner with almost nothing in it.)
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // What the chart looked like, to look at beside the numbers: settled, then after the hands left it.
  if (screenshot) await page.screenshot({ path: path.join(os.tmpdir(), `dossier-chart-${screenshot}.png`) });
  const frames = await panAndZoom(page);
  into.frames.push(...frames.intervals);
  into.work.push(...frames.work);
  if (screenshot) {
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(os.tmpdir(), `dossier-chart-${screenshot}-after-pan.png`) });
  }
}

/**
 * Headless Chromium keeps frames at 60 Hz whatever the flags, so intervals cannot show a frame
 * cheaper than 16.7 ms. This counts the work itself: every requestAnimationFrame callback
 * (cytoscape draws in its own) is timed, and the times of one frame summed.
 */
const FRAME_WORK = `(() => {
  const request = window.requestAnimationFrame.bind(window);
  window.__frameWork = new Map();
  window.requestAnimationFrame = (callback) => request((time) => {
    const started = performance.now();
    try { callback(time); } finally {
      if (window.__recording) window.__frameWork.set(time, (window.__frameWork.get(time) || 0) + performance.now() - started);
    }
  });
})()`;

/**
 * Two seconds of the analyst's hands on the chart: drags across it and wheel zooms in and out,
 * as real mouse input, while every frame's interval is recorded.
 */
async function panAndZoom(page: Page): Promise<{ intervals: number[]; work: number[] }> {
  const box = (await page.getByTestId('link-chart').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // A script as text: the page runs it as written (no helper names a bundler would add).
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__frameWork.clear();
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  // Pans start on empty canvas far from the centre (the densest part), so they move the view rather
  // than a node; they go right and back left, so the chart stays in view (until this, four pans the
  // same way took it off the canvas, and most frames drew nothing).
  for (let i = 0; i < 4; i++) {
    const back = i % 2 === 1;
    const from = { x: back ? box.x + box.width - 12 : box.x + 12, y: box.y + 12 + i * 10 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= 20; step++) await page.mouse.move(from.x + (back ? -1 : 1) * step * 15, from.y + (back ? -1 : 1) * step * 6);
    await page.mouse.up();
    await page.mouse.move(centre.x, centre.y);
    for (let step = 0; step < 10; step++) await page.mouse.wheel(0, i % 2 === 0 ? -120 : 120);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean; __frameWork: Map<number, number> };
    w.__recording = false;
    return { intervals: w.__frames.slice(2), work: [...w.__frameWork.values()] };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const figures = await chartFigures(root, (line) => process.stderr.write(`${line}\n`));
  mergeIntoResults(root, figures);
  console.log(JSON.stringify(figures, null, 2));
}
