import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createCitationNode } from '../electron/common/notes/nodes/CitationNode';
import { $createEntityMentionNode } from '../electron/common/notes/nodes/EntityMentionNode';
import { buildNote } from '../electron/common/notes/testing/noteFixtures';
import { openAppWorkspace } from '../electron/core/workspace/openWorkspace';

/**
 * Builds a workspace holding the sample article with graded highlights, a note and a saved brief,
 * then writes the brief in every format: what the README pictures are made from.
 * Usage: node --import tsx scripts/sampleBrief.ts OUT_DIR
 */
const out = process.argv[2] ?? mkdtempSync(path.join(os.tmpdir(), 'dossier-sample-brief-'));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { core } = await openAppWorkspace(mkdtempSync(path.join(os.tmpdir(), 'dossier-sample-ws-')), path.join(root, 'assets'), {
  creator: { name: 'Desk Analyst' },
});
const api = core.api;
const articleId = (await api['app.startup']({})).articleId!;
const highlight = async (quote: string, comment: string, color: string, grading: { reliability: 'A' | 'B' | 'C'; credibility: 1 | 2 | 3 }, tags: string[] = []) =>
  (await api['annotations.createFromQuote']({ articleId, quote, comment, color, grading, tags })).annotation;
const pact = await highlight('reciprocal logistics agreement for their Navies', 'Talks on the RPSSA are the news hook.', 'yellow', { reliability: 'B', credibility: 2 }, ['logistics']);
await highlight('India and Japan are strategic partners in the Quad', 'Quad framing: both sit with the US and Australia.', 'green', { reliability: 'A', credibility: 1 });
const supplies = await highlight('would allow Indian warships and aircraft to receive supplies, spares, and emergency assistance at Japanese military bases', 'What the pact would change in practice.', 'blue', { reliability: 'B', credibility: 3 }, ['logistics']);
await highlight('co-development of a specialised stealth radio communication equipment', 'Signed November 2024: first co-development item.', 'red', { reliability: 'C', credibility: 2 });
await api['replies.add']({ articleId, annotationId: pact.id, body: 'Confirm with MoD readout once published.' });
await api['entities.acceptAll']({ articleId });
const { entities } = await api['entities.list']({});
const byName = (name: string) => entities.find((e) => e.name === name)!;
const rajnath = byName('Rajnath Singh');
const nakatani = byName('Gen Nakatani');
const { text } = await api['articles.get']({ id: articleId });
const { meta } = { meta: (await api['articles.get']({ id: articleId })).article };
const note = await api['notes.create']({
  articleId,
  title: 'What to watch',
  content: buildNote(() => {
    $getRoot().append(
      $createHeadingNode('h2').append($createTextNode('What to watch')),
      $createParagraphNode().append(
        $createEntityMentionNode(rajnath.id, rajnath.type, rajnath.name),
        $createTextNode(' and '),
        $createEntityMentionNode(nakatani.id, nakatani.type, nakatani.name),
        $createTextNode(' meet for the second time in six months. #followup'),
      ),
      $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('Whether the RPSSA is signed or only "advanced"')),
        $createListItemNode().append($createTextNode('Any mention of joint exercises in the air domain')),
      ),
      $createParagraphNode().append(
        $createTextNode('Key passage: '),
        $createCitationNode({
          articleId,
          annotationId: supplies.id,
          quote: text.slice(supplies.target.position.start, supplies.target.position.end),
          source: meta.title,
          start: supplies.target.position.start,
          end: supplies.target.position.end,
        }),
      ),
    );
  }),
});
const summary = buildNote(() => {
  $getRoot().append(
    $createParagraphNode().append(
      $createTextNode('India and Japan are close to a reciprocal logistics agreement; '),
      $createEntityMentionNode(rajnath.id, rajnath.type, rajnath.name),
      $createTextNode(' hosts his counterpart in New Delhi to push it forward.'),
    ),
  );
});
const { brief } = await api['briefs.create']({
  title: 'India–Japan defence ties: logistics pact in reach',
  author: 'Desk Analyst',
  handling: 'OFFICIAL — FOR TRAINING',
  summary,
  sections: [
    { id: 'sec_article', kind: 'article', articleId, filter: {} },
    { id: 'sec_note', kind: 'note', noteId: note.note.id },
    { id: 'sec_index', kind: 'entities', entityIds: null },
  ],
});
for (const format of ['md', 'html', 'pdf', 'docx', 'jsonld'] as const) {
  const file = await api['export.brief']({ source: { briefId: brief.id }, format });
  writeFileSync(path.join(out, `sample-brief.${format}`), file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
}
await core.store.close();
console.log(out);
