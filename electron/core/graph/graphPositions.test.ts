import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../common/contract';
import { checkWorkspace } from '../check/checkWorkspace';
import { createCore } from '../dossierCore';
import { problemWith } from '../snapshots/workspaceFiles';
import { SCHEMA_VERSION } from '../store/schemaFile';
import { WorkspaceStore } from '../store/workspaceStore';
import { graphFixture, type GraphFixture } from '../testing/graphFixture';
import { rejection } from '../testing/testHelpers';

let w: GraphFixture;

beforeEach(async () => {
  w = await graphFixture('dossier-graph-positions-');
});

afterEach(async () => {
  await w.close();
});

const pin = async (positions: Record<string, { x: number; y: number } | null>) => (await w.core.api['graph.setPositions']({ positions })).pinned;
const positionOf = async (id: string) => (await w.core.api['graph.data']({})).nodes.find((n) => n.id === id)?.position;

describe('graph.setPositions', () => {
  it('pins and unpins nodes, answering how many are pinned, and the chart shows where', async () => {
    expect(await pin({ [w.ids.India]: { x: 10, y: -20.5 }, [w.ids.Japan]: { x: 0, y: 0 } })).toBe(2);
    expect(await positionOf(w.ids.India)).toEqual({ x: 10, y: -20.5 });
    expect(await positionOf(w.ids.Japan)).toEqual({ x: 0, y: 0 });
    expect(await positionOf(w.ids.Quad)).toBeNull();
    expect(await pin({ [w.ids.India]: null, [w.ids.Quad]: { x: 5, y: 5 } })).toBe(2);
    expect(await positionOf(w.ids.India)).toBeNull();
    expect(await pin({})).toBe(2);
  });

  it('saves graph.json in its own format, which backups and dossier check accept', async () => {
    await pin({ [w.ids.Tokyo]: { x: 1.5, y: 2 } });
    await w.store.flush();
    const bytes = await fs.readFile(path.join(w.dir, 'graph.json'));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ schemaVersion: SCHEMA_VERSION, kind: 'graph', rev: 1, positions: { [w.ids.Tokyo]: { x: 1.5, y: 2 } } });
    expect(problemWith('graph.json', bytes)).toBeNull();
    const damaged = Buffer.from(bytes.toString('utf8').replace('1.5', '"left"'));
    expect(problemWith('graph.json', damaged)).toMatch(/graph\.json/);

    await w.store.close();
    expect(await checkWorkspace(w.dir)).toEqual([]);
    await fs.writeFile(path.join(w.dir, 'graph.json'), damaged);
    expect(await checkWorkspace(w.dir)).toEqual([expect.objectContaining({ file: 'graph.json', action: 'quarantine' })]);
    await fs.writeFile(path.join(w.dir, 'graph.json'), bytes);
    w.store = await WorkspaceStore.open(w.dir);
    w.core = createCore(w.store);
    expect(await positionOf(w.ids.Tokyo)).toEqual({ x: 1.5, y: 2 });
  });

  it('is announced as a workspace setting and is not an undo step', async () => {
    const lines: string[] = [];
    w.core.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') lines.push(JSON.stringify((payload as EventPayload<'workspace.changed'>).changes));
    });
    const before = await w.core.api['history.state']({});
    await pin({ [w.ids.India]: { x: 1, y: 1 } });
    expect(lines).toEqual([JSON.stringify([{ subject: 'workspace', kind: 'updated', id: 'graph-positions', articleId: null }])]);
    expect(await w.core.api['history.state']({})).toEqual(before);
    await w.core.api['history.undo']({});
    expect(await positionOf(w.ids.India)).toEqual({ x: 1, y: 1 });
  });

  it('follows merges: a position pinned on an entity merged away moves to the survivor, unless it has its own', async () => {
    const bharat = (await w.core.api['entities.create']({ name: 'Bharat', type: 'place' })).entity.id;
    const delhi = (await w.core.api['entities.create']({ name: 'Delhi', type: 'place' })).entity.id;
    expect(await pin({ [bharat]: { x: 7, y: 8 }, [delhi]: { x: 1, y: 2 }, [w.ids.Japan]: { x: 3, y: 4 } })).toBe(3);
    await w.core.api['entities.merge']({ sourceId: bharat, targetId: w.ids.India });
    await w.core.api['entities.merge']({ sourceId: delhi, targetId: w.ids.Japan });
    expect(await positionOf(w.ids.India)).toEqual({ x: 7, y: 8 });
    expect(await positionOf(w.ids.Japan)).toEqual({ x: 3, y: 4 });
    expect(await pin({})).toBe(2);
    // Pinning by a merged-away id pins the survivor, and replaces what was pinned on either.
    expect(await pin({ [bharat]: { x: 0, y: 9 } })).toBe(2);
    expect(await positionOf(w.ids.India)).toEqual({ x: 0, y: 9 });
    expect(await pin({ [w.ids.India]: null })).toBe(1);
    expect(await positionOf(w.ids.India)).toBeNull();
  });

  it('refuses ids that name no entity, saving nothing', async () => {
    const error = await rejection(pin({ [w.ids.India]: { x: 1, y: 1 }, ent_nobody: { x: 0, y: 0 } }));
    expect(error).toMatchObject({ code: 'not-found', message: 'No entity with id ent_nobody in this workspace.' });
    expect(await positionOf(w.ids.India)).toBeNull();
    await expect(w.core.dispatch('graph.setPositions', { positions: { [w.ids.India]: { x: Infinity, y: 0 } } })).resolves.toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('is restored from a backup, and emptied by restoring one taken before anything was pinned', async () => {
    await w.store.flush();
    const empty = (await w.core.api['backups.take']({})).backup!;
    await pin({ [w.ids.India]: { x: 1, y: 1 } });
    await w.store.flush();
    const pinned = (await w.core.api['backups.take']({})).backup!;
    const { restored } = await w.core.api['backups.restore']({ id: empty.id });
    expect(restored).toContain('graph.json');
    expect(await positionOf(w.ids.India)).toBeNull();
    await w.core.api['backups.restore']({ id: pinned.id, files: ['graph.json'] });
    expect(await positionOf(w.ids.India)).toEqual({ x: 1, y: 1 });
  });
});
