import { $createCodeNode } from '@lexical/code';
import { $createAutoLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTabNode, $createTextNode, $getRoot } from 'lexical';
import { positionSelector, quoteSelectorAt } from '../../../common/anchoring/textQuote';
import type { Annotation, Reply } from '../../../common/model/annotation';
import type { ArticleMeta } from '../../../common/model/article';
import { Note, type NoteContent } from '../../../common/model/note';
import { DEFAULT_PALETTE } from '../../../common/model/palette';
import { deriveNote } from '../../../common/notes/deriveNote';
import { $createCitationNode } from '../../../common/notes/nodes/CitationNode';
import { $createEntityMentionNode } from '../../../common/notes/nodes/EntityMentionNode';
import { buildNote, everyNodeNote, SAMPLE_CITATION } from '../../../common/notes/testing/noteFixtures';
import { ParagraphNumbers } from '../../../common/text/paragraphNumbers';
import type { BriefContent, BriefContentSection, BriefEntityRow, BriefEvent, BriefPassage, BriefRelation, BriefSource } from '../briefContent';
import { citationKey } from '../briefText';

/**
 * Hand-built brief content for export tests and benchmarks: two articles (one with a corrected
 * version and an orphaned annotation, one quoting Arabic), annotations with comments, replies,
 * grading, colours and tags, a note with every node type, a free-standing note, an entity index.
 * Offsets are real: every quote is at its position in SAMPLE_ARTICLE_TEXTS.
 */

export const SAMPLE_ARTICLE_IDS = { hindu: SAMPLE_CITATION.articleId, vientiane: 'art_vientiane' } as const;

export const SAMPLE_ARTICLE_TEXTS: Record<string, string> = {
  // The first quote sits at 120–166, where noteFixtures' SAMPLE_CITATION says it is.
  [SAMPLE_ARTICLE_IDS.hindu]:
    'Defence Minister Rajnath Singh met his Japanese counterpart Gen Nakatani in New Delhi on Monday. ' +
    'After extensive talks, the two ministers agreed to deepen cooperation in defence equipment and technology.\n\n' +
    'The ministers discussed the joint production of the Unified Complex Radio Antenna (UNICORN) mast and a framework ' +
    'for reciprocal provision of supplies and services. Officials said a logistics agreement signed in 2020 would be ' +
    'reviewed before the end of the year.\n\n' +
    'The meeting follows the ASEAN Defence Ministers\u2019 Meeting-Plus in Laos, where both delegations called for a free ' +
    'and open Indo-Pacific.',
  [SAMPLE_ARTICLE_IDS.vientiane]:
    'VIENTIANE \u2014 The ASEAN Defence Ministers\u2019 Meeting-Plus closed on Thursday with a joint call for restraint in ' +
    'the South China Sea.\n\n' +
    'An observer from the Arab League read a short statement in Arabic: \u00abالتعاون الدفاعي ضروري للاستقرار الإقليمي\u00bb. ' +
    'Delegates from Japan and India held a separate meeting on the sidelines.',
};

export function briefArticle(fields: Partial<ArticleMeta> & Pick<ArticleMeta, 'id' | 'title'>): ArticleMeta {
  const length = SAMPLE_ARTICLE_TEXTS[fields.id]?.length ?? 0;
  return {
    rev: 1,
    source: `${fields.id}.txt`,
    url: null,
    outlet: null,
    author: null,
    published: null,
    language: 'en',
    importedAt: '2025-06-01T09:30:00.000Z',
    version: 1,
    versions: [
      {
        version: 1,
        sha256: 'f55ff16f66f43360266b95db6f8fec01d76031054306ae4a4b380598f6cfd114',
        importedAt: '2025-06-01T09:30:00.000Z',
        source: `${fields.id}.txt`,
        original: 'v1/original.txt',
        mediaType: 'text/plain',
        length,
      },
    ],
    ...fields,
  };
}

/** An annotation on `quote` where it first occurs in `text` (or, for an orphan, at `fields.target`). */
export function briefAnnotation(articleId: string, text: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0 && !fields.target) throw new Error(`Not in the article text: ${quote}`);
  const end = start + quote.length;
  return {
    id: `ann_${articleId}_${start}`,
    rev: 1,
    articleId,
    motivation: fields.comment ? 'commenting' : 'highlighting',
    target: fields.target ?? { version: 1, quote: quoteSelectorAt(text, start, end), position: positionSelector(start, end) },
    comment: '',
    color: null,
    tags: [],
    grading: null,
    replies: [],
    creator: { name: 'R. Analyst' },
    modifiedBy: { name: 'R. Analyst' },
    status: 'anchored',
    created: '2025-06-01T10:00:00.000Z',
    modified: '2025-06-01T10:00:00.000Z',
    ...fields,
  };
}

/** Where assembly would place each annotation in the sample texts ("¶ 2"); an orphan's earlier version is not among them. */
export function placesIn(articleId: string, annotations: Annotation[], orphanPlace = '¶ 1'): Record<string, string> {
  const numbers = new ParagraphNumbers(SAMPLE_ARTICLE_TEXTS[articleId] ?? '');
  return Object.fromEntries(
    annotations.map((a) => [a.id, a.status === 'orphaned' ? orphanPlace : (numbers.label(a.target.position.start, a.target.position.end) ?? '')]),
  );
}

/** The places of the notes' citations, keyed as `CitedArticle.places` keys them. */
function citationPlaces(articleId: string, sections: BriefContentSection[]): Record<string, string> {
  const numbers = new ParagraphNumbers(SAMPLE_ARTICLE_TEXTS[articleId] ?? '');
  const places: Record<string, string> = {};
  for (const s of sections) {
    if (s.kind !== 'note') continue;
    for (const c of s.note.citations.filter((c) => c.articleId === articleId)) places[citationKey(c)] = numbers.label(c.start, c.end) ?? '';
  }
  return places;
}

export function briefReply(id: string, name: string, body: string, created = '2025-06-01T14:00:00.000Z'): Reply {
  return { id, body, creator: { name }, created, modified: created };
}

/** A note as the store would hold it; parsed, so fields the schema defaults are filled in. */
export function briefNote(fields: Pick<Note, 'id' | 'title' | 'content'> & Partial<Note>): Note {
  return Note.parse({
    rev: 1,
    contentRev: 1,
    titled: fields.title !== '',
    articleId: null,
    pinned: false,
    created: '2025-06-01T11:00:00.000Z',
    modified: '2025-06-01T16:20:00.000Z',
    ...deriveNote(fields.content),
    ...fields,
  });
}

function hinduSource(): BriefSource {
  const id = SAMPLE_ARTICLE_IDS.hindu;
  const text = SAMPLE_ARTICLE_TEXTS[id]!;
  const article = briefArticle({
    id,
    title: SAMPLE_CITATION.source,
    outlet: 'The Hindu',
    author: 'Dinakar Peri',
    published: '2025-05-04',
    url: 'https://www.thehindu.com/news/national/india-japan-defence-ministers-meet/article69539123.ece',
    version: 2,
  });
  article.versions = [
    { ...article.versions[0]!, length: text.length + 31 },
    { ...article.versions[0]!, version: 2, sha256: '1d7601e182b7ba63344bfd90e6abb93f8c5882ec15839c3081c56ed19424ec43', importedAt: '2025-06-03T08:15:00.000Z', original: 'v2/original.txt' },
  ];
  const on = (quote: string, fields: Partial<Annotation>) => briefAnnotation(id, text, quote, fields);
  return withPlaces({
    article,
    excerpts: [
      on('the two ministers agreed to deepen cooperation', {
        id: SAMPLE_CITATION.annotationId!,
        comment: 'First ministerial-level commitment since the 2023 2+2 dialogue.\nCompare with the readout from Tokyo.',
        color: 'yellow',
        tags: ['defence-industry', 'bilateral'],
        grading: { reliability: 'B', credibility: 2 },
        replies: [
          briefReply('rep_1', 'J. Reviewer', 'The Tokyo readout says \u201caccelerate\u201d rather than \u201cdeepen\u201d; worth flagging.'),
          briefReply('rep_2', 'R. Analyst', 'Agreed. Added to the follow-up list.', '2025-06-01T15:30:00.000Z'),
        ],
      }),
      on('Unified Complex Radio Antenna (UNICORN) mast', {
        comment: 'Named programme: first public confirmation of joint production.',
        color: 'green',
        tags: ['unicorn'],
        grading: { reliability: 'A', credibility: 2 },
      }),
      on('a logistics agreement signed in 2020', { color: 'red', status: 'drifted' }),
    ],
    orphans: [
      briefAnnotation(id, text, 'talks lasted nearly three hours', {
        id: 'ann_orphan_three_hours',
        target: {
          version: 1,
          quote: { type: 'TextQuoteSelector', exact: 'talks lasted nearly three hours', prefix: 'in New Delhi on Monday. The ', suffix: ', and the two ministers' },
          position: { type: 'TextPositionSelector', start: 101, end: 132 },
        },
        comment: 'The correction of 5 May removed this detail.',
        color: 'purple',
        grading: { reliability: 'C', credibility: 3 },
        status: 'orphaned',
      }),
    ],
  });
}

function withPlaces(source: Omit<BriefSource, 'places'>): BriefSource {
  return { ...source, places: placesIn(source.article.id, [...source.excerpts, ...source.orphans]) };
}

function vientianeSource(): BriefSource {
  const id = SAMPLE_ARTICLE_IDS.vientiane;
  const text = SAMPLE_ARTICLE_TEXTS[id]!;
  const article = briefArticle({
    id,
    title: 'ASEAN defence meeting ends with call for restraint',
    outlet: 'Vientiane Times',
    published: '2024-11-21',
    source: 'admm-plus-vientiane.html',
  });
  article.versions = [{ ...article.versions[0]!, sha256: '2c3a4249d77070058649dbd822dcaf7957586fce428cfb2ca88b94741eda8b07', source: article.source, mediaType: 'text/html' }];
  return withPlaces({
    article,
    excerpts: [
      briefAnnotation(id, text, 'التعاون الدفاعي ضروري للاستقرار الإقليمي', {
        comment: 'Translation: \u201cDefence cooperation is essential for regional stability.\u201d\nWho authorised the statement?',
        color: 'blue',
        tags: ['translation'],
        grading: { reliability: 'C', credibility: 3 },
        replies: [briefReply('rep_3', 'م. العلي', 'الترجمة صحيحة.')],
      }),
      briefAnnotation(id, text, 'Delegates from Japan and India held a separate meeting on the sidelines', {
        comment: 'Check whether this is the meeting The Hindu reports.',
        color: 'purple',
        tags: ['follow-up'],
        grading: { reliability: 'B', credibility: 3 },
        creator: { name: 'J. Reviewer' },
      }),
    ],
    orphans: [],
  });
}

/** A citation in openQuestionsNote() of a passage whose annotation has since been deleted. */
export const DELETED_CITATION = {
  articleId: SAMPLE_ARTICLE_IDS.vientiane,
  annotationId: 'ann_deleted_since',
  quote: 'a joint call for restraint',
  // The title the article had when cited; citedArticles carries the current one.
  source: 'ADMM-Plus closes in Vientiane',
  start: 78,
  end: 104,
} as const;

/** A free-standing note with what everyNodeNote() leaves out: nested and check lists, more formats, code lines. */
export function openQuestionsNote(): NoteContent {
  return buildNote(() => {
    const root = $getRoot();
    root.append($createHeadingNode('h2').append($createTextNode('Open questions')));
    const checks = $createListNode('check');
    const done = $createListItemNode(true).append($createTextNode('Confirm the date of the Delhi meeting'));
    const open = $createListItemNode(false).append($createTextNode('Ask '), $createEntityMentionNode('ent_arab_league', 'organization', 'Arab League'), $createTextNode(' liaison for the full statement'));
    checks.append(done, open);
    root.append(checks);
    const nested = $createListNode('bullet').append(
      $createListItemNode().append($createTextNode('Equipment')),
      $createListItemNode().append($createListNode('bullet').append($createListItemNode().append($createTextNode('UNICORN mast')), $createListItemNode().append($createTextNode('Radar')))),
      $createListItemNode().append($createTextNode('Logistics')),
    );
    root.append(nested);
    root.append(
      $createParagraphNode().append(
        $createTextNode('Superseded').toggleFormat('strikethrough'),
        $createTextNode(' wording; H'),
        $createTextNode('2').toggleFormat('subscript'),
        $createTextNode('O and 10'),
        $createTextNode('3').toggleFormat('superscript'),
        $createTextNode(' units; file '),
        $createTextNode('brief-2025.docx').toggleFormat('code'),
        $createTextNode('; source: '),
        $createAutoLinkNode('https://www.mod.gov.in/').append($createTextNode('https://www.mod.gov.in/')),
      ),
    );
    root.append($createCodeNode().append($createTextNode('grade\tsource'), $createLineBreakNode(), $createTextNode('B2\tThe Hindu')));
    root.append($createParagraphNode().append($createTextNode('Line one'), $createLineBreakNode(), $createTextNode('Line two after a break'), $createTabNode()));
    root.append($createParagraphNode().append($createTextNode('ملاحظة: البيان لم يُنشر رسمياً بعد.')));
    // Cites an annotation deleted since: the brief's citedArticles lists it, so the citation says so.
    root.append(
      $createParagraphNode().append(
        $createTextNode('Earlier reading: '),
        $createCitationNode({ ...DELETED_CITATION }),
      ),
    );
  });
}

export function sampleEntityIndex(): BriefEntityRow[] {
  const hindu = { kind: 'article' as const, id: SAMPLE_ARTICLE_IDS.hindu, title: SAMPLE_CITATION.source };
  const vientiane = { kind: 'article' as const, id: SAMPLE_ARTICLE_IDS.vientiane, title: 'ASEAN defence meeting ends with call for restraint' };
  const readout = { kind: 'note' as const, id: 'note_readout', title: 'Meeting readout' };
  const questions = { kind: 'note' as const, id: 'note_questions', title: 'Open questions' };
  return [
    { id: 'ent_rajnath', name: 'Rajnath Singh', type: 'person', mentionCount: 2, mentionedIn: [hindu, readout] },
    { id: 'ent_nakatani', name: 'Gen Nakatani', type: 'person', mentionCount: 1, mentionedIn: [hindu] },
    { id: 'ent_japan', name: 'Japan', type: 'place', mentionCount: 4, mentionedIn: [hindu, vientiane, readout] },
    { id: 'ent_admm', name: 'ADMM-Plus', type: 'event', mentionCount: 2, mentionedIn: [hindu, vientiane] },
    { id: 'ent_arab_league', name: 'Arab League', type: 'organization', mentionCount: 2, mentionedIn: [vientiane, questions] },
    { id: 'ent_rpss', name: 'Reciprocal Provision of Supplies and Services Agreement', type: 'agreement', mentionCount: 1, mentionedIn: [hindu] },
  ];
}

export function sampleBriefContent(): BriefContent {
  const hindu = hinduSource();
  const sections: BriefContentSection[] = [
    { kind: 'article', source: hindu },
    { kind: 'note', note: briefNote({ id: 'note_readout', title: 'Meeting readout', content: everyNodeNote(), articleId: hindu.article.id }), article: { id: hindu.article.id, title: hindu.article.title } },
    { kind: 'article', source: vientianeSource() },
    { kind: 'note', note: briefNote({ id: 'note_questions', title: 'Open questions', content: openQuestionsNote() }), article: null },
  ];
  const summary = buildNote(() => {
    $getRoot().append(
      $createParagraphNode().append(
        $createEntityMentionNode('ent_rajnath', 'person', 'Rajnath Singh'),
        $createTextNode(' and his Japanese counterpart agreed to '),
        $createTextNode('deepen defence-industrial cooperation').toggleFormat('bold'),
        $createTextNode('; joint production of the UNICORN mast is confirmed. Confidence: moderate.'),
      ),
      $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('Logistics agreement under review before year end.')),
        $createListItemNode().append($createTextNode('ASEAN partners called for restraint; see the Vientiane report.')),
      ),
    );
  });
  return {
    title: 'India\u2013Japan defence cooperation: weekly brief',
    author: 'R. Analyst',
    handling: 'OFFICIAL-SENSITIVE \u2014 FOR INTERNAL USE ONLY',
    generated: '2025-06-03T12:00:00.000Z',
    summary,
    palette: DEFAULT_PALETTE,
    sections,
    entityIndex: sampleEntityIndex(),
    citedArticles: {
      [hindu.article.id]: { title: hindu.article.title, published: hindu.article.published, deletedAnnotations: [], places: citationPlaces(hindu.article.id, sections) },
      [DELETED_CITATION.articleId]: {
        title: 'ASEAN defence meeting ends with call for restraint',
        published: '2024-11-21',
        deletedAnnotations: [DELETED_CITATION.annotationId],
        places: citationPlaces(DELETED_CITATION.articleId, sections),
      },
    },
    entityNames: {
      ent_rajnath: 'Rajnath Singh',
      ent_nakatani: 'Gen Nakatani',
      ent_japan: 'Japan',
      ent_admm: 'ADMM-Plus',
      ent_arab_league: 'Arab League',
      ent_rpss: 'Reciprocal Provision of Supplies and Services Agreement',
    },
  };
}

/** A passage of one of the sample articles, cited as the brief cites highlights there. */
function samplePassage(articleId: string, quote: string): BriefPassage {
  const start = SAMPLE_ARTICLE_TEXTS[articleId]!.indexOf(quote);
  if (start < 0) throw new Error(`Not in the article text: ${quote}`);
  const hindu = articleId === SAMPLE_ARTICLE_IDS.hindu;
  const title = hindu ? SAMPLE_CITATION.source : 'ASEAN defence meeting ends with call for restraint';
  const place = new ParagraphNumbers(SAMPLE_ARTICLE_TEXTS[articleId]!).label(start, start + quote.length);
  return { quote, title, where: `${hindu ? '2025-05-04' : '2024-11-21'}, ${place}` };
}

/**
 * Appendices for the sample brief, as assembly orders them: relationships by the first entity's
 * name (one flagged, its highlight deleted since), events earliest first (a month before a day).
 */
export function sampleAppendices(): { relations: BriefRelation[]; timeline: BriefEvent[] } {
  const { hindu, vientiane } = SAMPLE_ARTICLE_IDS;
  const ref = (id: string, name: string) => ({ id, name });
  return {
    relations: [
      {
        id: 'rel_japan_admm',
        from: ref('ent_japan', 'Japan'),
        to: ref('ent_admm', 'ADMM-Plus'),
        label: 'partner in',
        grading: null,
        start: null,
        end: null,
        flagged: true,
        evidence: [{ ...DELETED_CITATION, title: 'ASEAN defence meeting ends with call for restraint', where: '2024-11-21, passage deleted' }],
      },
      {
        id: 'rel_rajnath_nakatani',
        from: ref('ent_rajnath', 'Rajnath Singh'),
        to: ref('ent_nakatani', 'Gen Nakatani'),
        label: 'meets',
        grading: { reliability: 'B', credibility: 2 },
        start: '2025-05',
        end: null,
        flagged: false,
        evidence: [
          samplePassage(hindu, 'the two ministers agreed to deepen cooperation'),
          samplePassage(vientiane, 'Delegates from Japan and India held a separate meeting on the sidelines'),
        ],
      },
    ],
    timeline: [
      {
        id: 'evt_admm',
        date: '2024-11',
        label: 'ADMM-Plus closes with a call for restraint',
        entities: [ref('ent_admm', 'ADMM-Plus')],
        passage: samplePassage(vientiane, 'The ASEAN Defence Ministers\u2019 Meeting-Plus closed on Thursday with a joint call for restraint'),
      },
      {
        id: 'evt_delhi',
        date: '2025-05-04',
        label: 'Rajnath Singh meets Gen Nakatani in New Delhi',
        entities: [ref('ent_rajnath', 'Rajnath Singh'), ref('ent_nakatani', 'Gen Nakatani')],
        passage: samplePassage(hindu, 'Defence Minister Rajnath Singh met his Japanese counterpart Gen Nakatani in New Delhi on Monday.'),
      },
    ],
  };
}
