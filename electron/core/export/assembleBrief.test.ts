import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../../common/errors';
import type { Annotation, Grading } from '../../common/model/annotation';
import type { Brief } from '../../common/model/brief';
import type { Note, NoteFilter } from '../../common/model/note';
import { $createCitationNode } from '../../common/notes/nodes/CitationNode';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { buildNote } from '../../common/notes/testing/noteFixtures';
import { createCore, type DossierCore } from '../dossierCore';
import { ENTITIES } from '../entities/entityDocuments';
import { WorkspaceStore } from '../store/workspaceStore';
import { annotationOn, rejection } from '../testing/testHelpers';
import { assembleBrief, type NoteSource } from './assembleBrief';
import { gradedAtLeast, matchesFilter } from './annotationFilter';
import type { BriefContent } from './briefContent';
import { briefNote } from './testing/briefFixtures';

const TEXT_A = 'Delhi talks\n\nRajnath Singh met Gen Nakatani in New Delhi. The ministers agreed to deepen cooperation. Japan will send a team.';
const TEXT_B = 'Vientiane meeting\n\nThe ADMM-Plus closed in Vientiane. Japan and India met on the sidelines.';

let tmp: string;
let store: WorkspaceStore;
let core: DossierCore;
let a: string;
let b: string;
let notes: Note[];

/** Notes as the note service would list them: `articleId` means written on the article or citing it. */
const noteSource = (): NoteSource => ({
  list: async (filter: NoteFilter = {}) =>
    notes.filter((n) => !filter.articleId || n.articleId === filter.articleId || n.citations.some((c) => c.articleId === filter.articleId)),
  get: async (id) => {
    const note = notes.find((n) => n.id === id);
    if (!note) throw new DossierError('not-found', `No note ${id}.`);
    return note;
  },
});

async function annotate(articleId: string, quote: string, fields: Partial<Annotation> = {}): Promise<Annotation> {
  const { text } = await store.readArticle(articleId);
  const annotation = annotationOn(articleId, text, quote, fields);
  await store.updateAnnotations(articleId, (all) => void all.push(annotation));
  return annotation;
}

const options = (extra: Partial<Parameters<typeof assembleBrief>[1]> = {}) => ({
  store,
  notes: noteSource(),
  author: 'R. Analyst',
  now: new Date('2025-06-03T12:00:00Z'),
  ...extra,
});

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-assemble-'));
  store = await WorkspaceStore.open(tmp, { create: true });
  core = createCore(store);
  const { articles } = await core.api['articles.import']({
    files: [
      { name: 'a.txt', base64: Buffer.from(TEXT_A).toString('base64') },
      { name: 'b.txt', base64: Buffer.from(TEXT_B).toString('base64') },
    ],
  });
  [a, b] = articles.map((x) => x.id) as [string, string];
  const now = '2025-06-01T00:00:00.000Z';
  const entity = (id: string, name: string, type: 'person' | 'place' | 'event') => ({ id, rev: 1, name, type, aliases: [], description: '', externalId: null, created: now, modified: now, createdBy: { name: 'Analyst' }, modifiedBy: { name: 'Analyst' } });
  await store.updateWorkspaceDoc(ENTITIES, (doc) => {
    doc.entities.push(entity('ent_rajnath', 'Rajnath Singh', 'person'), entity('ent_japan', 'Japan', 'place'), entity('ent_admm', 'ADMM-Plus', 'event'), entity('ent_tokyo', 'Tokyo', 'place'));
    doc.presence = { ent_rajnath: { [a]: 1 }, ent_japan: { [a]: 1, [b]: 1 }, ent_admm: { [b]: 1 } };
  });
  notes = [];
});

afterEach(async () => {
  await store.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

function sectionKinds(content: BriefContent): string[] {
  return content.sections.map((s) => (s.kind === 'article' ? `article ${s.source.article.id === a ? 'A' : 'B'}` : `note ${s.note.title}`));
}

describe('assembleBrief of one article', () => {
  it('has the article with its annotations in document order, orphans apart, its notes, and an index of its entities', async () => {
    const later = await annotate(a, 'Japan will send a team');
    const earlier = await annotate(a, 'Rajnath Singh');
    const orphan = await annotate(a, 'deepen cooperation', { status: 'orphaned' });
    const cited = await annotate(a, 'The ministers agreed');
    const onA = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append(
          $createEntityMentionNode('ent_rajnath', 'person', 'Rajnath'),
          $createTextNode(' agreed. '),
          $createCitationNode({ articleId: a, annotationId: cited.id, quote: 'The ministers agreed', source: 'Delhi talks', start: 0, end: 1 }),
          $createCitationNode({ articleId: a, annotationId: 'ann_deleted', quote: 'gone', source: 'Delhi talks', start: 2, end: 6 }),
        ),
      ),
    );
    notes = [
      briefNote({ id: 'note_a', title: 'On A', content: onA, articleId: a }),
      briefNote({ id: 'note_b', title: 'On B', content: buildNote(() => $getRoot().append($createParagraphNode())), articleId: b }),
    ];
    const progress: [number, number][] = [];
    const content = await assembleBrief({ articleId: a }, options({ onProgress: (done, total) => progress.push([done, total]) }));

    expect(content).toMatchObject({ title: 'Delhi talks', author: 'R. Analyst', handling: '', generated: '2025-06-03T12:00:00.000Z', summary: null });
    expect(sectionKinds(content)).toEqual(['article A', 'note On A']);
    const source = content.sections[0]!.kind === 'article' ? content.sections[0]!.source : null;
    expect(source!.excerpts.map((x) => x.id)).toEqual([earlier.id, cited.id, later.id]);
    expect(source!.orphans.map((x) => x.id)).toEqual([orphan.id]);
    // Each highlight is placed by the paragraphs the reader shows: the title line is the first.
    expect(source!.places).toEqual({ [earlier.id]: '¶ 2', [cited.id]: '¶ 2', [later.id]: '¶ 2', [orphan.id]: '¶ 2' });
    expect(progress).toEqual([[1, 1]]);

    expect(content.entityIndex).toEqual([
      { id: 'ent_japan', name: 'Japan', type: 'place', mentionCount: 1, mentionedIn: [{ kind: 'article', id: a, title: 'Delhi talks' }] },
      {
        id: 'ent_rajnath',
        name: 'Rajnath Singh',
        type: 'person',
        mentionCount: 2,
        mentionedIn: [
          { kind: 'article', id: a, title: 'Delhi talks' },
          { kind: 'note', id: 'note_a', title: 'On A' },
        ],
      },
    ]);
    expect(content.entityNames.ent_rajnath).toBe('Rajnath Singh');
    // A citation of a highlight that still exists is placed where the highlight is; one deleted since, by its own offsets.
    expect(content.citedArticles).toEqual({
      [a]: { title: 'Delhi talks', published: null, deletedAnnotations: ['ann_deleted'], places: { [`${cited.id}@0-1`]: '¶ 2', 'ann_deleted@2-6': '¶ 1' } },
    });
  });

  it('counts and names a merged-away entity that a note still mentions as the entity it was merged into', async () => {
    await store.updateWorkspaceDoc(ENTITIES, (doc) => {
      doc.mergedInto = { ent_singh: 'ent_rajnath' };
    });
    const mentioning = buildNote(() =>
      $getRoot().append($createParagraphNode().append($createEntityMentionNode('ent_singh', 'person', 'R. Singh'), $createTextNode(' spoke.'))),
    );
    notes = [briefNote({ id: 'note_s', title: 'Singh', content: mentioning, articleId: a, entityIds: ['ent_singh'] })];
    const content = await assembleBrief({ articleId: a }, options());
    expect(content.entityIndex?.find((r) => r.id === 'ent_rajnath')).toMatchObject({ mentionCount: 2, mentionedIn: [{ kind: 'article' }, { kind: 'note', id: 'note_s' }] });
    expect(content.entityNames.ent_singh).toBe('Rajnath Singh');
  });

  it('is not found for an unknown article', async () => {
    expect((await rejection(assembleBrief({ articleId: 'art_nope' }, options()))).code).toBe('not-found');
  });
});

describe('assembleBrief of a saved brief', () => {
  it('keeps the analyst\u2019s order and header, applies each section\u2019s filter, skips deleted notes, and indexes the chosen entities', async () => {
    const green = await annotate(a, 'Rajnath Singh', { color: 'green', tags: ['People'], grading: { reliability: 'B', credibility: 2 } });
    await annotate(a, 'New Delhi', { color: 'yellow', tags: ['people'], grading: { reliability: 'B', credibility: 2 } });
    await annotate(a, 'Japan will send', { color: 'green', tags: ['people'], grading: { reliability: 'D', credibility: 1 } });
    await annotate(a, 'deepen cooperation', { color: 'green', tags: ['people'], grading: { reliability: 'A', credibility: 1 }, status: 'orphaned' });
    const onB = await annotate(b, 'ADMM-Plus');
    notes = [briefNote({ id: 'note_free', title: 'Free', content: buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('x')))) })];
    const summary = buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('BLUF'))));
    const brief: Brief = {
      id: 'brf_1',
      rev: 3,
      title: 'Weekly',
      author: 'J. Reviewer',
      handling: 'OFFICIAL',
      summary,
      sections: [
        { id: 's1', kind: 'note', noteId: 'note_free' },
        { id: 's2', kind: 'article', articleId: b, filter: {} },
        { id: 's3', kind: 'note', noteId: 'note_deleted' },
        { id: 's4', kind: 'article', articleId: a, filter: { colors: ['green'], tags: ['people'], minGrading: { reliability: 'C', credibility: 3 }, placedOnly: true } },
        { id: 's5', kind: 'entities', entityIds: ['ent_tokyo', 'ent_admm'] },
      ],
      created: '2025-06-01T00:00:00.000Z',
      modified: '2025-06-02T00:00:00.000Z',
      createdBy: { name: 'Analyst' },
      modifiedBy: { name: 'Analyst' },
    };
    const progress: [number, number][] = [];
    const content = await assembleBrief({ briefId: 'brf_1' }, options({ brief: async () => brief, onProgress: (d, t) => progress.push([d, t]) }));
    expect(content).toMatchObject({ title: 'Weekly', author: 'J. Reviewer', handling: 'OFFICIAL', summary });
    expect(sectionKinds(content)).toEqual(['note Free', 'article B', 'article A']);
    const [, sb, sa] = content.sections;
    expect(sb!.kind === 'article' && sb!.source.excerpts.map((x) => x.id)).toEqual([onB.id]);
    expect(sa!.kind === 'article' && sa!.source.excerpts.map((x) => x.id)).toEqual([green.id]);
    expect(sa!.kind === 'article' && sa!.source.orphans).toEqual([]);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    // Chosen entities are listed even where the brief does not mention them.
    expect(content.entityIndex?.map((r) => [r.name, r.mentionCount])).toEqual([
      ['ADMM-Plus', 1],
      ['Tokyo', 0],
    ]);
  });

  it('has no entity index when the brief has no entity section, and every named entity for a section without ids', async () => {
    const brief = (entities: boolean): Brief => ({
      id: 'brf_2',
      rev: 1,
      title: 'B',
      author: '',
      handling: '',
      summary: null,
      sections: [{ id: 's', kind: 'article', articleId: b, filter: {} }, ...(entities ? [{ id: 'e', kind: 'entities' as const, entityIds: null }] : [])],
      created: '',
      modified: '',
      createdBy: { name: 'Analyst' },
      modifiedBy: { name: 'Analyst' },
    });
    expect((await assembleBrief({ briefId: 'brf_2' }, options({ brief: async () => brief(false) }))).entityIndex).toBeNull();
    const index = (await assembleBrief({ briefId: 'brf_2' }, options({ brief: async () => brief(true) }))).entityIndex;
    expect(index?.map((r) => r.name)).toEqual(['ADMM-Plus', 'Japan']);
  });
});

describe('assembleBrief of the whole workspace', () => {
  it('has every article followed by the notes written on it, then free-standing notes, with progress for each article', async () => {
    const empty = () => buildNote(() => $getRoot().append($createParagraphNode()));
    notes = [
      briefNote({ id: 'note_free', title: 'Free', content: empty() }),
      briefNote({ id: 'note_b', title: 'On B', content: empty(), articleId: b }),
      briefNote({ id: 'note_a', title: 'On A', content: empty(), articleId: a }),
    ];
    const progress: [number, number][] = [];
    const content = await assembleBrief({ all: true }, options({ onProgress: (d, t) => progress.push([d, t]) }));
    expect(content.title).toBe(`All articles in ${store.info().name}`);
    expect(sectionKinds(content)).toEqual(['article A', 'note On A', 'article B', 'note On B', 'note Free']);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(content.entityIndex?.map((r) => r.name)).toEqual(['ADMM-Plus', 'Japan', 'Rajnath Singh']);
  });
});

describe('annotation filters', () => {
  const g = (reliability: Grading['reliability'], credibility: Grading['credibility']): Grading => ({ reliability, credibility });

  it('reads "at least C3" as reliability A–C and credibility 1–3; ungraded never passes', () => {
    const min = g('C', 3);
    expect(gradedAtLeast(g('A', 1), min)).toBe(true);
    expect(gradedAtLeast(g('C', 3), min)).toBe(true);
    expect(gradedAtLeast(g('B', 4), min)).toBe(false);
    expect(gradedAtLeast(g('D', 1), min)).toBe(false);
    expect(gradedAtLeast(null, min)).toBe(false);
  });

  it('matches any of the colours and any of the tags (case aside), and all given filters together', () => {
    const ann = annotationOn('art_x', 'some text', 'some', { color: 'green', tags: ['Logistics'] });
    expect(matchesFilter(ann, {})).toBe(true);
    expect(matchesFilter(ann, { colors: ['red', 'green'] })).toBe(true);
    expect(matchesFilter(ann, { colors: ['red'] })).toBe(false);
    expect(matchesFilter({ ...ann, color: null }, { colors: ['green'] })).toBe(false);
    expect(matchesFilter(ann, { tags: ['logistics'] })).toBe(true);
    expect(matchesFilter(ann, { tags: ['other'] })).toBe(false);
    expect(matchesFilter(ann, { colors: ['green'], tags: ['logistics'], minGrading: g('F', 6) })).toBe(false);
    expect(matchesFilter({ ...ann, status: 'orphaned' }, { placedOnly: true })).toBe(false);
    expect(matchesFilter({ ...ann, status: 'drifted' }, { placedOnly: true })).toBe(true);
  });
});
