import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { noteContentOf, serializedParagraph } from '../electron/common/model/note';
import { sharedTestData } from '../electron/core/testing/sharedTestData';
import { chooseBrowser, CHROMIUM_ARGS, sandboxArgs } from './browserExecutable';
import { expect, test } from './fixtures';
import { filePlacements, hostileFiles, TITLES } from './hostile/documents';
import { canaryOf, docxProblems, INERT, liveMarkdownLines, liveness, pdfProblems } from './hostile/inspect';
import { BEACON, CANARY, HOSTILE_PAYLOADS } from './hostile/payloads';
import { callApi } from './models/api';
import { BriefComposerPage } from './models/BriefComposerPage';
import { watchEscapes } from './models/escapes';
import { dossierCli } from './models/cli';
import { NotesPage } from './models/NotesPage';
import { ReaderPage } from './models/ReaderPage';

// Looked up inside each test: under CI a missing ../shared then fails these tests, not the loading of every spec.
const PAYLOADS = 'conformance/dompurify-payloads.json';

interface Payloads {
  payloads: { title: string; payload: string }[];
}

test('hostile payloads stay inert text through import, the reader, comments and the Markdown export', async ({ dossier }) => {
  const shared = sharedTestData(PAYLOADS);
  test.skip(!!shared.skip, shared.skip);
  const { payloads } = JSON.parse(readFileSync(shared.path, 'utf8')) as Payloads;
  const page = dossier.page;
  const { dialogs, foreignRequests } = watchEscapes(page);

  // One article holding every payload as a paragraph, imported through the real CLI.
  const file = path.join(dossier.workspace, '..', `payloads-${Date.now()}.txt`);
  const body = payloads.map((p) => p.payload.replace(/\n{2,}/g, '\n')).join('\n\n');
  writeFileSync(file, `Hostile payloads\n\n${body}\n`);
  const imported = (await dossierCli(['import', file, '--workspace', dossier.workspace, '--json'])) as {
    articles: { id: string; title: string }[];
  };
  expect(imported.articles).toHaveLength(1);

  await dossier.library.openArticle(/Hostile payloads/);
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText('Hostile payloads');
  const bodyShape = await page.getByTestId('reader-body').evaluate((el) => ({
    elements: el.querySelectorAll('*').length,
    paragraphs: el.querySelectorAll('p').length,
    textOnly: [...el.querySelectorAll('p')].every((p) => p.childNodes.length === 1 && p.firstChild!.nodeType === Node.TEXT_NODE),
  }));
  expect(bodyShape.elements).toBe(bodyShape.paragraphs);
  expect(bodyShape.textOnly).toBe(true);
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src]), iframe, object, embed, svg image').length)).toBe(0);

  // Payloads as a highlighted quote and as the comment.
  const hostile = payloads.find((p) => p.payload.includes('<script'))!.payload.split('\n')[0]!;
  const quoted = await dossierCli([
    'annotate',
    '--workspace',
    dossier.workspace,
    '--article',
    imported.articles[0]!.id,
    '--quote',
    hostile,
    '--occurrence',
    '1',
    '--comment',
    '<img src=x onerror=alert(1)> [click](javascript:alert(2)) <script>alert(3)</script>',
    '--json',
  ]);
  expect(quoted).toMatchObject({ annotation: { exact: hostile } });
  await expect(reader.cards).toHaveCount(1);
  await expect(reader.cards.first()).toContainText('<img src=x onerror=alert(1)>');

  const brief = await dossier.exportArticle();
  for (const line of brief.content.split('\n')) {
    // Every angle bracket and link bracket of article or comment text is escaped in the Markdown.
    expect(line).not.toMatch(/(^|[^\\])<[a-zA-Z!/]/);
    expect(line).not.toMatch(/(^|[^\\])\]\(javascript:/i);
  }

  await page.reload();
  await expect(reader.cards).toHaveCount(1);
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);
});

test('hostile payloads pasted into a note come out as inert text, before and after saving', async ({ dossier }) => {
  const shared = sharedTestData(PAYLOADS);
  test.skip(!!shared.skip, shared.skip);
  const { payloads } = JSON.parse(readFileSync(shared.path, 'utf8')) as Payloads;
  const page = dossier.page;
  const { dialogs, foreignRequests } = watchEscapes(page);
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();

  // Pasted as HTML, the way another application puts rich text on the clipboard.
  await notes.editor.evaluate(async (editor, list) => {
    for (const html of list) {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', html);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    }
  }, payloads.map((p) => p.payload));
  await notes.waitSaved();

  const inert = () =>
    notes.editor.evaluate((editor) => {
      const active = editor.querySelectorAll('script, iframe, object, embed, img, svg, math, style, form, input, video, audio, link, meta, base');
      const handlers = [...editor.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name));
      const links = [...editor.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').filter((href) => !/^(https?:|mailto:)/i.test(href));
      return { active: active.length, handlers, links, text: editor.textContent?.length ?? 0 };
    });
  const before = await inert();
  expect(before).toMatchObject({ active: 0, handlers: [], links: [] });
  expect(before.text).toBeGreaterThan(0);

  await page.reload();
  await notes.openView();
  await notes.list().getByRole('button').first().click();
  await expect(notes.editor).toBeVisible();
  expect(await inert()).toMatchObject({ active: 0, handlers: [], links: [] });
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);
});

test('the hostile corpus stays inert from import through the reader, notes, entities, briefs and every export', async ({ dossier }) => {
  // One pass over the whole corpus; records are made through the contract, the screens are looked at.
  test.setTimeout(240_000);
  const page = dossier.page;
  const { dialogs, foreignRequests } = watchEscapes(page);
  const placements: Record<string, number> = { ...filePlacements() };

  const imported = await callApi(page, 'articles.import', { files: await hostileFiles() });
  expect(imported.failures).toEqual([]);
  expect(imported.articles.map((a) => a.title)).toEqual([TITLES.text, TITLES.markdown, TITLES.html, `${TITLES.pdf} <svg onload=top.${CANARY}=1>`]);

  // Highlights on every payload that survived into an article's text, each commented with a payload.
  let highlights = 0;
  const quoted: { articleId: string; quote: string }[] = [];
  for (const article of imported.articles) {
    const { text } = await callApi(page, 'articles.get', { id: article.id });
    for (const [i, payload] of HOSTILE_PAYLOADS.entries()) {
      const quote = oneLine(payload.payload).slice(0, 60).trim();
      if (!quote || !text.includes(quote)) continue;
      const comment = HOSTILE_PAYLOADS[(i + 7) % HOSTILE_PAYLOADS.length]!.payload;
      const { annotation } = await callApi(page, 'annotations.createFromQuote', { articleId: article.id, quote, occurrence: 1, comment, tags: [] });
      if (i % 5 === 0) await callApi(page, 'replies.add', { articleId: article.id, annotationId: annotation.id, body: payload.payload });
      quoted.push({ articleId: article.id, quote });
      highlights++;
    }
  }
  expect(highlights).toBeGreaterThan(HOSTILE_PAYLOADS.length);
  placements.highlights = highlights;
  placements.comments = highlights;
  placements.replies = Math.ceil(highlights / 5);

  // An entity named, aliased and described with payloads.
  const { entity } = await callApi(page, 'entities.create', { name: `Hostile entity <img src=x:y onerror=top.${CANARY}=1>`, type: 'organization' });
  await callApi(page, 'entities.update', {
    id: entity.id,
    patch: {
      aliases: HOSTILE_PAYLOADS.slice(0, 10).map((p) => oneLine(p.payload).slice(0, 200)),
      description: HOSTILE_PAYLOADS.map((p) => p.payload).join('\n').slice(0, 2000),
      externalId: `javascript:top.${CANARY}=1`,
    },
  });
  placements.entity = 13;

  // A note: payloads as text, a javascript: link, a beacon link, a style that loads, a hostile citation and mention.
  const content = hostileNoteContent(entity.id, quoted[0]!, imported.articles[0]!.id);
  const { note } = await callApi(page, 'notes.create', { title: `Hostile note <script>top.${CANARY}=1</script>`, content });
  placements.note = HOSTILE_PAYLOADS.length + 5;

  // A brief holding it all, with payloads in its head and summary.
  const { brief } = await callApi(page, 'briefs.create', {
    title: `Hostile brief <svg onload=top.${CANARY}=1>`,
    author: `<img src=x:y onerror=top.${CANARY}=1>`,
    handling: `<details open ontoggle=top.${CANARY}=1>RESTRICTED`,
    summary: hostileNoteContent(entity.id, quoted[1]!, imported.articles[0]!.id),
    sections: [
      ...imported.articles.map((a, i) => ({ id: `s${i}`, kind: 'article' as const, articleId: a.id })),
      { id: 'n', kind: 'note' as const, noteId: note.id },
      { id: 'e', kind: 'entities' as const, entityIds: null },
    ],
  });
  placements.brief = HOSTILE_PAYLOADS.length + 8;

  // The screens: every article in the reader, the note, the entity page and the brief.
  const reader = new ReaderPage(page);
  for (const title of [TITLES.text, TITLES.markdown, TITLES.html, TITLES.pdf]) {
    await dossier.library.openArticle(new RegExp(`^${title}`));
    await expect(reader.title).toContainText(title);
    await expect(reader.cards.first()).toBeVisible();
    expect(await liveness(page.getByTestId('reader-body'), 'content'), title).toEqual(INERT);
    expect(await liveness(page.locator('body'), 'ui'), title).toEqual(INERT);
  }
  // One highlight made the way a person makes it, with a payload typed as its comment.
  await dossier.library.openArticle(new RegExp(`^${TITLES.text}`));
  await reader.highlight('Talks covered port access', HOSTILE_PAYLOADS[0]!.payload);
  await expect(reader.card('Talks covered port access')).toContainText('onerror');

  const notes = new NotesPage(page);
  await notes.openView();
  await notes.list().getByRole('button').filter({ hasText: 'Hostile note' }).first().click();
  await expect(notes.editor).toContainText('Hostile');
  expect(await liveness(page.locator('body'), 'ui')).toEqual(INERT);

  await dossier.library.openEntities();
  await page.getByRole('main').getByRole('button', { name: /Hostile entity/ }).first().click();
  await expect(page.getByRole('main')).toContainText('onerror');
  expect(await liveness(page.locator('body'), 'ui')).toEqual(INERT);

  const composer = new BriefComposerPage(page);
  await composer.openView();
  await page.getByRole('complementary', { name: 'Briefs' }).getByRole('button', { name: /Hostile brief/ }).first().click();
  await expect(composer.title).toHaveValue(/Hostile brief/);
  expect(await liveness(page.locator('body'), 'ui')).toEqual(INERT);

  // Every export format of the brief; the HTML one opened in its own Chromium page.
  const exported = Object.fromEntries(
    await Promise.all(
      (['md', 'html', 'pdf', 'docx', 'jsonld'] as const).map(async (format) => [format, await callApi(page, 'export.brief', { source: { briefId: brief.id }, format })] as const),
    ),
  );
  expect(liveMarkdownLines(exported.md!.content)).toEqual([]);
  expect(pdfProblems(Buffer.from(exported.pdf!.content, 'base64'))).toEqual([]);
  expect(docxProblems(Buffer.from(exported.docx!.content, 'base64'))).toEqual([]);
  const jsonld = JSON.parse(exported.jsonld!.content) as unknown;
  expect(JSON.stringify(jsonld)).toContain('onerror');
  placements.exports = 5;

  const opened = await openHtmlExport(exported.html!.content);
  expect(opened.liveness).toEqual(INERT);
  expect(opened.canary).toBeUndefined();
  expect(opened.dialogs).toEqual([]);
  expect(opened.requests).toEqual([]);
  expect(opened.text).toContain('onerror');

  expect(await canaryOf(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);

  const total = Object.values(placements).reduce((a, b) => a + b, 0);
  test.info().annotations.push({ type: 'hostile cases', description: `${HOSTILE_PAYLOADS.length} payloads, ${total} placements ${JSON.stringify(placements)}, executed 0` });
});

function oneLine(text: string): string {
  return text.split('\n')[0]!;
}

/** Lexical's serialized form, written by hand: what a tampered notes file or a pasted state could hold. */
function hostileNoteContent(entityId: string, cited: { articleId: string; quote: string }, articleId: string) {
  const text = (value: string, style = '') => ({ type: 'text', version: 1, text: value, format: 0, style, mode: 'normal', detail: 0 });
  const link = (url: string, label: string) => ({ type: 'link', version: 1, url, rel: null, target: '_top', title: `"><img src=x:y onerror=top.${CANARY}=1>`, direction: null, format: '', indent: 0, children: [text(label)] });
  return noteContentOf([
    serializedParagraph([
      text('Read '),
      link(`javascript:top.${CANARY}=1`, 'the javascript link'),
      text(' and '),
      link(`${BEACON}/note-link`, 'the beacon link'),
      text(' styled', `background-image:url(${BEACON}/style.png);behavior:url(x)`),
      { type: 'entity-mention', version: 1, entityId, entityType: 'organization', text: `<img src=x:y onerror=top.${CANARY}=1>`, format: 0, style: '', mode: 'token', detail: 0 },
      { type: 'citation', version: 1, articleId, annotationId: 'ann_hostile', quote: cited.quote, source: `<script>top.${CANARY}=1</script>`, start: 0, end: cited.quote.length },
    ]),
    ...HOSTILE_PAYLOADS.map((p) => serializedParagraph([text(p.payload)])),
  ]);
}

/** Opens an exported HTML file in a fresh Chromium, as the person receiving it would, and watches it. */
async function openHtmlExport(html: string) {
  const browser = await chromium.launch({ executablePath: chooseBrowser().executablePath, args: [...CHROMIUM_ARGS, ...sandboxArgs()] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = 'https://export.dossier-canary.invalid/brief.html';
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) requests.push(r.url());
    });
    // Served from a name that never resolves: nothing else the page asks for can answer.
    await context.route('**/*', (route) =>
      route.request().url() === url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
    );
    await page.goto(url);
    // Time for timers, animations and refreshes a payload might have set up.
    await page.waitForTimeout(1500);
    return {
      liveness: await liveness(page.locator('body'), 'content'),
      canary: await canaryOf(page),
      dialogs,
      requests,
      text: await page.locator('body').innerText(),
    };
  } finally {
    await browser.close();
  }
}
