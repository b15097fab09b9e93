import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../common/model/annotation';
import { createCore, type DossierCore } from '../dossierCore';
import { WorkspaceStore } from '../store/workspaceStore';
import { graphFixture, type GraphFixture } from '../testing/graphFixture';
import { annotationOn } from '../testing/testHelpers';
import { PLACED_FILE, PlacedHighlights } from './placedHighlights';

/** How the chart answered before: every article's highlights read, those not orphaned placed. */
async function placedTheSlowWay(store: WorkspaceStore, articleIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const byArticle = new Map<string, Set<string>>();
  for (const id of new Set(articleIds)) {
    if (!store.hasArticle(id)) continue;
    byArticle.set(id, new Set((await store.readAnnotations(id)).filter((a) => a.status !== 'orphaned').map((a) => a.id)));
  }
  return byArticle;
}

const sorted = (map: Map<string, ReadonlySet<string>>) => Object.fromEntries([...map].map(([id, set]) => [id, [...set].sort()]).sort(([a], [b]) => String(a).localeCompare(String(b))));

describe('the chart on a fresh start', () => {
  let w: GraphFixture;
  let core: DossierCore;

  afterEach(async () => {
    await core.close();
    await w.close();
  });

  /** A fresh core on the same folder, as a new process would open it. */
  const reopen = async () => {
    await core.close();
    core = createCore(await WorkspaceStore.open(w.dir));
    return core;
  };
  const modiEdge = async () => (await core.api['graph.data']({})).edges.find((e) => e.id === w.rel.modiIndia)!;
  const modiPassage = async () => (await core.api['relations.list']({})).relations.find((r) => r.id === w.rel.modiIndia)!.evidence[0]!;

  it('flags evidence whose highlight was deleted or orphaned since the last start, and not once it is placed again', async () => {
    w = await graphFixture();
    core = w.core;
    // Saves still in the write-ahead log are answered from memory and not recorded; closing folds them.
    expect(await modiEdge()).toMatchObject({ flagged: false });
    await reopen();
    expect(await modiEdge()).toMatchObject({ flagged: false });
    const { annotationId } = await modiPassage();
    // The first start wrote what it read; the next one reads that instead of the articles.
    await reopen();
    await expect(fs.stat(core.store.derivedPath(PLACED_FILE))).resolves.toBeTruthy();

    // A new version of the article without the sentence: the passage is orphaned by re-anchoring.
    const talks = ['India and Japan hold defence talks', '', 'India and Japan are strategic partners in the Quad.', '', 'Tokyo hosts the talks. The leader spoke at length.'].join('\n');
    await core.api['articles.replace']({ id: w.articles.A, file: { name: 'talks.txt', base64: Buffer.from(talks).toString('base64') } });
    expect(await modiPassage()).toMatchObject({ status: 'orphaned' });
    expect(await modiEdge()).toMatchObject({ flagged: true });
    await reopen();
    expect(await modiEdge()).toMatchObject({ flagged: true });

    // Put back on words of the new version: placed again, in this process and the next.
    const start = talks.indexOf('The leader spoke');
    await core.api['annotations.reattach']({ articleId: w.articles.A, id: annotationId, start, end: start + 'The leader spoke'.length });
    expect(await modiEdge()).toMatchObject({ flagged: false });
    await reopen();
    expect(await modiEdge()).toMatchObject({ flagged: false });

    // Deleted by a process that never drew the chart: the next start still sees it gone.
    await core.api['annotations.delete']({ articleId: w.articles.A, id: annotationId });
    await reopen();
    expect(await modiPassage()).toMatchObject({ status: 'deleted' });
    expect(await modiEdge()).toMatchObject({ flagged: true });
    const listed = (await core.api['relations.list']({})).relations;
    for (const edge of (await core.api['graph.data']({})).edges) expect(edge.flagged).toBe(listed.find((r) => r.id === edge.id)!.flagged);
  });

  it('reads the articles again when the record of them is damaged', async () => {
    w = await graphFixture();
    core = w.core;
    await reopen();
    await core.api['graph.data']({});
    const { annotationId } = await modiPassage();
    await reopen();
    await core.api['annotations.delete']({ articleId: w.articles.A, id: annotationId });
    await reopen();
    await fs.writeFile(core.store.derivedPath(PLACED_FILE), '{"kind": "placed-highl');
    expect(await modiEdge()).toMatchObject({ flagged: true });
  });
});

describe('PlacedHighlights', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
  });

  it('answers as reading every article would, whatever changed, saved or not, in this process or an earlier one', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-placed-'));
    dirs.push(dir);
    let store = await WorkspaceStore.open(dir, { create: true });
    let core = createCore(store);
    const texts = ['Alpha beta gamma delta epsilon.', 'Zeta eta theta iota kappa.', 'Lambda mu nu xi omicron.', 'Pi rho sigma tau upsilon.'];
    const { articles } = await core.api['articles.import']({ files: texts.map((t, i) => ({ name: `a${i}.txt`, base64: Buffer.from(t).toString('base64') })) });
    const ids = articles.map((a) => a.id);
    const quotes = ['beta', 'gamma delta', 'eta', 'iota kappa', 'mu', 'xi', 'rho sigma', 'tau'];
    // Every highlight ever made, so deleted ones are asked about too (evidence keeps their ids).
    const made: Annotation[] = [];
    for (const [i, id] of ids.entries()) {
      const { text } = await store.readArticle(id);
      const list = quotes.filter((q) => text.includes(q)).map((q) => annotationOn(id, text, q, { status: i % 2 ? 'orphaned' : 'anchored' }));
      made.push(...list);
      await store.updateAnnotations(id, (annotations) => void annotations.push(...list));
    }
    let placed = new PlacedHighlights(store);
    const check = async () => {
      const asked = [...ids, ...made.map((a) => a.articleId)];
      const expected = sorted(await placedTheSlowWay(store, asked));
      expect(sorted(await placed.of(asked))).toEqual(expected);
      // A second answerer on the same process, as after a restart of the chart alone.
      expect(sorted(await new PlacedHighlights(store).of(asked))).toEqual(expected);
    };
    type Step = { kind: 'status' | 'delete' | 'restore'; pick: number; orphaned: boolean } | { kind: 'flush' | 'reopen' | 'chart' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constantFrom('status' as const, 'delete' as const, 'restore' as const), pick: fc.nat(), orphaned: fc.boolean() }),
      fc.record({ kind: fc.constantFrom('flush' as const, 'reopen' as const, 'chart' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === 'chart') await check();
          else if (s.kind === 'flush') await store.flush();
          else if (s.kind === 'reopen') {
            await placed.close();
            await core.close();
            store = await WorkspaceStore.open(dir);
            core = createCore(store);
            placed = new PlacedHighlights(store);
          } else if ('pick' in s) {
            const target = made[s.pick % made.length]!;
            await store.updateAnnotations(target.articleId, (annotations) => {
              const at = annotations.findIndex((a) => a.id === target.id);
              if (s.kind === 'delete' && at !== -1) annotations.splice(at, 1);
              else if (s.kind === 'restore' && at === -1) annotations.push({ ...target, status: s.orphaned ? 'orphaned' : 'anchored' });
              else if (s.kind === 'status' && at !== -1) annotations[at] = { ...annotations[at]!, status: s.orphaned ? 'orphaned' : 'drifted' };
            });
          }
        }
        await check();
      }),
      { numRuns: 25 },
    );
    await placed.close();
    await core.close();
  });
});
