import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { chooseBrowser, CHROMIUM_ARGS, sandboxArgs } from '../e2e/browserExecutable';
import { createCore } from '../electron/core/dossierCore';
import { AppSettingsFile } from '../electron/core/settings/appSettingsFile';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { startHost } from '../electron/host/hostServer';
import { mergeIntoResults } from './benchReport';
import { referenceWorkspace } from './reference/buildWorkspace';
import { lexicon, REFERENCE } from './reference/generator';
import { median, quantile, round } from './stats';

type Log = (line: string) => void;

const LOADS = 3;
const SORT_ROUNDS = 5;
const ORDERS = ['title', 'date', 'imported', 'recent'] as const;
/** Typed into the filter one key at a time, then cleared: common words of the reference titles, a rare one, a miss. */
const FILTER_WORDS = 3;
const SCROLL_STEPS = 60;

/**
 * The library at 10,000 articles in Chromium through the host (the reference workspace of
 * bench/reference/), as the analyst meets it: the first screen of the library painted, each
 * change of sort order and each keystroke in the filter until the list has repainted, and
 * scrolling. "Repainted": from the input event's timestamp to the task after the first frame
 * after the list's DOM changed (a MutationObserver, then a requestAnimationFrame and a task), so
 * work React defers is counted. Alone: `node --import tsx bench/library.ts`.
 */
export async function libraryFigures(root: string, cache: string, log: Log): Promise<Record<string, number>> {
  const browserChoice = chooseBrowser();
  if (!browserChoice.executablePath) {
    log(`library skipped: ${browserChoice.missing}`);
    return {};
  }
  const { dir } = await referenceWorkspace(cache, REFERENCE, lexicon(), log);
  const store = await WorkspaceStore.open(dir);
  // Settings as after the first day: no first-run name prompt or guide over the library.
  const core = createCore(store, { settings: AppSettingsFile.inMemory({ displayName: 'Bench Analyst', firstRunGuideDismissed: true }) });
  const host = await startHost({ core, rendererDir: path.join(root, 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: [...CHROMIUM_ARGS, ...sandboxArgs()] });
  const firstPaint: number[] = [];
  const listCall: number[] = [];
  const rows: number[] = [];
  const sort: Record<string, number[]> = Object.fromEntries(ORDERS.map((o) => [o, []]));
  const filter: number[] = [];
  const scroll: number[] = [];
  try {
    for (let load = 0; load < LOADS; load++) {
      log(`library: page load ${load + 1} of ${LOADS}…`);
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.addInitScript(INSTRUMENT);
      await page.goto(host.url);
      await page.waitForFunction(() => (window as unknown as { __libraryPainted?: number }).__libraryPainted !== undefined, null, { timeout: 120_000 });
      const loaded = await page.evaluate(() => ({
        painted: (window as unknown as { __libraryPainted: number }).__libraryPainted,
        list: performance.getEntriesByType('resource').find((r) => r.name.includes('/api/call/articles.list'))?.duration ?? NaN,
        rows: document.querySelectorAll('.article-library li').length,
        count: document.querySelector('#library-title .count')?.textContent ?? '',
      }));
      if (!loaded.count.replace(/\D/g, '').startsWith('10000')) throw new Error(`the library shows ${loaded.count} articles, not 10,000`);
      firstPaint.push(loaded.painted);
      listCall.push(loaded.list);
      rows.push(loaded.rows);
      // Past the first load, the page and the core are warm: the interactions are measured there.
      if (load < LOADS - 1) {
        await page.context().close();
        continue;
      }
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await measureSorts(page, sort);
      await measureFilter(page, filter);
      await measureScroll(page, scroll);
      await page.screenshot({ path: '/tmp/dossier-bench-library.png' });
      await page.context().close();
    }
  } finally {
    await browser.close();
    await host.close();
    await core.close();
  }
  const all = Object.values(sort).flat();
  const figures: Record<string, number> = {
    library_first_paint_ms: round(median(firstPaint)),
    library_articles_list_ms: round(median(listCall)),
    library_rows_in_dom: Math.max(...rows),
    library_sort_p50_ms: round(median(all)),
    library_sort_p95_ms: round(quantile(all, 0.95)),
    ...Object.fromEntries(ORDERS.map((o) => [`library_sort_${o}_p95_ms`, round(quantile(sort[o]!, 0.95))])),
    library_filter_p50_ms: round(median(filter)),
    library_filter_p95_ms: round(quantile(filter, 0.95)),
    library_scroll_p50_ms: round(median(scroll)),
    library_scroll_p95_ms: round(quantile(scroll, 0.95)),
  };
  log(`library: ${JSON.stringify(figures)}`);
  return figures;
}

/**
 * Installed before the app's scripts: notes when the first rows of the library are painted, and
 * measures input-to-repaint for the events the bench starts (`__measure(kind)` arms it).
 */
const INSTRUMENT = `(() => {
  const afterPaint = (done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
  const first = new MutationObserver(() => {
    if (window.__libraryPainted !== undefined || !document.querySelector('.article-library li')) return;
    window.__libraryPainted = null;
    first.disconnect();
    afterPaint((at) => (window.__libraryPainted = at));
  });
  first.observe(document, { childList: true, subtree: true });
  window.__samples = { sort: [], filter: [], scroll: [] };
  let pending = null;
  const list = new MutationObserver(() => {
    if (!pending) return;
    const { kind, t0 } = pending;
    pending = null;
    afterPaint((end) => window.__samples[kind].push(end - t0));
  });
  const watch = () => {
    const library = document.querySelector('.article-library');
    if (library) list.observe(library, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  document.addEventListener('change', (e) => {
    if (e.target.matches && e.target.matches('select[aria-label="Sort articles"]')) { watch(); pending = { kind: 'sort', t0: e.timeStamp }; }
  }, true);
  document.addEventListener('input', (e) => {
    if (e.target.matches && e.target.matches('.library-filter')) { watch(); pending = { kind: 'filter', t0: e.timeStamp }; }
  }, true);
  document.addEventListener('scroll', (e) => {
    if (e.target.matches && e.target.matches('[data-testid="library-scroll"]')) { const t0 = e.timeStamp; afterPaint((end) => window.__samples.scroll.push(end - t0)); }
  }, true);
})()`;

async function samples(page: Page, kind: 'sort' | 'filter' | 'scroll'): Promise<number[]> {
  return page.evaluate((k) => {
    const w = window as unknown as { __samples: Record<string, number[]> };
    const out = w.__samples[k]!;
    w.__samples[k] = [];
    return out;
  }, kind);
}

async function measureSorts(page: Page, into: Record<string, number[]>): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Sort articles' });
  // The page starts on "Newest first" (date): every change below changes the order.
  for (let round = 0; round < SORT_ROUNDS; round++) {
    for (const order of ORDERS) {
      if ((await select.inputValue()) === order) continue;
      await select.selectOption(order);
      await page.waitForTimeout(150);
      const got = await samples(page, 'sort');
      if (got.length !== 1) throw new Error(`sorting by ${order} gave ${got.length} repaints`);
      into[order]!.push(got[0]!);
    }
  }
}

async function measureFilter(page: Page, into: number[]): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Filter articles' });
  // Words of the titles on screen (the reference workspace is seeded, so the same every run), then one that matches nothing.
  const titles = await page.locator('.article-library li .title').allTextContents();
  const words = [...new Set(titles.join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5))].slice(0, FILTER_WORDS);
  for (const word of [...words, `${words[0] ?? 'defence'} zzqx`]) {
    await box.click();
    for (const key of word) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForTimeout(60);
    }
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(150);
    into.push(...(await samples(page, 'filter')));
  }
}

async function measureScroll(page: Page, into: number[]): Promise<void> {
  const scroller = page.getByTestId('library-scroll');
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < SCROLL_STEPS; step++) {
    await page.mouse.wheel(0, step < SCROLL_STEPS / 2 ? 600 : -400);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(200);
  const rows = await page.locator('.article-library li').count();
  if (rows > 60) throw new Error(`${rows} library rows in the DOM while scrolling: the list is not windowed`);
  into.push(...(await samples(page, 'scroll')));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const figures = await libraryFigures(root, path.join(root, 'bench', '.cache'), (line) => process.stderr.write(`${line}\n`));
  mergeIntoResults(root, figures);
  console.log(JSON.stringify(figures, null, 2));
}
