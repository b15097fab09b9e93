import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from './fixtures';
import { watchEscapes } from './models/escapes';
import { articlePdf, ARTICLE_PARAGRAPHS, ARTICLE_TITLE } from '../electron/core/import/fixtures/pdfFixtures';
import { ReaderPage } from './models/ReaderPage';

const FIXTURES = path.join(ROOT, 'electron', 'core', 'import', 'fixtures');
const SAMPLE = path.join(ROOT, 'assets', 'india-japan-defence-2025-05-04.txt');

test('File › Import takes several formats at once, reports each failure, and keeps provenance', async ({ dossier }) => {
  const page = dossier.page;
  const broken = path.join(dossier.workspace, '..', `broken-${Date.now()}.pdf`);
  writeFileSync(broken, Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'));
  await page.getByLabel('Articles to import').setInputFiles([
    path.join(FIXTURES, 'field-report.md'),
    path.join(FIXTURES, 'news-page.html'),
    broken,
  ]);

  const summary = page.getByRole('dialog', { name: /Imported 2 of 3/ });
  // The summary is the import's own "done" signal; three files through Readability and pdf.js can
  // take longer than the default 5 s on a busy machine (the progress bar shows it still working).
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await expect(summary.getByRole('list', { name: 'Not imported' })).toContainText(path.basename(broken));
  await summary.getByRole('button', { name: 'Grain silo at Dunmore reopens after storm repairs' }).click();

  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText('Grain silo at Dunmore reopens after storm repairs');
  const meta = page.getByRole('article').locator('.reader-meta');
  await expect(meta).toContainText('The Valley Herald');
  await expect(meta).toContainText('Priya Ostrander');
  await expect(meta.locator('time')).toHaveAttribute('datetime', '2025-06-21');
  await expect(page.getByTestId('reader-body')).not.toContainText('editor: check the tonnage');

  await expect(dossier.library.articles).toHaveCount(3);
  await dossier.library.openArticle(/Night ferry links Kestrel Bay/);
  await expect(page.getByTestId('reader-body')).not.toContainText(/cookie|Subscribe|Related/i);
  expect(dossier.pageErrors).toEqual([]);
});

test('dropping files on the window imports them; the same bytes again are "already in the workspace"', async ({ dossier }) => {
  const page = dossier.page;
  const drop = async (files: { name: string; content: string; type: string }[]) => {
    const transfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.content], f.name, { type: f.type }));
      return dt;
    }, files);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await expect(page.getByText('Drop files to import them')).toBeVisible();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  };

  await drop([
    { name: 'india-japan-defence-2025-05-04.txt', content: readFileSync(SAMPLE, 'utf8'), type: 'text/plain' },
    { name: 'field-report.md', content: readFileSync(path.join(FIXTURES, 'field-report.md'), 'utf8'), type: 'text/markdown' },
  ]);
  const summary = page.getByRole('dialog', { name: /Imported 1 of 2/ });
  await expect(summary.getByRole('list', { name: 'Already in the workspace' })).toContainText('India, Japan defence ministers to hold talks');
  await summary.getByRole('button', { name: 'Close' }).click();
  const library = dossier.library.articles;
  await expect(library).toHaveCount(2);

  // Undo in the imported article takes the import back out (the files stay in the workspace folder),
  // once the analyst agrees; the toast's Redo brings it back.
  await dossier.library.openArticle(/Grain silo at Dunmore/);
  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  const ask = page.getByRole('alertdialog', { name: /^Undo “import “Grain silo/ });
  await expect(ask).toContainText('This removes the imported article “Grain silo at Dunmore reopens after storm repairs” from the library.');
  await ask.getByRole('button', { name: 'Undo and remove' }).click();
  await expect(library).toHaveCount(1);
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(/^India, Japan defence ministers/);
  await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Redo' }).click();
  await expect(library).toHaveCount(2);
  expect(dossier.pageErrors).toEqual([]);
});

test('hostile HTML imports as inert text: no dialog, no console error, no request leaves', async ({ dossier }) => {
  const page = dossier.page;
  const { dialogs, foreignRequests: foreign } = watchEscapes(page);
  const hostile = path.join(dossier.workspace, '..', `hostile-${Date.now()}.html`);
  writeFileSync(
    hostile,
    `<!doctype html><html lang="en"><head><title>Harbour talks resume</title>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css"><script>alert('head')</script></head>
<body onload="alert('body')"><article><h1>Harbour talks resume</h1>
<p>Negotiators met again on Tuesday <img src="https://evil.example/p.gif" onerror="alert('img')"> to discuss the harbour dues, officials said.</p>
<p>The <a href="javascript:alert('link')">proposal</a> would cut fees for small vessels by a third, according to a draft seen by reporters.</p>
<svg onload="alert('svg')"><script>alert('svg script')</script></svg><iframe srcdoc="<script>alert('frame')</script>"></iframe>
<p>A second round is planned for next month in the port city, with both delegations expected to attend.</p>
</article></body></html>`,
  );
  await page.getByLabel('Articles to import').setInputFiles(hostile);
  const summary = page.getByRole('dialog', { name: /Imported 1 of 1/ });
  await summary.getByRole('button', { name: 'Harbour talks resume' }).click();
  const body = page.getByTestId('reader-body');
  await expect(body).toContainText('Negotiators met again on Tuesday');
  await expect(body).toContainText('would cut fees for small vessels');
  await expect(body).not.toContainText('alert(');
  expect(await body.locator('img, a, svg, iframe, script').count()).toBe(0);
  // Nothing of the file reached the document anywhere else either (a refresh, a stylesheet, a frame).
  const start = page.url();
  expect(await page.locator('[src*="evil.example"], [href*="evil.example"], [srcdoc], meta[http-equiv="refresh" i]').count()).toBe(0);
  // Anything the article could have set off (a script, an image, a refresh) would have started by the
  // frame that painted it. Wait for the next frame and for the page to answer after it: the dialog
  // and request events of that frame have then reached this test, in order.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  expect(page.url()).toBe(start);
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(dossier.pageErrors).toEqual([]);
});

test('a PDF is read into paragraphs that can be highlighted like any article', async ({ dossier }) => {
  const page = dossier.page;
  const file = path.join(dossier.workspace, '..', `tidal-barrier-${Date.now()}.pdf`);
  writeFileSync(file, await articlePdf());
  await page.getByLabel('Articles to import').setInputFiles(file);
  await page.getByRole('dialog', { name: /Imported 1 of 1/ }).getByRole('button', { name: ARTICLE_TITLE }).click();

  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText(ARTICLE_TITLE);
  for (const paragraph of ARTICLE_PARAGRAPHS) await expect(page.getByTestId('reader-body')).toContainText(paragraph);
  await expect(page.getByTestId('reader-body')).not.toContainText('Spring Bulletin');
  await reader.highlight('lifted for maintenance in June', 'Hyphenated across a line break in the PDF');
  await expect.poll(() => reader.paintedHighlights()).toEqual(['lifted for maintenance in June']);
});
