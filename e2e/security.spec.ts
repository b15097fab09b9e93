import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sharedTestData } from '../electron/core/testing/sharedTestData';
import { expect, test } from './fixtures';
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

  const brief = await dossier.exportBrief();
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
