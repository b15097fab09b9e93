import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleArticle } from '../core/testing/sampleArticle';
import { createCore } from '../core/dossierCore';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { runCaptured } from './testing/runCaptured';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let ws: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-entities-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const run = (...args: string[]) => runCaptured(args);

/** A workspace holding the sample, with some entities reviewed through the core. */
async function reviewedWorkspace(review: (core: ReturnType<typeof createCore>, articleId: string) => Promise<void>): Promise<void> {
  const core = createCore(await WorkspaceStore.open(ws, { create: true }));
  const bytes = await fs.readFile(SAMPLE);
  const { articles } = await core.api['articles.import']({ files: [{ name: 'sample.txt', base64: bytes.toString('base64') }] });
  await review(core, articles[0]!.id);
  await core.store.close();
}

describe('dossier entities FILE', () => {
  it('prints one entry per distinct entity, with merged mentions whose offsets point into the article text', async () => {
    const { code, stdout, stderr } = await run('entities', SAMPLE, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { entities } = JSON.parse(stdout) as { entities: { name: string; type: string; aliases: string[]; mentions: { start: number; end: number; text: string }[] }[] };
    const text = sampleArticle().text;
    for (const e of entities) {
      expect(Object.keys(e)).toEqual(['name', 'type', 'aliases', 'mentions']);
      for (const m of e.mentions) {
        expect(Object.keys(m)).toEqual(['start', 'end', 'text']);
        expect(text.slice(m.start, m.end)).toBe(m.text);
      }
    }
    expect(entities.find((e) => e.name === 'Rajnath Singh')).toMatchObject({ type: 'person' });
    expect(new Set(entities.map((e) => e.name)).size).toBe(entities.length);
  });

  it('applies the workspace’s rejections with --workspace, and needs exactly one FILE', async () => {
    await reviewedWorkspace(async (core, articleId) => {
      const { suggestions } = await core.api['entities.forArticle']({ articleId });
      await core.api['entities.reject']({ articleId, key: suggestions.find((s) => s.name === 'Laos')!.key });
    });
    const plain = JSON.parse((await run('entities', SAMPLE, '--json')).stdout) as { entities: { name: string }[] };
    expect(plain.entities.map((e) => e.name)).toContain('Laos');
    const learned = JSON.parse((await run('entities', SAMPLE, '--json', '--workspace', ws)).stdout) as { entities: { name: string }[] };
    expect(learned.entities.map((e) => e.name)).not.toContain('Laos');

    const none = await run('entities', '--json');
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('dossier entity list|show', () => {
  it('lists confirmed entities with counts and shows one with its mentions in context', async () => {
    await reviewedWorkspace(async (core, articleId) => {
      const { suggestions } = await core.api['entities.forArticle']({ articleId });
      await core.api['entities.accept']({ articleId, key: suggestions.find((s) => s.name === 'India')!.key });
    });
    const list = await run('entity', 'list', '--json', '--workspace', ws);
    expect(list.code).toBe(0);
    const { entities } = JSON.parse(list.stdout) as { entities: { name: string; mentionCount: number; articleCount: number }[] };
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'India', articleCount: 1 });
    expect(entities[0]!.mentionCount).toBeGreaterThanOrEqual(6);

    const show = await run('entity', 'show', 'india', '--json', '--workspace', ws);
    expect(show.code).toBe(0);
    const { entity } = JSON.parse(show.stdout) as { entity: { name: string; mentions: { context: string; text: string }[] } };
    expect(entity.name).toBe('India');
    expect(entity.mentions).toHaveLength(entities[0]!.mentionCount);
    expect(entity.mentions.some((m) => m.context.includes('strategic partners in the Quad'))).toBe(true);

    const missing = await run('entity', 'show', 'Atlantis', '--workspace', ws);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^dossier: No entity named 'Atlantis'/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
