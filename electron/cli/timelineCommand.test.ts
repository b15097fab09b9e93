import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/dossierCore';
import { WorkspaceStore } from '../core/store/workspaceStore';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));
const scratch = cliScratch('dossier-cli-timeline-');
const run = (...args: string[]) => runCaptured([...args, '--workspace', scratch.ws]);

interface Row {
  date: string;
  precision: string;
  label: string;
  entities: string[];
  evidence: { articleId: string; start: number; end: number; exact: string };
}

describe('dossier timeline', () => {
  it('prints the dates detected in a freshly imported sample in the exact JSON shape, earliest first', async () => {
    expect((await run('import', SAMPLE)).code).toBe(0);
    const { articles } = JSON.parse((await run('articles', '--json')).stdout) as { articles: { id: string }[] };
    const articleId = articles[0]!.id;
    const result = await run('timeline', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('}\n')).toBe(true);
    const { events } = JSON.parse(result.stdout) as { events: Row[] };
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(['events']);
    expect(events.map((e) => [e.date, e.precision])).toEqual([
      ['2014', 'year'],
      ['2024-11', 'month'],
      ['2024-11', 'month'],
      ['2024-11', 'month'],
      ['2025-05-04', 'day'],
      ['2025-05-05', 'day'],
    ]);
    const core = createCore(await WorkspaceStore.open(scratch.ws));
    const { text } = await core.api['articles.get']({ id: articleId });
    await core.store.close();
    for (const e of events) {
      expect(Object.keys(e)).toEqual(['date', 'precision', 'label', 'entities', 'evidence']);
      expect(Object.keys(e.evidence)).toEqual(['articleId', 'start', 'end', 'exact']);
      expect(e.evidence.articleId).toBe(articleId);
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.exact);
      expect(e.entities).toEqual([]);
    }
    expect(events[5]!.evidence.exact).toMatch(/in New Delhi on Monday\.$/);
    expect(events[4]!.evidence.exact).toMatch(/^The Ministry of Defence stated on Sunday/);
    expect(events[0]!.evidence.exact).toMatch(/special strategic and global partnership in 2014\.$/);

    const one = await run('timeline', '--article', articleId.slice(4, 12), '--json');
    expect(one.stdout).toBe(result.stdout);
  });

  it('lists only the confirmed events of an article once one is confirmed, with the entities named in its passage', async () => {
    const core = createCore(await WorkspaceStore.open(scratch.ws, { create: true }));
    const bytes = await fs.readFile(SAMPLE);
    const articleId = (await core.api['articles.import']({ files: [{ name: 'sample.txt', base64: bytes.toString('base64') }] })).articles[0]!.id;
    const { suggestions: entities } = await core.api['entities.forArticle']({ articleId });
    await core.api['entities.accept']({ articleId, key: entities.find((s) => s.name === 'Rajnath Singh')!.key });
    const [monday] = (await core.api['timeline.suggestions']({ articleId })).suggestions;
    await core.api['timeline.confirm']({ articleId, key: monday!.key, label: 'Singh meets Nakatani in New Delhi' });
    await core.store.close();

    const result = await run('timeline', '--article', articleId, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      events: [
        {
          date: '2025-05-05',
          precision: 'day',
          label: 'Singh meets Nakatani in New Delhi',
          entities: ['Rajnath Singh'],
          evidence: { articleId, start: monday!.evidence.start, end: monday!.evidence.end, exact: monday!.evidence.exact },
        },
      ],
    });
    const plain = await run('timeline');
    expect(plain.stdout).toBe(`2025-05-05  Singh meets Nakatani in New Delhi  [Rajnath Singh]  (${articleId} ${monday!.evidence.start}–${monday!.evidence.end})\n`);
  });

  it('says so on a workspace without dates, and refuses an unknown article or a folder that is no workspace', async () => {
    expect((await run('timeline', '--json')).stderr).toMatch(/not a Dossier workspace|does not exist|No workspace/i);
    await (await WorkspaceStore.open(scratch.ws, { create: true })).close();
    expect(await run('timeline', '--json')).toEqual({ code: 0, stdout: '{"events":[]}\n', stderr: '' });
    expect((await run('timeline')).stdout).toBe('No dates found or confirmed yet.\n');
    const unknown = await run('timeline', '--article', 'art_nope', '--json');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/No article with id 'art_nope'/);
  });
});
