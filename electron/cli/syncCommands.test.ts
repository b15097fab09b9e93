import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, WorkspaceStore } from '../core';
import { startTestServer, type TestServer } from '../core/sync/testing/testServer';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';

const scratch = cliScratch('dossier-cli-sync-');
let server: TestServer;
let databases = 0;

beforeAll(async () => {
  server = await startTestServer({ inMemory: true });
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

/** A new database's URL, and the credentials as a script gives them (environment variables). */
function team(): { url: string; env: Record<string, string> } {
  return { url: server.dbUrl(`team-${++databases}`), env: { DOSSIER_SYNC_USER: server.auth.username, DOSSIER_SYNC_PASSWORD: server.auth.password } };
}

const run = (ws: string, env: Record<string, string>, ...args: string[]) => runCaptured([...args, '--workspace', ws], { env });

async function json<T>(ws: string, env: Record<string, string>, ...args: string[]): Promise<T> {
  const r = await run(ws, env, ...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

async function importText(ws: string, title: string, body: string): Promise<string> {
  const file = path.join(scratch.tmp, `${title.replace(/\W+/g, '-')}.txt`);
  await fs.writeFile(file, `${title}\n\n${body}`);
  const r = await runCaptured(['import', file, '--workspace', ws], { env: {} });
  expect(r.code, r.stderr).toBe(0);
  const { articles } = await json<{ articles: { id: string; title: string }[] }>(ws, {}, 'articles');
  return articles.find((a) => a.title === title)!.id;
}

/** Renames an article as the app would (the CLI has no command for it). */
async function rename(ws: string, id: string, title: string): Promise<void> {
  const core = createCore(await WorkspaceStore.open(ws));
  try {
    await core.api['articles.rename']({ id, title });
  } finally {
    await core.close();
  }
}

describe('dossier sync, conflicts and resolve', () => {
  it('syncs two workspaces through the database: a clone, concurrent highlights, then an edit conflict settled', async () => {
    const { url, env } = team();
    const ana = scratch.ws;
    const ben = path.join(scratch.tmp, 'ben');
    const articleId = await importText(ana, 'Defence ministers meet', 'Rajnath Singh met Gen Nakatani in New Delhi to discuss a logistics agreement and joint exercises.');
    expect((await run(ana, {}, 'annotate', '--article', articleId, '--quote', 'logistics agreement', '--comment', 'RPSSA')).code).toBe(0);

    const first = await json<{ pushed: number; pulled: number; conflicts: number }>(ana, env, 'sync', '--remote', url);
    expect(first.pulled).toBe(0);
    expect(first.conflicts).toBe(0);
    expect(first.pushed).toBeGreaterThanOrEqual(4);
    expect(Object.keys(first).sort()).toEqual(['conflicts', 'pulled', 'pushed']);

    // Ben's folder does not exist: it is cloned.
    const cloned = await json<{ pushed: number; pulled: number; conflicts: number }>(ben, env, 'sync', '--remote', url);
    expect(cloned).toMatchObject({ pulled: first.pushed, conflicts: 0 });
    const bensArticles = await json<{ articles: { id: string; title: string }[] }>(ben, {}, 'articles');
    expect(bensArticles.articles.map((a) => a.title)).toEqual(['Defence ministers meet']);
    const bensHighlights = await json<{ annotations: { exact: string; comment?: string | null }[] }>(ben, {}, 'annotations', '--article', articleId);
    expect(bensHighlights.annotations.map((a) => a.exact)).toEqual(['logistics agreement']);

    // Both highlight the same article at once: no conflict, each ends with both.
    expect((await run(ana, {}, 'annotate', '--article', articleId, '--quote', 'Rajnath Singh')).code).toBe(0);
    expect((await run(ben, {}, 'annotate', '--article', articleId, '--quote', 'joint exercises')).code).toBe(0);
    await json(ana, env, 'sync');
    expect((await json<{ conflicts: number }>(ben, env, 'sync')).conflicts).toBe(0);
    await json(ana, env, 'sync');
    for (const ws of [ana, ben]) {
      const { annotations } = await json<{ annotations: { exact: string }[] }>(ws, {}, 'annotations', '--article', articleId);
      expect(annotations.map((a) => a.exact).sort()).toEqual(['Rajnath Singh', 'joint exercises', 'logistics agreement']);
    }

    // Both rename the article: one record edited twice, one conflict, both versions kept.
    await rename(ana, articleId, 'Ministers meet in Delhi');
    await rename(ben, articleId, 'India–Japan 2+2 talks');
    await json(ana, env, 'sync');
    expect((await json<{ conflicts: number }>(ben, env, 'sync')).conflicts).toBe(1);
    const listed = await json<{ conflicts: { kind: string; id: string; versions: { rev: string; value: { title?: string } }[] }[] }>(ben, {}, 'conflicts');
    expect(listed.conflicts).toHaveLength(1);
    const [conflict] = listed.conflicts;
    expect(conflict!.kind).toBe('article');
    expect(conflict!.id).toBe(`article:${articleId}`);
    expect(Object.keys(conflict!.versions[0]!).sort()).toEqual(['rev', 'value']);
    const titles = conflict!.versions.map((v) => v.value.title);
    expect([...titles].sort()).toEqual(['India–Japan 2+2 talks', 'Ministers meet in Delhi']);
    const anas = conflict!.versions.find((v) => v.value.title === 'Ministers meet in Delhi')!;

    const resolved = await json<{ id: string; rev: string }>(ben, {}, 'resolve', conflict!.id, '--keep', anas.rev);
    expect(resolved.id).toBe(conflict!.id);
    expect((await json<{ conflicts: unknown[] }>(ben, {}, 'conflicts')).conflicts).toEqual([]);
    await json(ben, env, 'sync');
    expect((await json<{ conflicts: number }>(ana, env, 'sync')).conflicts).toBe(0);
    for (const ws of [ana, ben]) {
      const { articles } = await json<{ articles: { title: string }[] }>(ws, {}, 'articles');
      expect(articles.map((a) => a.title)).toEqual(['Ministers meet in Delhi']);
    }
  }, 120_000);

  it('sends an article whose trash was emptied as gone, with its highlights, to the other side', async () => {
    const { url, env } = team();
    const ana = scratch.ws;
    const ben = path.join(scratch.tmp, 'ben');
    const articleId = await importText(ana, 'Short-lived', 'A passage about the Malacca Strait and its patrols.');
    expect((await run(ana, {}, 'annotate', '--article', articleId, '--quote', 'Malacca Strait')).code).toBe(0);
    await json(ana, env, 'sync', '--remote', url);
    await json(ben, env, 'sync', '--remote', url);
    expect((await json<{ articles: unknown[] }>(ben, {}, 'articles')).articles).toHaveLength(1);

    const core = createCore(await WorkspaceStore.open(ana));
    try {
      await core.api['articles.trash']({ id: articleId });
      await core.api['articles.emptyTrash']({ ids: [articleId] });
    } finally {
      await core.close();
    }
    await json(ana, env, 'sync');
    await json(ben, env, 'sync');
    expect((await json<{ articles: unknown[] }>(ben, {}, 'articles')).articles).toEqual([]);
    // The server keeps no live document of the article: its highlight went with it.
    const auth = { Authorization: `Basic ${Buffer.from(`${server.auth.username}:${server.auth.password}`).toString('base64')}` };
    const all = (await (await fetch(`${url}/_all_docs`, { headers: auth })).json()) as { rows: { id: string }[] };
    expect(all.rows.filter((row) => row.id.includes(articleId))).toEqual([]);
  }, 120_000);

  it('refuses plain http off this machine, a wrong password, and an empty folder without a database, in one line each', async () => {
    const http = await run(scratch.ws, {}, 'sync', '--remote', 'http://couch.example.org/team');
    expect(http.code).not.toBe(0);
    expect(http.stderr).toMatch(/Refusing http:\/\/couch\.example\.org/);
    const { url } = team();
    await importText(scratch.ws, 'A note on ports', 'Hambantota and Gwadar.');
    const wrong = await run(scratch.ws, { DOSSIER_SYNC_USER: server.auth.username, DOSSIER_SYNC_PASSWORD: 'wrong' }, 'sync', '--remote', url);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/refused the user name and password \(401\)/);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    const empty = await run(path.join(scratch.tmp, 'nothing-here'), {}, 'sync');
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toMatch(/give --remote URL to clone/);
  }, 60_000);

  it('refuses a second database for a linked workspace, saying in one line how to stop syncing first', async () => {
    const first = team();
    const second = team();
    await json(scratch.ws, first.env, 'sync', '--remote', first.url);
    const other = await run(scratch.ws, second.env, 'sync', '--remote', second.url);
    expect(other.code).toBe(1);
    expect(other.stderr.trim().split('\n')).toHaveLength(1);
    expect(other.stderr).toContain(`syncs with ${first.url}, not ${second.url}`);
    expect(other.stderr).toMatch(/Stop syncing in the app, or delete its folder .*sync while no Dossier has the workspace open/);
  }, 60_000);
});
