import { readdirSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Annotation } from '../../../common/model/annotation';
import { createCore, type DossierCore } from '../../dossierCore';
import { WorkspaceStore } from '../../store/workspaceStore';
import { sharedTestData } from '../../testing/sharedTestData';
import { exportWebAnnotations } from './exportWebAnnotations';
import { annotateHarbourReport, file, importText, V2 } from './testFixtures';
import type { AnnotationCollection } from './vocabulary';

/**
 * Every exported annotation, page and collection against the MUST assertions of the W3C Web
 * Annotation test suite (JSON Schema draft-04). The suite is third-party and stays where it is,
 * beside the repository; without it this file is skipped (and fails under CI).
 */
const { path: suite, skip } = sharedTestData('conformance/w3c-web-annotation-tests');
const title = `W3C Web Annotation MUST assertions${skip ? ` (skipped: ${skip})` : ''}`;

interface Assertion {
  file: string;
  validate: ValidateFunction;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The suite's definitions, and each assertion a `.test` file lists, compiled once. */
function loadMusts(): Record<'annotation' | 'collection' | 'page', Assertion[]> {
  // The assertions carry their own keywords (assertionType, errorMessage …): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The two formats the suite uses, so that ajv-formats is not needed for a test.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i);
  ajv.addFormat('date-time', {
    validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)),
  });
  const definitions = path.join(suite, 'definitions');
  for (const name of readdirSync(definitions)) ajv.addSchema(readJson(path.join(definitions, name)));
  const compiled = (listing: string): Assertion[] =>
    (readJson(path.join(suite, listing)).assertions as string[]).map((file) => {
      const schema = readJson(path.join(suite, file));
      return { file, validate: ajv.getSchema(String(schema.id)) ?? ajv.compile(schema) };
    });
  return {
    annotation: compiled('annotations/annotationMusts.test'),
    collection: compiled('collections/collectionMusts.test'),
    page: compiled('collections/pages/pageMusts.test'),
  };
}

/** The assertions `value` fails, with the suite's error message for each. */
function failures(assertions: Assertion[], value: unknown): string[] {
  return assertions.filter((a) => !a.validate(value)).map((a) => `${a.file}: ${JSON.stringify(a.validate.errors?.slice(0, 2))}`);
}

describe.skipIf(skip)(title, () => {
  let musts: ReturnType<typeof loadMusts>;
  let tmp: string;
  let core: DossierCore;
  let collection: AnnotationCollection;

  beforeAll(async () => {
    musts = loadMusts();
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-w3c-'));
    core = createCore(await WorkspaceStore.open(path.join(tmp, 'ws'), { create: true }), { creator: { name: 'Analyst A' } });
    await annotateHarbourReport(core);
    const other = await importText(core, 'other.txt', 'Another report\n\nNothing 😀 but a short text.');
    await core.api['annotations.createFromQuote']({ articleId: other, quote: 'short text', comment: '' });
    collection = JSON.parse(JSON.stringify(await exportWebAnnotations(core.store))) as AnnotationCollection;
  });
  afterAll(async () => {
    await core?.store.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('the harness accepts the suite’s correct samples and rejects an incorrect one', () => {
    const samples = path.join(suite, 'tools', 'samples');
    for (const name of ['anno1.json', 'anno10.json', 'anno20.json']) {
      expect(failures(musts.annotation, readJson(path.join(samples, 'correct', name))), name).toEqual([]);
    }
    // Some incorrect samples are not even JSON; of those that are, most break a MUST.
    const parsed = readdirSync(path.join(samples, 'incorrect')).flatMap((name) => {
      try {
        return [readJson(path.join(samples, 'incorrect', name))];
      } catch {
        return [];
      }
    });
    expect(parsed.filter((sample) => failures(musts.annotation, sample).length > 0).length).toBeGreaterThan(10);
  });

  it('every exported annotation (replies included) meets every MUST, as a document of its own', () => {
    const items = collection.first.items;
    expect(items.length).toBe(7);
    expect(new Set(items.map((i) => i.motivation))).toEqual(new Set(['commenting', 'highlighting', 'replying']));
    for (const item of items) {
      // Embedded in a collection an annotation inherits its @context; on its own it states it.
      expect(failures(musts.annotation, { '@context': collection['@context'], ...item }), item.id).toEqual([]);
    }
  });

  it('the collection and its embedded page meet every MUST', () => {
    expect(failures(musts.collection, collection)).toEqual([]);
    expect(failures(musts.page, collection)).toEqual([]);
    expect(failures(musts.page, { '@context': collection['@context'], ...collection.first })).toEqual([]);
  });

  it('an annotation missing what the model requires is caught (the assertions are really applied)', () => {
    const [first] = collection.first.items;
    const { id: _id, ...withoutId } = first!;
    expect(failures(musts.annotation, { '@context': collection['@context'], ...withoutId }).join('\n')).toMatch(/3\.1-annotationIdValidated/);
    expect(failures(musts.annotation, { ...first }).join('\n')).toMatch(/3\.1-annotationContextValidated/);
  });

  it('annotations on Arabic and Chinese articles, their sources saying language and text direction, meet every MUST', async () => {
    const scripts = createCore(await WorkspaceStore.open(path.join(tmp, 'scripts'), { create: true }), { creator: { name: 'Analyst A' } });
    try {
      const languages = path.join(import.meta.dirname, '../../import/fixtures/languages');
      const arabic = await importText(scripts, 'ar.txt', readFileSync(path.join(languages, 'ar.txt'), 'utf8'));
      const chinese = await importText(scripts, 'zh.txt', readFileSync(path.join(languages, 'zh.txt'), 'utf8'));
      await scripts.api['annotations.createFromQuote']({ articleId: arabic, quote: 'الأمنَ البحريَّ مسؤوليةٌ مشتركة', comment: 'تعليق' });
      await scripts.api['annotations.createFromQuote']({ articleId: chinese, quote: '双方同意加强在印度洋的海上安全合作', comment: '' });
      const exported = JSON.parse(JSON.stringify(await exportWebAnnotations(scripts.store))) as AnnotationCollection;
      const items = exported.first.items;
      expect(items.map((i) => (typeof i.target === 'string' ? null : [i.target.source.language, i.target.source.textDirection]))).toEqual([
        ['ar', 'rtl'],
        ['zh', 'ltr'],
      ]);
      for (const item of items) expect(failures(musts.annotation, { '@context': exported['@context'], ...item }), item.id).toEqual([]);
      expect(failures(musts.collection, exported)).toEqual([]);
    } finally {
      await scripts.store.close();
    }
  });

  it('what the import builds from the export passes the model’s zod schema', async () => {
    const fresh = createCore(await WorkspaceStore.open(path.join(tmp, 'fresh'), { create: true }));
    try {
      const articleId = await importText(fresh, 'harbour.txt', V2);
      const result = await fresh.api['articles.import']({ files: [file('all.jsonld', JSON.stringify(collection))] });
      expect(result.annotations![0]!.unmatched.map((u) => u.quote)).toEqual(['short text']);
      for (const annotation of (await fresh.api['annotations.list']({ articleId })).annotations) {
        expect(Annotation.parse(annotation)).toEqual(annotation);
      }
    } finally {
      await fresh.store.close();
    }
  });
});
