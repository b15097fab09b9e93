import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../common/model/annotation';
import { createCore, type DossierCore } from '../../dossierCore';
import { WorkspaceStore } from '../../store/workspaceStore';
import { rejection } from '../../testing/testHelpers';
import { exportWebAnnotations, webAnnotationFileName } from './exportWebAnnotations';
import { isWebAnnotationFile } from './importWebAnnotations';
import { annotateHarbourReport, file, importText, V1, V2 } from './testFixtures';
import type { AnnotationCollection, WebAnnotation } from './vocabulary';
import { step } from '../../../common/model/phrase';

let tmp: string;
const opened: DossierCore[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-jsonld-'));
});
afterEach(async () => {
  for (const core of opened.splice(0)) await core.store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function workspace(name: string, creator = 'Analyst A'): Promise<DossierCore> {
  const core = createCore(await WorkspaceStore.open(path.join(tmp, name), { create: true }), { creator: { name: creator } });
  opened.push(core);
  return core;
}

/** Workspace A: the article in two versions, with an anchored, a drifted, an orphaned and a plain highlight. */
async function annotatedWorkspace(): Promise<{ core: DossierCore; articleId: string }> {
  const core = await workspace('a');
  return { core, articleId: await annotateHarbourReport(core) };
}

async function jsonld(core: DossierCore, scope: { articleId?: string } = {}): Promise<string> {
  return JSON.stringify(await exportWebAnnotations(core.store, scope), null, 2);
}

/** What must survive a round trip: everything but the local revision counter and article id. */
function portable(list: Annotation[]): unknown[] {
  return list.map(({ rev: _rev, articleId: _articleId, ...rest }) => rest);
}

describe('exportWebAnnotations', () => {
  it('writes an AnnotationCollection with one embedded page, replies after their annotation, sources with every version', async () => {
    const { core, articleId } = await annotatedWorkspace();
    const collection = JSON.parse(await jsonld(core, { articleId })) as AnnotationCollection;
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection).toMatchObject({ type: 'AnnotationCollection', label: 'Annotations on “Harbour report 🚢 from 𠮷野 district”', total: 6 });
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    const items = collection.first.items;
    expect(items.map((i) => i.motivation)).toEqual(['commenting', 'replying', 'replying', 'highlighting', 'highlighting', 'commenting']);
    expect(items[1]!.target).toBe(items[0]!.id);
    expect(items[0]!.id).toMatch(/^urn:dossier:annotation:ann_[0-9a-z]{26}$/);

    const [source] = collection['dossier:sources'];
    expect(source).toMatchObject({ id: `urn:dossier:article:${articleId}`, 'dcterms:title': 'Harbour report 🚢 from 𠮷野 district', 'dossier:currentVersion': 2 });
    expect(source!['dossier:versions']!.map((v) => v['dossier:source'])).toEqual(['harbour.txt', 'harbour-corrected.txt']);

    const main = items[0]!;
    expect(main.body).toEqual([
      { type: 'TextualBody', value: 'Confirmed by the port authority 🚢\nsecond line', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'ports', purpose: 'tagging' },
      { type: 'TextualBody', value: '𠮷 tag', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Evidence', purpose: 'classifying', 'dossier:color': 'green' },
      { type: 'TextualBody', value: 'B2: Usually reliable; Probably true', purpose: 'assessing', 'dossier:reliability': 'B', 'dossier:credibility': 2 },
    ]);
    expect(main.creator).toEqual({ type: 'Person', name: 'Analyst A' });
    const target = main.target as Exclude<WebAnnotation['target'], string>;
    expect(target.source).toMatchObject({
      id: `urn:dossier:article:${articleId}:v2`,
      'dcterms:isVersionOf': `urn:dossier:article:${articleId}`,
      'dossier:version': 2,
      'dossier:sha256': source!['dossier:versions']![1]!['dossier:sha256'],
    });
    expect(source!['dossier:versions']![1]!.id).toBe(target.source.id);
    expect(items[2]!.creator).toEqual({ type: 'Person', name: 'Analyst B' });
  });

  it('counts TextPositionSelector offsets in code points of the version the selectors point into', async () => {
    const { core } = await annotatedWorkspace();
    const items = (JSON.parse(await jsonld(core)) as AnnotationCollection).first.items;
    const positions = (a: WebAnnotation) => (typeof a.target === 'string' ? null : a.target);
    for (const item of items) {
      const target = positions(item);
      if (!target) continue;
      const text = target.source['dossier:version'] === 1 ? V1 : V2;
      const [quote, position] = target.selector;
      const points = Array.from(text);
      expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(text.indexOf(quote.exact)).toBeGreaterThan(position.start);
    }
    const orphan = items.find((i) => i['dossier:status'] === 'orphaned')!;
    expect(positions(orphan)!.source).toMatchObject({ 'dossier:version': 1 });
  });

  it('describes only annotated articles in a workspace-wide export, and names files after the title', async () => {
    const { core } = await annotatedWorkspace();
    await importText(core, 'plain.txt', 'Nothing marked here\n\nA body.');
    const collection = JSON.parse(await jsonld(core)) as AnnotationCollection;
    expect(collection.label).toBe('Annotations in a');
    expect(collection['dossier:sources']).toHaveLength(1);
    expect(webAnnotationFileName('Harbour report 🚢 from 𠮷野 district')).toBe('harbour-report-from-𠮷野-district-annotations.jsonld');
  });
});

describe('importing W3C annotations (articles.import with a .jsonld file)', () => {
  it('round-trips losslessly into a fresh workspace holding the same article versions', async () => {
    const { core: a, articleId } = await annotatedWorkspace();
    const exported = await jsonld(a);
    const b = await workspace('b', 'Someone else');
    const target = await importText(b, 'harbour.txt', V1);
    await b.api['articles.replace']({ id: target, file: file('harbour-corrected.txt', V2) });

    const result = await b.api['articles.import']({ files: [file('harbour.jsonld', exported)] });
    expect(result.failures).toEqual([]);
    expect(result.annotations).toEqual([
      {
        file: 'harbour.jsonld',
        total: 4,
        imported: { anchored: 2, drifted: 1, orphaned: 1 },
        existing: 0,
        replies: 2,
        articles: [{ id: target, title: 'Harbour report 🚢 from 𠮷野 district', annotations: 4 }],
        unmatched: [],
      },
    ]);
    const before = (await a.api['annotations.list']({ articleId })).annotations;
    const after = (await b.api['annotations.list']({ articleId: target })).annotations;
    expect(portable(after)).toEqual(portable(before));
    expect(after.every((x) => x.articleId === target && x.rev === 1)).toBe(true);
  });

  it('round-trips a one-version article exactly, offsets included', async () => {
    const a = await workspace('a');
    const articleId = await importText(a, 'harbour.txt', V1);
    for (const q of ['𩸽 market', 'talks in Tokyo', '🇯🇵 expect']) await a.api['annotations.createFromQuote']({ articleId, quote: q, comment: q });
    const b = await workspace('b');
    const target = await importText(b, 'copy-of-harbour.txt', V1);
    const result = await b.api['articles.import']({ files: [file('one.jsonld', await jsonld(a, { articleId }))] });
    expect(result.annotations![0]!.imported).toEqual({ anchored: 3, drifted: 0, orphaned: 0 });
    const after = (await b.api['annotations.list']({ articleId: target })).annotations;
    expect(portable(after)).toEqual(portable((await a.api['annotations.list']({ articleId })).annotations));
    expect(after.map((x) => V1.slice(x.target.position.start, x.target.position.end))).toEqual(['𩸽 market', '🇯🇵 expect', 'talks in Tokyo']);
  });

  it('does not add annotations twice, and adds replies made since to ones already there', async () => {
    const { core: a, articleId } = await annotatedWorkspace();
    const first = await jsonld(a);
    const b = await workspace('b');
    const target = await importText(b, 'harbour-corrected.txt', V2);
    await b.api['articles.import']({ files: [file('x.jsonld', first)] });
    const main = (await a.api['annotations.list']({ articleId })).annotations.find((x) => x.replies.length > 0)!;
    await a.api['replies.add']({ articleId, annotationId: main.id, body: 'A third reply.' });

    const again = await b.api['articles.import']({ files: [file('x.jsonld', await jsonld(a))] });
    expect(again.annotations![0]).toMatchObject({ imported: { anchored: 0, drifted: 0, orphaned: 0 }, existing: 4, replies: 1, articles: [] });
    const listed = (await b.api['annotations.list']({ articleId: target })).annotations;
    expect(listed).toHaveLength(4);
    expect(listed.find((x) => x.id === main.id)!.replies.map((r) => r.body)).toEqual(['Which authority? 😀', 'The harbour master.', 'A third reply.']);
  });

  it('matches the article by any version’s SHA-256 when the annotated version is missing, and re-anchors', async () => {
    const { core: a } = await annotatedWorkspace();
    const b = await workspace('b');
    const target = await importText(b, 'only-v2.txt', V2);
    const result = await b.api['articles.import']({ files: [file('x.jsonld', await jsonld(a))] });
    expect(result.annotations![0]!.imported).toEqual({ anchored: 2, drifted: 1, orphaned: 1 });
    const orphan = (await b.api['annotations.list']({ articleId: target })).annotations.find((x) => x.status === 'orphaned')!;
    expect(orphan.target.quote.exact).toBe('stealth radio equipment');
    expect(orphan.comment).toBe('Follow up');
  });

  it('falls back to an article of the same title whose text differs, placing by quote; reports what it cannot place', async () => {
    const { core: a } = await annotatedWorkspace();
    const b = await workspace('b');
    const edited = `${V2}\n\nA paragraph added by the outlet later.`;
    const target = await importText(b, 'harbour-web.txt', edited);
    await importText(b, 'other.txt', 'Something else entirely\n\nWith its own words.');
    const result = await b.api['articles.import']({ files: [file('x.jsonld', await jsonld(a))] });
    const report = result.annotations![0]!;
    expect(report.imported).toEqual({ anchored: 2, drifted: 1, orphaned: 0 });
    expect(report.unmatched).toEqual([
      {
        id: expect.stringMatching(/^urn:dossier:annotation:ann_/),
        quote: 'stealth radio equipment',
        source: 'Harbour report 🚢 from 𠮷野 district',
        reason: expect.stringMatching(/no article in this workspace holds its source/),
      },
    ]);
    const listed = (await b.api['annotations.list']({ articleId: target })).annotations;
    expect(listed.map((x) => edited.slice(x.target.position.start, x.target.position.end))).toEqual([
      'market reopened on Monday',
      'logistics, spares and urgent assistance',
      'expect further talks in Tokyo',
    ]);
  });

  it('makes each article’s imported annotations one undoable change', async () => {
    const { core: a } = await annotatedWorkspace();
    const b = await workspace('b');
    const target = await importText(b, 'harbour-corrected.txt', V2);
    await b.api['articles.import']({ files: [file('x.jsonld', await jsonld(a))] });
    expect((await b.api['history.state']({})).undo).toEqual(step('importAnnotations'));
    await b.api['history.undo']({});
    expect((await b.api['annotations.list']({ articleId: target })).annotations).toEqual([]);
  });

  it('imports articles and their annotations sent together, articles first', async () => {
    const { core: a } = await annotatedWorkspace();
    const b = await workspace('b');
    const result = await b.api['articles.import']({ files: [file('x.jsonld', await jsonld(a)), file('harbour.txt', V2)] });
    expect(result.articles).toHaveLength(1);
    expect(result.annotations![0]!.articles).toEqual([{ id: result.articles[0]!.id, title: expect.any(String), annotations: 4 }]);
  });

  it.each([
    ['not JSON', '{"@context": ', /x\.jsonld is not a W3C Web Annotation file: it is not valid JSON/],
    ['JSON without a context', '{"type": "AnnotationCollection"}', /has no @context and type/],
    ['another JSON-LD vocabulary', '{"@context": "https://schema.org", "type": "Article"}', /@context does not name http:\/\/www\.w3\.org\/ns\/anno\.jsonld/],
    ['an unknown type', '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Thing"}', /its type is Thing/],
    ['linked pages', '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": "https://example.org/p1"}', /pages are not in the file/],
  ])('refuses %s as a failure naming the file', async (_label, content, message) => {
    const b = await workspace('b');
    const result = await b.api['articles.import']({ files: [file('x.jsonld', content)] });
    expect(result.annotations).toEqual([]);
    expect(result.failures).toEqual([{ file: 'x.jsonld', message: expect.stringMatching(message) }]);
  });

  it('reports items it cannot use and places the rest (a single Annotation document too)', async () => {
    const b = await workspace('b');
    const target = await importText(b, 'harbour.txt', V1);
    const base = { type: 'Annotation', target: { source: 'urn:dossier:article:art_unknown', selector: { type: 'TextQuoteSelector', exact: 'x' } } };
    const page = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        { id: 'https://example.org/anno/1', type: 'Annotation', bodyValue: 'Seen elsewhere', target: { source: 'https://example.org/harbour', selector: { type: 'TextQuoteSelector', exact: 'talks in Tokyo' } } },
        { ...base, id: 'https://example.org/anno/2', target: 'https://example.org/harbour' },
        { id: 'https://example.org/anno/3', type: 'Annotation', motivation: 'replying', bodyValue: 'Reply to nothing', target: 'https://example.org/anno/404' },
        { type: 'Annotation' },
      ],
    };
    const result = await b.api['articles.import']({ files: [file('page.json', JSON.stringify(page))] });
    const report = result.annotations![0]!;
    expect(report.unmatched.map((u) => u.reason)).toEqual([
      expect.stringMatching(/has no TextQuoteSelector/),
      expect.stringMatching(/^not a valid annotation \(id: /),
      'a reply to an annotation that is not in the file',
      expect.stringMatching(/no article in this workspace has its source’s title/),
    ]);

    const single = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      ...page.items[0],
      target: {
        source: { id: 'https://example.org/harbour', 'dcterms:title': 'Harbour report 🚢 from 𠮷野 district' },
        selector: { type: 'TextQuoteSelector', exact: 'talks in Tokyo' },
      },
    };
    const placed = await b.api['articles.import']({ files: [file('one.jsonld', JSON.stringify(single))] });
    expect(placed.annotations![0]!.imported.anchored).toBe(1);
    const [annotation] = (await b.api['annotations.list']({ articleId: target })).annotations;
    expect(annotation).toMatchObject({ comment: 'Seen elsewhere', motivation: 'commenting', creator: { name: 'Unknown' }, id: expect.stringMatching(/^ann_[0-9a-z]{26}$/) });
    const again = await b.api['articles.import']({ files: [file('one.jsonld', JSON.stringify(single))] });
    expect(again.annotations![0]!.existing).toBe(1);
  });

  it('holds what a file brings to the limits of what a user can type (the model’s schema with the contract’s limits)', async () => {
    const b = await workspace('b');
    await importText(b, 'harbour.txt', V1);
    const huge = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://example.org/anno/huge',
      type: 'Annotation',
      bodyValue: 'x'.repeat(20_001),
      target: { source: { id: 'https://example.org/h', 'dcterms:title': 'Harbour report 🚢 from 𠮷野 district' }, selector: { type: 'TextQuoteSelector', exact: 'talks in Tokyo' } },
    };
    const result = await b.api['articles.import']({ files: [file('huge.jsonld', JSON.stringify(huge))] });
    expect(result.annotations![0]!.unmatched).toEqual([
      { id: 'https://example.org/anno/huge', quote: 'talks in Tokyo', source: 'Harbour report 🚢 from 𠮷野 district', reason: expect.stringMatching(/^not a valid Dossier annotation \(comment: /) },
    ]);
  });

  it('sends only .jsonld files and .json files that are W3C annotations to the annotation import', () => {
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    expect(isWebAnnotationFile({ name: 'a.jsonld', bytes: json({}) })).toBe(true);
    expect(isWebAnnotationFile({ name: 'a.JSON', bytes: json({ '@context': ['http://www.w3.org/ns/anno.jsonld'], type: 'AnnotationCollection' }) })).toBe(true);
    expect(isWebAnnotationFile({ name: 'a.json', bytes: json({ title: 'not annotations' }) })).toBe(false);
    expect(isWebAnnotationFile({ name: 'a.txt', bytes: json({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation' }) })).toBe(false);
  });
});

describe('exportWebAnnotations errors', () => {
  it('exportWebAnnotations names an unknown article', async () => {
    const b = await workspace('b');
    expect((await rejection(exportWebAnnotations(b.store, { articleId: 'art_nope' }))).message).toMatch(/No article with id art_nope/);
  });
});
