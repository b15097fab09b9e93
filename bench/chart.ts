import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { chooseBrowser, CHROMIUM_ARGS, sandboxArgs } from '../e2e/browserExecutable';
import { createCore } from '../electron/core/dossierCore';
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
 * workspace of bench/graphWorkspace.ts): from opening the chart to its first paint (the data
 * call, the start positions, cytoscape drawing every element), to the layout settled (ForceAtlas2
 * in a worker, improving the drawn chart as it goes), and the cost of frames while the analyst
 * pans and zooms.
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
  const core = createCore(store);
  const host = await startHost({ core, rendererDir: path.join(root, 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: [...CHROMIUM_ARGS, ...UNCAPPED, ...sandboxArgs()] });
  const paint: number[] = [];
  const settle: number[] = [];
  const frames: number[] = [];
  let shown = { nodes: 0, edges: 0 };
  try {
    for (let run = 0; run < RUNS; run++) {
      log(`chart: run ${run + 1} of ${RUNS}…`);
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto(host.url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 120_000 });
      await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: 'Link chart', exact: true }).click();
      await page.waitForFunction(() => performance.getEntriesByName('dossier:chart-painted').length > 0, null, { timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByName('dossier:chart-settled').length > 0, null, { timeout: 120_000 });
      const marks = await page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
        return { requested: at('dossier:chart-requested'), painted: at('dossier:chart-painted'), settled: at('dossier:chart-settled') };
      });
      paint.push(marks.painted - marks.requested);
      settle.push(marks.settled - marks.requested);
      shown = await page.evaluate(() => {
        const cy = (document.querySelector('[data-testid="link-chart"]') as unknown as { _cyreg: { cy: { nodes(): { length: number }; edges(): { length: number } } } })._cyreg.cy;
        return { nodes: cy.nodes().length, edges: cy.edges().length };
      });
      frames.push(...(await panAndZoom(page)));
      await page.context().close();
    }
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  if (shown.nodes < built.entityIds.length * 0.9) throw new Error(`the chart drew only ${shown.nodes} of ${built.entityIds.length} entities`);
  return {
    chart_nodes: shown.nodes,
    chart_edges: shown.edges,
    chart_first_paint_ms: round(median(paint)),
    chart_layout_settled_ms: round(median(settle)),
    chart_pan_zoom_frame_p50_ms: round(median(frames), 1),
    chart_pan_zoom_frame_p95_ms: round(quantile(frames, 0.95), 1),
  };
}

/**
 * Two seconds of the analyst's hands on the chart: drags across it and wheel zooms in and out,
 * as real mouse input, while every frame's interval is recorded.
 */
async function panAndZoom(page: Page): Promise<number[]> {
  const box = (await page.getByTestId('link-chart').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  // Pans start on empty canvas far from the centre (the densest part), so they move the view rather than a node.
  for (let i = 0; i < 4; i++) {
    const from = { x: box.x + 12, y: box.y + 12 + i * 10 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= 20; step++) await page.mouse.move(from.x + step * 15, from.y + step * 6);
    await page.mouse.up();
    await page.mouse.move(centre.x, centre.y);
    for (let step = 0; step < 10; step++) await page.mouse.wheel(0, i % 2 === 0 ? -120 : 120);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(2);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const figures = await chartFigures(root, (line) => process.stderr.write(`${line}\n`));
  mergeIntoResults(root, figures);
  console.log(JSON.stringify(figures, null, 2));
}
