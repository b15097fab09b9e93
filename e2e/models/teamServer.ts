import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../../electron/core/sync/testing/testServer';
import { expect, test } from '../fixtures';

/**
 * A CouchDB-compatible server on loopback for a spec file (started before its tests, removed
 * after), and the team databases on it: members only, as docs/SYNC.md sets a team's up.
 */
export function useTeamServer(prefix: string) {
  let server: TestServer | undefined;
  let counter = 0;
  test.beforeAll(async () => {
    server = await startTestServer({ inMemory: true });
  });
  test.afterAll(async () => {
    await server?.dispose();
  });
  const running = (): TestServer => {
    if (!server) throw new Error('The team server starts before the tests.');
    return server;
  };
  const basic = () => `Basic ${Buffer.from(`${running().auth.username}:${running().auth.password}`).toString('base64')}`;
  return {
    get server(): TestServer {
      return running();
    },
    /** A new database only its members may use: an unsigned request is refused. */
    async teamDatabase(): Promise<string> {
      const url = running().dbUrl(`${prefix}-${Date.now()}-${++counter}`);
      expect((await fetch(url, { method: 'PUT', headers: { Authorization: basic() } })).status).toBe(201);
      const security = { members: { names: [running().auth.username], roles: [] }, admins: { names: [], roles: [] } };
      await fetch(`${url}/_security`, { method: 'PUT', headers: { Authorization: basic(), 'Content-Type': 'application/json' }, body: JSON.stringify(security) });
      expect((await fetch(url)).status).toBe(401);
      return url;
    },
    /** A document as the server holds it (signed in), or null. */
    async serverDoc<T = { value?: { title?: string; text?: string } }>(url: string, id: string): Promise<T | null> {
      const response = await fetch(`${url}/${encodeURIComponent(id)}`, { headers: { Authorization: basic() } });
      return response.ok ? ((await response.json()) as T) : null;
    },
  };
}

/** The sync state in the top bar. */
export function syncIndicator(page: Page): Locator {
  return page.getByRole('banner').getByTestId('sync-indicator');
}

/** axe's serious and critical findings inside `include`. */
export async function seriousViolationsIn(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Runs `shoot` in the light theme, then the dark one, and leaves the page light. */
export async function inBothThemes(page: Page, shoot: (theme: 'light' | 'dark') => Promise<void>): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await shoot(theme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
