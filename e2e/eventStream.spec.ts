import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { dossierCli } from './models/cli';
import { ReaderPage } from './models/ReaderPage';

/**
 * The browser window hears of changes over one event stream (server-sent events from the host) and
 * keeps every answer until a change says it is stale: a change made while that stream is not
 * flowing must still reach the window. (Electron's IPC has no such gap: browser only.)
 */

const FIRST = 'further deepen bilateral defence cooperation';
const SECOND = 'reciprocal logistics agreement';

test.beforeEach(({ shell }) => {
  test.skip(shell !== 'browser', 'the event stream is the browser host’s; Electron’s IPC events are not cut off');
});

/** A highlight made by the `dossier` command, which goes through the running host. */
async function annotateFromCli(workspace: string, articleId: string, quote: string): Promise<void> {
  await dossierCli(['annotate', '--workspace', workspace, '--article', articleId, '--quote', quote, '--occurrence', '1', '--comment', 'From the command line.', '--json']);
}

/** Holds the next requests for the event stream until `release` is called; the ones after go through. */
async function holdEventStream(page: Page): Promise<{ release(): void; held: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen!: () => void;
  const held = new Promise<void>((resolve) => (seen = resolve));
  await page.route('**/api/events', async (route) => {
    seen();
    await released;
    await route.continue();
  });
  return { release, held };
}

test('a change made while the window loads, before its event stream flows, shows without a reload', async ({ dossier }) => {
  const { page } = dossier;
  const reader = new ReaderPage(page);
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  const stream = await holdEventStream(page);
  await page.reload();
  await stream.held;
  // The window has started (and its first calls wait for the stream); the command line changes the workspace now.
  await annotateFromCli(dossier.workspace, articleId, FIRST);
  stream.release();
  await expect(reader.card(FIRST)).toBeVisible();
  await expect(reader.card(FIRST)).toContainText('From the command line.');
});

test('a change made while the event stream was cut off shows once it flows again', async ({ dossier }) => {
  const { page } = dossier;
  const reader = new ReaderPage(page);
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  // The window's first stream ends at once (as when the host restarts), and its reconnection is held.
  let requests = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reconnecting!: () => void;
  const reconnected = new Promise<void>((resolve) => (reconnecting = resolve));
  await page.route('**/api/events', async (route) => {
    requests += 1;
    if (requests === 1) return route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': connected\n\n' });
    if (requests === 2) {
      reconnecting();
      await released;
    }
    await route.continue();
  });
  await page.reload();
  await expect(reader.title).toBeVisible();
  await reconnected;
  await annotateFromCli(dossier.workspace, articleId, SECOND);
  // Not announced: the stream was down when it was made.
  await page.waitForTimeout(500);
  await expect(reader.card(SECOND)).toHaveCount(0);
  release();
  await expect(reader.card(SECOND)).toBeVisible();
  await expect(reader.card(SECOND)).toContainText('From the command line.');
});
