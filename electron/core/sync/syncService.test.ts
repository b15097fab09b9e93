import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCuttableProxy } from './testing/cuttableProxy';
import { startTestServer } from './testing/testServer';
import { fakeBody, syncTestBed, withAuth, type SideHooks } from './testing/syncTestBed';

let bed: Awaited<ReturnType<typeof syncTestBed>>;

beforeAll(async () => {
  bed = await syncTestBed();
}, 60_000);

afterAll(async () => {
  await bed?.close();
});

const side = (who: string, hooks?: SideHooks) => bed.side(who, hooks);
const database = () => bed.database();

describe('SyncService', () => {
  it('sends one side\'s records to the other through the server, and counts them', async () => {
    const url = database();
    const a = await side('ana');
    const b = await side('ben');
    a.workspace.edit('note:1', { text: 'first' });
    a.workspace.edit('annotation:x:1', { quote: 'Rajnath Singh' });
    expect(await a.sync.run({ remote: url })).toEqual({ pushed: 2, pulled: 0, conflicts: 0 });
    expect(await b.sync.run({ remote: url })).toEqual({ pushed: 0, pulled: 2, conflicts: 0 });
    expect(b.workspace.values()).toEqual(a.workspace.values());
    expect(b.workspace.docs.get('note:1')!.provenance.changedBy).toBe('ana');
    // Written in as a remote change, and not sent back.
    expect(b.workspace.published.at(-1)!.cause).toBe('sync');
    expect(await b.sync.run({})).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('keeps both versions of a record edited on two sides, and the choice of one syncs', async () => {
    const url = database();
    const a = await side('ana');
    const b = await side('ben');
    a.workspace.edit('note:1', { text: 'draft' });
    await a.sync.run({ remote: url });
    await b.sync.run({ remote: url });
    a.workspace.edit('note:1', { text: 'draft, by Ana' });
    b.workspace.edit('note:1', { text: 'draft, by Ben' });
    await a.sync.run({});
    const seenByBen = await b.sync.run({});
    expect(seenByBen.conflicts).toBe(1);
    expect((await a.sync.run({})).conflicts).toBe(1);
    // The same winner on both sides.
    expect(a.workspace.values()).toEqual(b.workspace.values());
    const [conflict] = await b.sync.conflicts();
    expect(conflict!.id).toBe('note:1');
    expect(conflict!.versions.map((v) => (v.value as { text: string }).text).sort()).toEqual(['draft, by Ana', 'draft, by Ben']);
    const bens = conflict!.versions.find((v) => (v.value as { text: string }).text === 'draft, by Ben')!;
    await b.sync.resolve('note:1', bens.rev, undefined);
    expect(b.workspace.values()['note:1']).toEqual({ text: 'draft, by Ben' });
    expect(await b.sync.conflicts()).toEqual([]);
    await b.sync.run({});
    expect((await a.sync.run({})).conflicts).toBe(0);
    expect(a.workspace.values()['note:1']).toEqual({ text: 'draft, by Ben' });
    expect(await a.sync.conflicts()).toEqual([]);
  });

  it('never conflicts over different records of one article, and syncs deletions', async () => {
    const url = database();
    const a = await side('ana');
    const b = await side('ben');
    a.workspace.edit('annotation:art:1', { quote: 'one' });
    await a.sync.run({ remote: url });
    await b.sync.run({ remote: url });
    a.workspace.edit('annotation:art:2', { quote: 'two' });
    b.workspace.edit('annotation:art:3', { quote: 'three' });
    b.workspace.remove('annotation:art:1');
    await a.sync.run({});
    await b.sync.run({});
    const last = await a.sync.run({});
    expect(last.conflicts).toBe(0);
    expect(Object.keys(a.workspace.values())).toEqual(['annotation:art:2', 'annotation:art:3']);
    expect(b.workspace.values()).toEqual(a.workspace.values());
  });

  it('keeps as a conflict an edit made here while a remote one was on its way', async () => {
    const url = database();
    const a = await side('ana');
    const b = await side('ben');
    a.workspace.edit('entity:1', { name: 'Gen Nakatani' });
    await a.sync.run({ remote: url });
    await b.sync.run({ remote: url });
    a.workspace.edit('entity:1', { name: 'Gen Nakatani (Minister)' });
    await a.sync.run({});
    // Ben edits after his last run but before the next one takes Ana's edit in.
    b.workspace.edit('entity:1', { name: 'Nakatani Gen' });
    const result = await b.sync.run({});
    expect(result.conflicts).toBe(1);
    const [conflict] = await b.sync.conflicts();
    expect(conflict!.versions.map((v) => (v.value as { name: string }).name).sort()).toEqual(['Gen Nakatani (Minister)', 'Nakatani Gen']);
  });

  it('keeps as a conflict an edit made during a run, between sending and taking in', async () => {
    const url = database();
    const a = await side('ana');
    let editDuringPull: (() => void) | null = null;
    const b = await side('ben', { progress: (phase) => {
      if (phase === 'pull' && editDuringPull) {
        editDuringPull();
        editDuringPull = null;
      }
    } });
    a.workspace.edit('note:7', { text: 'v1' });
    await a.sync.run({ remote: url });
    await b.sync.run({ remote: url });
    a.workspace.edit('note:7', { text: 'v2 by Ana' });
    await a.sync.run({});
    editDuringPull = () => b.workspace.edit('note:7', { text: 'v2 by Ben, typed mid-run' });
    const result = await b.sync.run({});
    expect(result.conflicts).toBe(1);
    const [conflict] = await b.sync.conflicts();
    expect(conflict!.versions.map((v) => (v.value as { text: string }).text).sort()).toEqual(['v2 by Ana', 'v2 by Ben, typed mid-run']);
    // Ben's edit went up at the end of that same run: Ana's next run sees the conflict too.
    expect((await a.sync.run({})).conflicts).toBe(1);
    expect(a.workspace.values()).toEqual(b.workspace.values());
  });

  it('after a crash (the open marker left behind) compares the whole workspace, so no change goes unsent', async () => {
    const url = database();
    const a = await side('ana');
    a.workspace.edit('note:1', { text: 'sent' });
    await a.sync.run({ remote: url });
    // A change made on disk whose publication (and outbox line) a crash lost: not published here.
    a.workspace.docs.set('note:2', fakeBody('note', { text: 'never published' }, { createdBy: 'ana', createdAt: '', changedBy: 'ana', changedAt: '' }));
    // The process dies: no close, so the marker stays; a new process opens the same folder.
    const again = await side('ana', { dir: a.dir, replica: a.replica });
    for (const [id, body] of a.workspace.docs) again.workspace.docs.set(id, body);
    const b = await side('ben');
    expect((await again.sync.run({})).pushed).toBe(1);
    await b.sync.run({ remote: url });
    expect(b.workspace.values()).toEqual(again.workspace.values());
    await again.sync.close();
    // Closed cleanly: the next process trusts the outbox.
    const third = await side('ana', { dir: a.dir, replica: a.replica });
    for (const [id, body] of again.workspace.docs) third.workspace.docs.set(id, body);
    expect(await third.sync.run({})).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
  });

  it('keeps syncing while both are open: an edit on one side shows on the other within two seconds', async () => {
    const url = database();
    const a = await side('ana', { live: true });
    const b = await side('ben', { live: true });
    await a.sync.run({ remote: url });
    await b.sync.run({ remote: url });
    expect(a.sync.isLive && b.sync.isLive).toBe(true);
    const started = performance.now();
    a.workspace.edit('annotation:art:1', { quote: 'a passage' });
    await expect.poll(() => b.workspace.values()['annotation:art:1'], { timeout: 2000, interval: 20 }).toEqual({ quote: 'a passage' });
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(2000);
    b.workspace.edit('annotation:art:1', { quote: 'a passage, graded' });
    await expect.poll(() => a.workspace.values()['annotation:art:1'], { timeout: 2000, interval: 20 }).toEqual({ quote: 'a passage, graded' });
    await expect.poll(async () => (await a.sync.status()).state, { timeout: 2000 }).toBe('idle');
  });

  it('resumes live sync on opening with the credentials the keychain kept, and never keeps them without one', async () => {
    const url = database();
    const keychain = new Map();
    const a = await side('ana', { live: true, credentials: keychain });
    const b = await side('ben', { live: true });
    const signedIn = new URL(url);
    const { username, password } = signedIn;
    signedIn.username = '';
    signedIn.password = '';
    const plain = signedIn.toString();
    await a.sync.run({ remote: plain, username, password });
    expect([...keychain.keys()]).toEqual([plain]);
    await a.sync.close();
    await b.sync.run({ remote: url });
    b.workspace.edit('note:5', { text: 'while Ana was away' });
    // Ana opens the workspace again: no run asked for, yet it syncs and stays live.
    const again = await side('ana', { dir: a.dir, replica: a.replica, live: true, credentials: keychain });
    await expect.poll(() => again.workspace.values()['note:5'], { timeout: 15_000, interval: 50 }).toEqual({ text: 'while Ana was away' });
    // The first run brings the note; live replication starts once it has finished.
    await expect.poll(() => again.sync.isLive, { timeout: 15_000, interval: 50 }).toBe(true);
  });

  it('loses nothing and duplicates nothing when the server goes away mid-run and comes back', async () => {
    const proxy = await startCuttableProxy(bed.server.port);
    try {
      const name = `team-cut-${Date.now()}`;
      const through = new URL(withAuth(bed.server, name));
      through.port = String(proxy.port);
      let cutAt = 0;
      const a = await side('ana', {
        progress: (phase, done) => {
          if (phase === 'push' && done >= 600 && !cutAt) {
            cutAt = done;
            proxy.cut();
          }
        },
      });
      for (let i = 0; i < 2000; i++) a.workspace.edit(`annotation:art:${String(i).padStart(4, '0')}`, { quote: `passage ${i}` });
      await expect(a.sync.run({ remote: through.toString() })).rejects.toThrow(/Could not reach/);
      expect(cutAt).toBeGreaterThan(0);
      proxy.restore();
      const second = await a.sync.run({});
      expect(second.pushed).toBeLessThan(2000);
      expect(second.pushed).toBeGreaterThan(0);
      const b = await side('ben');
      await b.sync.run({ remote: withAuth(bed.server, name) });
      expect(b.workspace.values()).toEqual(a.workspace.values());
      // Each document arrived once: still at its first revision on the server.
      const all = (await (await fetch(`${bed.server.dbUrl(name)}/_all_docs`, { headers: { Authorization: `Basic ${Buffer.from(`${bed.server.auth.username}:${bed.server.auth.password}`).toString('base64')}` } })).json()) as { rows: { value: { rev: string } }[] };
      expect(all.rows).toHaveLength(2000);
      expect(all.rows.every((row) => row.value.rev.startsWith('1-'))).toBe(true);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('signs in with the credentials of the last run, for live sync and for a run that gives none (URL credentials too)', async () => {
    const name = `members-${Date.now()}`;
    const url = withAuth(bed.server, name);
    const plain = bed.server.dbUrl(name);
    // A database only its members may read or write, as a team's is: an anonymous request is refused (401).
    const basic = `Basic ${Buffer.from(`${bed.server.auth.username}:${bed.server.auth.password}`).toString('base64')}`;
    expect((await fetch(plain, { method: 'PUT', headers: { Authorization: basic } })).status).toBe(201);
    const security = { members: { names: [bed.server.auth.username], roles: [] }, admins: { names: [], roles: [] } };
    await fetch(`${plain}/_security`, { method: 'PUT', headers: { Authorization: basic, 'Content-Type': 'application/json' }, body: JSON.stringify(security) });
    expect((await fetch(plain)).status).toBe(401);

    const a = await side('ana', { live: true });
    const b = await side('ben');
    a.workspace.edit('note:1', { text: 'first' });
    // Credentials in the URL, as a user may paste it.
    expect(await a.sync.run({ remote: url })).toMatchObject({ pushed: 1 });
    expect(await a.sync.status()).toMatchObject({ live: true, state: expect.stringMatching(/idle|syncing/) });
    // Live sync signs in: an edit reaches the server on its own.
    a.workspace.edit('note:2', { text: 'second, sent live' });
    await b.sync.run({ remote: plain, username: bed.server.auth.username, password: bed.server.auth.password });
    await expect
      .poll(async () => (await b.sync.run({}), b.workspace.values()['note:2']), { timeout: 5000, interval: 100 })
      .toEqual({ text: 'second, sent live' });
    // "Sync now": no credentials given, the remembered ones are used.
    b.workspace.edit('note:3', { text: 'third' });
    expect(await b.sync.run({})).toMatchObject({ pushed: 1 });
    // A new process remembers none: the server refuses it, in words.
    const again = await side('ben', { dir: b.dir, replica: b.replica });
    await b.sync.close();
    await expect(again.sync.run({})).rejects.toThrow(/refused the user name and password \(401\)/);
    // Its own code, so the app asks for the password again without reading the words.
    await expect(again.sync.run({})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await again.sync.status()).toMatchObject({ state: 'error', live: false });
  });

  it('reads the replica from where the first run left it: a second run does not walk its own documents again', async () => {
    const url = database();
    const phases: string[] = [];
    const a = await side('ana', { progress: (phase) => phases.push(phase) });
    for (let i = 0; i < 50; i++) a.workspace.edit(`annotation:art:${i}`, { quote: `passage ${i}` });
    expect((await a.sync.run({ remote: url })).pushed).toBe(50);
    phases.length = 0;
    expect(await a.sync.run({})).toEqual({ pushed: 0, pulled: 0, conflicts: 0 });
    expect(phases.filter((phase) => phase === 'apply')).toEqual([]);
  });

  it('refuses a second database for a linked workspace, plain http off this machine, and says why a workspace may not sync', async () => {
    const url = database();
    const a = await side('ana');
    await a.sync.run({ remote: url });
    await expect(a.sync.run({ remote: `${bed.server.url}/another` })).rejects.toThrow(/syncs with .* not .*another/);
    // Saying how to change databases, in one line.
    await expect(a.sync.run({ remote: `${bed.server.url}/another` })).rejects.toThrow(/^[^\n]*Stop syncing[^\n]*$/);
    const b = await side('ben');
    await expect(b.sync.run({ remote: 'http://couch.example.org/team' })).rejects.toThrow(/Refusing http:\/\//);
    await expect(b.sync.run({})).rejects.toThrow(/not linked/);
    expect(await b.sync.status()).toMatchObject({ state: 'unlinked', refusal: null });
    // The app shows the refusal from the status, before anyone types a URL.
    const sealed = await side('cal', { refusal: 'This workspace is encrypted, and Dossier does not sync encrypted workspaces.' });
    expect(await sealed.sync.status()).toMatchObject({ state: 'unlinked', refusal: expect.stringMatching(/encrypted/) });
    await expect(sealed.sync.run({ remote: url })).rejects.toThrow(/does not sync encrypted/);
  });

  it('fails a run with a clear message when the server cannot be reached, and sends the work at the next', async () => {
    const a = await side('ana');
    a.workspace.edit('note:9', { text: 'offline work' });
    await expect(a.sync.run({ remote: 'http://127.0.0.1:9/team' })).rejects.toThrow(/Could not reach http:\/\/127\.0\.0\.1:9\/team/);
    // Not linked to an address that never answered: the right one is taken next.
    expect((await a.sync.status()).state).toBe('unlinked');
    const own = await startTestServer({ inMemory: true });
    const url = own.dbUrl('team');
    expect(await a.sync.run({ remote: withAuth(own, 'team') })).toEqual({ pushed: 1, pulled: 0, conflicts: 0 });
    await own.dispose();
    a.workspace.edit('note:9', { text: 'offline work, edited' });
    await expect(a.sync.run({})).rejects.toThrow(/Could not reach/);
    const status = await a.sync.status();
    expect(status).toMatchObject({ state: 'error', remote: url });
    expect(status.error).toMatch(/Could not reach/);
  });

  it('stops syncing: live sync ends, the link, the outbox and the kept credentials go, and the records stay', async () => {
    const url = database();
    const keychain = new Map();
    const signedIn = new URL(url);
    const { username, password } = signedIn;
    signedIn.username = '';
    signedIn.password = '';
    const plain = signedIn.toString();
    const a = await side('ana', { live: true, credentials: keychain });
    a.workspace.edit('note:1', { text: 'mine' });
    await a.sync.run({ remote: plain, username, password });
    expect(a.sync.isLive).toBe(true);
    expect(keychain.has(plain)).toBe(true);
    const folder = path.join(a.dir, 'sync');
    expect((await fs.readdir(folder)).sort()).toEqual(expect.arrayContaining(['applied.jsonl', 'link.json']));
    expect((await a.sync.status()).state).not.toBe('unlinked');

    const after = await a.sync.unlink();
    expect(after).toMatchObject({ remote: null, state: 'unlinked', pending: 0, conflicts: 0, error: null, live: false });
    expect(a.sync.isLive).toBe(false);
    // What linking again to the same database goes on from stays: the applied revisions (and the
    // replica, kept in memory here), named by the former link.
    expect((await fs.readdir(folder)).sort()).toEqual(['applied.jsonl', 'former.json']);
    expect(JSON.parse(await fs.readFile(path.join(folder, 'former.json'), 'utf8'))).toMatchObject({ kind: 'sync-former-link', url: plain });
    expect(keychain.size).toBe(0);
    expect(a.workspace.values()).toEqual({ 'note:1': { text: 'mine' } });
    // An ordinary workspace: edits are not noted for a database, and a run needs one.
    a.workspace.edit('note:2', { text: 'made while unlinked' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await a.sync.status()).pending).toBe(0);
    expect((await fs.readdir(folder)).sort()).toEqual(['applied.jsonl', 'former.json']);
    await expect(a.sync.run({})).rejects.toThrow(/not linked/);
    // Live sync stopped: the server hears nothing more from it.
    const b = await side('ben');
    await b.sync.run({ remote: url });
    expect(b.workspace.values()).toEqual({ 'note:1': { text: 'mine' } });
    // Unlinking an unlinked workspace changes nothing.
    expect((await a.sync.unlink()).state).toBe('unlinked');
  });

  it('links again after stopping, to the same database or another, taking the team\'s documents in first', async () => {
    const url = database();
    const a = await side('ana');
    const b = await side('ben');
    a.workspace.edit('note:1', { text: 'draft' });
    await a.sync.run({ remote: url });
    await b.sync.run({ remote: url });
    await a.sync.unlink();
    // Meanwhile the team moves on, and Ana writes a note of her own.
    b.workspace.edit('note:1', { text: 'draft, finished by Ben' });
    b.workspace.edit('note:3', { text: 'Ben\'s new note' });
    await b.sync.run({});
    a.workspace.edit('note:2', { text: 'Ana\'s note while unlinked' });

    const again = await a.sync.run({ remote: url });
    expect(again).toMatchObject({ conflicts: 0 });
    expect(again.pulled).toBeGreaterThanOrEqual(2);
    expect(a.workspace.values()).toEqual({
      'note:1': { text: 'draft, finished by Ben' },
      'note:2': { text: 'Ana\'s note while unlinked' },
      'note:3': { text: 'Ben\'s new note' },
    });
    await b.sync.run({});
    expect(b.workspace.values()).toEqual(a.workspace.values());

    // Another database: refused while linked, taken once unlinked.
    const other = database();
    await expect(a.sync.run({ remote: other })).rejects.toThrow(/one database/);
    await a.sync.unlink();
    expect(await a.sync.run({ remote: other })).toMatchObject({ pushed: 3, pulled: 0, conflicts: 0 });
    expect((await a.sync.status()).remote).toBe(new URL(other).origin + new URL(other).pathname);
  });

  it('stops syncing after a run under way has finished, never in the middle of it', async () => {
    const url = database();
    const a = await side('ana');
    for (let i = 0; i < 300; i++) a.workspace.edit(`annotation:art:${i}`, { quote: `passage ${i}` });
    const running = a.sync.run({ remote: url });
    const unlinked = a.sync.unlink();
    expect((await running).pushed).toBe(300);
    expect((await unlinked).state).toBe('unlinked');
    // Unlinked once the run had recorded everything it applied: the former link goes on from there.
    await expect(fs.stat(path.join(a.dir, 'sync', 'link.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(JSON.parse(await fs.readFile(path.join(a.dir, 'sync', 'former.json'), 'utf8')).appliedSeq).not.toBeNull();
  });
});

describe('SyncService with lists', () => {
  const types = (...keys: string[]) => ({ types: keys.map((key) => ({ key, label: key, inverse: `${key} of` })) });

  it('merges what two sides add to a list while apart, and takes out what one removed, with no conflict', async () => {
    const [a, b] = await bed.pair();
    a.workspace.edit('relation-types', types('meets', 'signed'));
    await a.sync.run({});
    await b.sync.run({});
    a.workspace.edit('relation-types', types('meets', 'signed', 'funds'));
    b.workspace.edit('relation-types', types('meets', 'supplies'));
    await a.sync.run({});
    expect((await b.sync.run({})).conflicts).toBe(0);
    expect((await a.sync.run({})).conflicts).toBe(0);
    // Ben's removal of "signed" holds, and both additions stay.
    expect(a.workspace.values()['relation-types']).toEqual(b.workspace.values()['relation-types']);
    expect((a.workspace.values()['relation-types'] as ReturnType<typeof types>).types.map((t) => t.key).sort()).toEqual(['funds', 'meets', 'supplies']);
    expect(await a.sync.conflicts()).toEqual([]);
  });

  it('keeps an article\'s list emptied on one side as an empty list, so a colleague\'s addition does not undo the removal', async () => {
    const [a, b] = await bed.pair();
    const id = 'dismissed-dates:art_1';
    a.workspace.edit(id, { keys: ['2025-03-12@40'] });
    await a.sync.run({});
    await b.sync.run({});
    // Ana takes the last date out (the workspace then reads no document); Ben dismisses another.
    a.workspace.remove(id);
    b.workspace.edit(id, { keys: ['2025-03-12@40', '2025-04-01@90'] });
    await a.sync.run({});
    expect((await b.sync.run({})).conflicts).toBe(0);
    await a.sync.run({});
    expect(a.workspace.values()[id]).toEqual({ keys: ['2025-04-01@90'] });
    expect(b.workspace.values()[id]).toEqual({ keys: ['2025-04-01@90'] });
    // A list nobody ever held is no document at all.
    a.workspace.remove('dismissed-dates:art_2');
    expect((await a.sync.run({})).pushed).toBe(0);
  });

  it('leaves a list item changed two ways as a conflict, and merges at the next run a list conflict noted before lists merged', async () => {
    const [a, b] = await bed.pair();
    a.workspace.edit('relation-types', types('meets'));
    await a.sync.run({});
    await b.sync.run({});
    // The same new type named two ways: the analyst's to settle.
    a.workspace.edit('relation-types', { types: [...types('meets').types, { key: 'funds', label: 'funds', inverse: 'funded by' }] });
    b.workspace.edit('relation-types', { types: [...types('meets').types, { key: 'funds', label: 'finances', inverse: 'financed by' }] });
    await a.sync.run({});
    expect((await b.sync.run({})).conflicts).toBe(1);
    expect((await a.sync.run({})).conflicts).toBe(1);
    expect((await a.sync.conflicts()).map((c) => c.id)).toEqual(['relation-types']);

    // A conflict on a list that an earlier Dossier noted, as it did before lists merged.
    const older = (side: typeof a) => ((side.workspace as { merge: unknown }).merge = () => null);
    const [c, d] = await bed.pair();
    const [mergeC, mergeD] = [c.workspace.merge, d.workspace.merge];
    older(c);
    older(d);
    c.workspace.edit('entity-rejections', { names: ['japan'] });
    d.workspace.edit('entity-rejections', { names: ['india'] });
    await c.sync.run({});
    await d.sync.run({});
    expect((await c.sync.run({})).conflicts).toBe(1);
    c.workspace.merge = mergeC;
    d.workspace.merge = mergeD;
    expect((await c.sync.run({})).conflicts).toBe(0);
    expect((await d.sync.run({})).conflicts).toBe(0);
    expect(new Set((c.workspace.values()['entity-rejections'] as { names: string[] }).names)).toEqual(new Set(['japan', 'india']));
    expect(d.workspace.values()).toEqual(c.workspace.values());
  });
});
