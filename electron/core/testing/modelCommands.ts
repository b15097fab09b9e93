import fc from 'fast-check';
import { expect } from 'vitest';
import type { Grading } from '../../common/model/annotation';
import { noteContentOf, serializedParagraph, type NoteContent } from '../../common/model/note';
import type { EntityType } from '../../common/model/entityType';
import { call, closeAndReopen, crashAndReopen, englishOf, expectSameAsModel, failureOf, indexesOf, type System } from './modelWorkspace';
import type { WorkspaceModel } from './workspaceModel';

/**
 * The steps of the model-based test (modelBased.test.ts): each makes one call through the core,
 * makes the same change to the model, and compares everything visible. Arguments are drawn before
 * the model exists, so what a step works on is picked by index among what the model holds then.
 */

/** Counted over every sequence run, for the summary line. */
export const totals = { sequences: 0, commands: 0, crashes: 0, crashesWithJournal: 0 };

export const SENTENCES = [
  'Maria Lopez met the Northern Water Agency in Lyon.',
  'The NWA said the dam near Lyon was safe.',
  'John Smith of Acme Shipping flew to Oslo on Monday.',
  'Officials in Oslo denied the report.',
  'Maria Lopez and John Smith spoke by phone.',
  'Nothing else was said about the dam.',
];
export const TEMPLATE_ARTICLES = [
  `Harbour talks\n\n${SENTENCES[0]} ${SENTENCES[1]} ${SENTENCES[5]}`,
  `Shipping news\n\n${SENTENCES[2]} ${SENTENCES[3]} ${SENTENCES[4]}`,
];

const NAMES = ['Maria Lopez', 'maria lopez', 'NWA', 'Lyon', 'Port Authority', ' Oslo ', 'John Smith', 'Acme', 'Harbour Board'];
const TYPES: EntityType[] = ['person', 'organization', 'place', 'other'];
const NOTE_TEXTS = ['', 'Meeting with the agency', '  Follow up on Lyon  ', 'Call John Smith tomorrow about the shipping contract', '   '];
const NOTE_TITLES = ['Plan', '  Trip notes  ', '', '   ', 'Sources'];
const COMMENTS = ['', 'check this', 'contradicts the ministry', '  '];
const COLOURS = ['yellow', 'green', 'red', null];
const GROUPS = ['typing-1', 'typing-2'];

export const b64 = (s: string) => Buffer.from(s).toString('base64');
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;
const noteContent = (text: string): NoteContent =>
  noteContentOf([serializedParagraph(text ? [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] : [])]);

const grading: fc.Arbitrary<Grading | null> = fc.option(
  fc.record({ reliability: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), credibility: fc.constantFrom(1, 2, 3, 4, 5, 6) }),
  { nil: null },
);
const group = fc.option(fc.constantFrom(...GROUPS), { nil: undefined });
const type = fc.constantFrom(...TYPES);
const name = fc.constantFrom(...NAMES);

/** Words of the text, as offsets: ranges for highlights and links start and end on them. */
function wordRange(text: string, word: number, length: number): { start: number; end: number } {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const first = word % words.length;
  const last = Math.min(words.length - 1, first + length - 1);
  return { start: words[first]!.start, end: words[last]!.end };
}

type Step = fc.AsyncCommand<WorkspaceModel, System>;

/** A command whose arguments were drawn before the model existed: picks are indexes into its lists. */
function step<A>(
  label: string,
  args: fc.Arbitrary<A>,
  check: (model: WorkspaceModel, args: A) => boolean,
  run: (model: WorkspaceModel, system: System, args: A) => Promise<void>,
): fc.Arbitrary<Step> {
  return args.map(
    (a): Step => ({
      // fast-check hands checks a read-only view; the model's readers do not change it.
      check: (model) => check(model as WorkspaceModel, a),
      run: async (model, system) => {
        totals.commands += 1;
        try {
          await run(model, system, a);
          await expectSameAsModel(system, model);
        } catch (error) {
          if (error instanceof Error) error.message += `\n\nCalls made, in order:\n${system.trace.join('\n')}`;
          throw error;
        }
      },
      toString: () => `${label} ${JSON.stringify(a)}`,
    }),
  );
}

const always = () => true;
const anyListed = (m: WorkspaceModel) => m.listedArticles().length > 0;
const withAnnotations = (m: WorkspaceModel) => m.listedArticles().filter((a) => m.annotations(a.id).length > 0);
const withMentions = (m: WorkspaceModel) => m.listedArticles().filter((a) => (m.mentionsOf(a.id)?.mentions.length ?? 0) > 0);

/** The article's suggestions, detecting first where the core would (the review panel asks for them). */
async function suggestionsOf(model: WorkspaceModel, system: System, articleId: string) {
  await call(system, 'entities.forArticle', { articleId });
  return model.offered(articleId);
}

export const commands: fc.Arbitrary<Step>[] = [
  step('import', fc.record({ title: fc.nat(2), sentences: fc.uniqueArray(fc.nat(SENTENCES.length - 1), { minLength: 1, maxLength: 2 }) }), always, async (m, s, a) => {
    // Few enough titles and sentences that the same file comes back: a duplicate changes nothing.
    const title = `Report ${a.title + 1}`;
    const source = `${title}\n\n${a.sentences.map((i) => SENTENCES[i]).join(' ')}`;
    const { articles } = await call(s, 'articles.import', { files: [{ name: `report-${a.title + 1}.txt`, base64: b64(source) }] });
    const same = m.listedArticles().find((x) => x.source === source);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title, duplicate: same !== undefined, ...(same && { id: same.id }) });
    if (same) return;
    const { text } = await call(s, 'articles.get', { id: articles[0]!.id }, false);
    m.importArticle({ id: articles[0]!.id, title, text, source });
  }),

  ...Array.from({ length: 2 }, () =>
    step(
      'annotate',
      fc.record({
        article: fc.nat(),
        word: fc.nat(),
        words: fc.integer({ min: 1, max: 3 }),
        byQuote: fc.boolean(),
        comment: fc.constantFrom(...COMMENTS),
        color: fc.constantFrom(...COLOURS),
        grading,
        group,
      }),
      anyListed,
      async (m, s, a) => {
        const article = pick(m.listedArticles(), a.article);
        const { start, end } = wordRange(article.text, a.word, a.words);
        const exact = article.text.slice(start, end);
        const fields = { comment: a.comment, color: a.color, grading: a.grading };
        let id: string;
        if (a.byQuote) {
          const occurrences = indexesOf(article.text, exact);
          const occurrence = occurrences.length > 1 ? occurrences.indexOf(start) + 1 : undefined;
          ({ annotation: { id } } = await call(s, 'annotations.createFromQuote', { articleId: article.id, quote: exact, occurrence, ...fields }));
          m.putAnnotation('add highlight', article.id, { id, start, end, exact, ...fields });
        } else {
          ({ annotation: { id } } = await call(s, 'annotations.create', { articleId: article.id, start, end, exact, undoGroup: a.group, ...fields }));
          m.putAnnotation('add highlight', article.id, { id, start, end, exact, ...fields }, a.group);
        }
      },
    ),
  ),

  step(
    'edit annotation',
    fc.record({
      article: fc.nat(),
      annotation: fc.nat(),
      patch: fc.record({ comment: fc.constantFrom(...COMMENTS), color: fc.constantFrom(...COLOURS), grading }, { requiredKeys: [] }),
      group,
    }),
    (m) => withAnnotations(m).length > 0,
    async (m, s, a) => {
      const article = pick(withAnnotations(m), a.article);
      const annotation = pick(m.annotations(article.id), a.annotation);
      await call(s, 'annotations.update', { articleId: article.id, id: annotation.id, undoGroup: a.group, ...a.patch });
      m.putAnnotation('edit highlight', article.id, { ...annotation, ...a.patch }, a.group);
    },
  ),

  step('delete annotation', fc.record({ article: fc.nat(), annotation: fc.nat() }), (m) => withAnnotations(m).length > 0, async (m, s, a) => {
    const article = pick(withAnnotations(m), a.article);
    const annotation = pick(m.annotations(article.id), a.annotation);
    await call(s, 'annotations.delete', { articleId: article.id, id: annotation.id });
    m.deleteAnnotation(article.id, annotation.id);
  }),

  step(
    'create note',
    fc.record({
      title: fc.option(fc.constantFrom(...NOTE_TITLES), { nil: undefined }),
      text: fc.option(fc.constantFrom(...NOTE_TITLES, ...NOTE_TEXTS), { nil: undefined }),
      article: fc.option(fc.nat(), { nil: undefined }),
    }),
    always,
    async (m, s, a) => {
      const listed = m.listedArticles();
      const articleId = a.article === undefined || listed.length === 0 ? undefined : pick(listed, a.article).id;
      const { note } = await call(s, 'notes.create', { title: a.title, articleId, content: a.text === undefined ? undefined : noteContent(a.text) });
      m.createNote(note.id, a.title, a.text?.trim() ?? '');
    },
  ),

  ...Array.from({ length: 2 }, () =>
    step('save note text', fc.record({ note: fc.nat(), text: fc.constantFrom(...NOTE_TEXTS) }), (m) => m.notes().length > 0, async (m, s, a) => {
      const note = pick(m.notes(), a.note);
      await call(s, 'notes.save', { id: note.id, content: noteContent(a.text) });
      m.saveNoteText(note.id, a.text.trim());
    }),
  ),

  step('rename note', fc.record({ note: fc.nat(), title: fc.constantFrom(...NOTE_TITLES) }), (m) => m.notes().length > 0, async (m, s, a) => {
    const note = pick(m.notes(), a.note);
    await call(s, 'notes.update', { id: note.id, patch: { title: a.title } });
    m.renameNote(note.id, a.title.trim());
  }),

  step('pin note', fc.record({ note: fc.nat(), pinned: fc.boolean() }), (m) => m.notes().length > 0, async (m, s, a) => {
    const note = pick(m.notes(), a.note);
    await call(s, 'notes.update', { id: note.id, patch: { pinned: a.pinned } });
    m.pinNote(note.id, a.pinned);
  }),

  step('delete note', fc.nat(), (m) => m.notes().length > 0, async (m, s, n) => {
    const note = pick(m.notes(), n);
    await call(s, 'notes.delete', { id: note.id });
    m.deleteNote(note.id);
  }),

  step('create entity', fc.record({ name, type }), always, async (m, s, a) => {
    const { entity } = await call(s, 'entities.create', { name: a.name, type: a.type });
    expect(m.createEntity(a.name.trim(), a.type, () => entity.id)).toBe(entity.id);
  }),

  ...Array.from({ length: 2 }, () =>
    step(
      'link',
      fc.record({
        article: fc.nat(),
        word: fc.nat(),
        words: fc.integer({ min: 1, max: 2 }),
        target: fc.oneof(fc.record({ entity: fc.nat() }), fc.record({ name, type })),
      }),
      (m, a) => anyListed(m) && ('name' in a.target || m.entities().length > 0),
      async (m, s, a) => {
        const article = pick(m.listedArticles(), a.article);
        const { start, end } = wordRange(article.text, a.word, a.words);
        const target = 'entity' in a.target ? { entityId: pick(m.entities(), a.target.entity).id } : { name: a.target.name.trim(), type: a.target.type };
        const { mention } = await call(s, 'entities.link', { articleId: article.id, start, end, ...target });
        m.link(article.id, start, end, target, () => mention.entityId);
      },
    ),
  ),

  ...Array.from({ length: 2 }, () =>
    step(
      'accept suggestion',
      fc.record({
        article: fc.nat(),
        suggestion: fc.nat(),
        choice: fc.oneof(fc.constant({}), fc.record({ name }), fc.record({ type }), fc.record({ entity: fc.nat() })),
      }),
      anyListed,
      async (m, s, a) => {
        const article = pick(m.listedArticles(), a.article);
        const suggestions = await suggestionsOf(m, s, article.id);
        if (suggestions.length === 0) return;
        const { key } = pick(suggestions, a.suggestion);
        const choice: { name?: string; type?: EntityType; entityId?: string } =
          'entity' in a.choice ? (m.entities().length > 0 ? { entityId: pick(m.entities(), a.choice.entity).id } : {}) : 'name' in a.choice ? { name: a.choice.name.trim() } : a.choice;
        const { entity } = await call(s, 'entities.accept', { articleId: article.id, key, ...choice });
        m.accept(article.id, key, choice, () => entity.id);
      },
    ),
  ),

  step('reject suggestion', fc.record({ article: fc.nat(), suggestion: fc.nat() }), anyListed, async (m, s, a) => {
    const article = pick(m.listedArticles(), a.article);
    const suggestions = await suggestionsOf(m, s, article.id);
    if (suggestions.length === 0) return;
    const { key } = pick(suggestions, a.suggestion);
    await call(s, 'entities.reject', { articleId: article.id, key });
    m.reject(article.id, key);
  }),

  step('unlink', fc.record({ article: fc.nat(), mention: fc.nat() }), (m) => withMentions(m).length > 0, async (m, s, a) => {
    const article = pick(withMentions(m), a.article);
    const { start, end } = pick(m.mentionsOf(article.id)!.mentions, a.mention);
    const { mentions } = await call(s, 'entities.forArticle', { articleId: article.id }, false);
    const mention = mentions.find((x) => x.start === start && x.end === end);
    expect(mention, 'the mention the model has').toBeDefined();
    await call(s, 'entities.unlink', { articleId: article.id, mentionId: mention!.id });
    m.unlink(article.id, start, end);
  }),

  step('rename entity', fc.record({ entity: fc.nat(), name }), (m) => m.entities().length > 0, async (m, s, a) => {
    const entity = pick(m.entities(), a.entity);
    const expected = m.renameEntity(entity.id, a.name.trim());
    const failure = await failureOf(call(s, 'entities.update', { id: entity.id, patch: { name: a.name } }));
    expect(failure).toBe(expected === 'conflict' ? 'conflict' : null);
  }),

  step('merge entities', fc.record({ source: fc.nat(), target: fc.nat() }), (m) => m.entities().length >= 2, async (m, s, a) => {
    const source = pick(m.entities(), a.source);
    const target = pick(
      m.entities().filter((e) => e.id !== source.id),
      a.target,
    );
    await call(s, 'entities.merge', { sourceId: source.id, targetId: target.id });
    m.merge(source.id, target.id);
  }),

  step('review entities', fc.nat(), anyListed, async (m, s, n) => {
    await suggestionsOf(m, s, pick(m.listedArticles(), n).id);
  }),

  step('create brief', fc.constantFrom('Weekly', 'Ports brief', '  Padded title  '), always, async (m, s, title) => {
    const { brief } = await call(s, 'briefs.create', { title });
    m.createBrief({ id: brief.id, title: title.trim(), author: '', handling: '' });
  }),

  step(
    'edit brief',
    fc.record({
      brief: fc.nat(),
      patch: fc.record({ title: fc.constantFrom('Renamed brief', 'Weekly'), author: fc.constantFrom('', 'Desk A'), handling: fc.constantFrom('', 'Internal') }, { requiredKeys: [] }),
      group,
    }),
    (m) => m.briefs().length > 0,
    async (m, s, a) => {
      const brief = pick(m.briefs(), a.brief);
      await call(s, 'briefs.update', { id: brief.id, patch: a.patch, undoGroup: a.group });
      m.updateBrief(brief.id, a.patch, a.group);
    },
  ),

  step('delete brief', fc.nat(), (m) => m.briefs().length > 0, async (m, s, n) => {
    const brief = pick(m.briefs(), n);
    await call(s, 'briefs.delete', { id: brief.id });
    m.deleteBrief(brief.id);
  }),

  ...Array.from({ length: 3 }, () =>
    step('undo', fc.constant(null), always, async (m, s) => {
      // The model has no one to ask: it agrees to what an undo removes (an import, a note with text).
      const answer = await call(s, 'history.undo', { confirm: true });
      const expected = m.undo();
      expect(englishOf(answer.label), 'what undo undid').toBe(expected.label);
      if (expected.articleId !== undefined) expect(answer.articleId, 'the article undo names').toBe(expected.articleId);
    }),
  ),

  ...Array.from({ length: 2 }, () =>
    step('redo', fc.constant(null), always, async (m, s) => {
      const answer = await call(s, 'history.redo', {});
      const expected = m.redo();
      expect(englishOf(answer.label), 'what redo redid').toBe(expected.label);
      if (expected.articleId !== undefined) expect(answer.articleId, 'the article redo names').toBe(expected.articleId);
    }),
  ),

  step('crash and reopen', fc.constant(null), always, async (m, s) => {
    await crashAndReopen(s);
    m.forgetHistory();
  }),

  step('close and reopen', fc.constant(null), always, async (m, s) => {
    await closeAndReopen(s);
    m.forgetHistory();
  }),
];