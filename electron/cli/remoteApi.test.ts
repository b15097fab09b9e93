import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../common/errors';
import { createCore, type DossierCore } from '../core/dossierCore';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { startHost, type RunningHost } from '../host/hostServer';
import { createRemoteApi } from './remoteApi';
import { step } from '../common/model/phrase';

let tmp: string;
let core: DossierCore;
let host: RunningHost;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-remote-'));
  await fs.mkdir(path.join(tmp, 'renderer'));
  await fs.writeFile(path.join(tmp, 'renderer', 'index.html'), '<!doctype html>');
  core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }));
  host = await startHost({ core, rendererDir: path.join(tmp, 'renderer') });
});
afterEach(async () => {
  await host.close();
  await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('createRemoteApi', () => {
  it('calls the running core and returns its validated answers', async () => {
    const api = createRemoteApi(host.origin, host.token);
    expect(await api['workspace.info']({})).toEqual(await core.api['workspace.info']({}));
    const { articles } = await api['articles.import']({
      files: [{ name: 'a.txt', base64: Buffer.from('Remote title\n\nBody text.').toString('base64') }],
    });
    expect(articles[0]).toMatchObject({ title: 'Remote title', duplicate: false });
    const { annotation } = await api['annotations.createFromQuote']({ articleId: articles[0]!.id, quote: 'Body' });
    expect(await core.api['annotations.list']({ articleId: articles[0]!.id })).toEqual({ annotations: [annotation] });
  });

  it('carries the calls for replies, metadata, the palette, versions and undo', async () => {
    const api = createRemoteApi(host.origin, host.token);
    const body = 'Remote title\n\nBody text, long enough to be a plain article about ministers meeting in Delhi.';
    const { articles } = await api['articles.import']({ files: [{ name: 'a.txt', base64: Buffer.from(body).toString('base64') }] });
    const articleId = articles[0]!.id;
    const { annotation } = await api['annotations.createFromQuote']({ articleId, quote: 'Delhi', color: 'blue', tags: ['venue'], grading: { reliability: 'C', credibility: 3 } });
    expect(annotation).toMatchObject({ color: 'blue', tags: ['venue'], grading: { reliability: 'C', credibility: 3 } });
    const { annotation: replied } = await api['replies.add']({ articleId, annotationId: annotation.id, body: 'Confirmed.' });
    expect(replied.replies).toHaveLength(1);
    expect(await api['history.state']({})).toEqual({ undo: step('addReply'), redo: null });
    expect(await api['history.undo']({})).toMatchObject({ label: step('addReply'), articleId });
    expect(await api['history.redo']({})).toMatchObject({ label: step('addReply'), articleId });
    const { article } = await api['articles.updateMeta']({ id: articleId, patch: { outlet: 'Remote Times' } });
    expect(article.outlet).toBe('Remote Times');
    const palette = (await api['workspace.info']({})).palette.map((p) => (p.key === 'blue' ? { ...p, label: 'Open question' } : p));
    expect(await api['workspace.setPalette']({ palette })).toEqual({ palette });
    expect(await api['articles.versionText']({ id: articleId, version: 1 })).toEqual({ text: body });
    await expect(api['replies.add']({ articleId, annotationId: annotation.id, body: ' ' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('turns the core\u2019s errors back into DossierErrors with their code', async () => {
    const api = createRemoteApi(host.origin, host.token);
    const error = await api['articles.get']({ id: 'art_00000000000000000000000000' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DossierError);
    expect(error).toMatchObject({ code: 'not-found' });
    await expect(api['annotations.create']({ articleId: 'x', start: -1, end: 1 })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('says "unavailable" with a wrong token or when nothing answers', async () => {
    await expect(createRemoteApi(host.origin, 'wrong')['articles.list']({})).rejects.toMatchObject({ code: 'unavailable' });
    const origin = host.origin;
    await host.close();
    await expect(createRemoteApi(origin, host.token)['articles.list']({})).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining(origin),
    });
    host = await startHost({ core, rendererDir: path.join(tmp, 'renderer') });
  });
});
