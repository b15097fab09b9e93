import AxeBuilder from '@axe-core/playwright';
import { expect, test, type DossierApp } from './fixtures';
import { articlePage, encodable, encode, languageText, type Language } from '../electron/core/import/fixtures/encodedFixtures';
import { ReaderPage } from './models/ReaderPage';

/**
 * Imports one file through File › Import, closes the summary, and returns what the reader shows
 * of the new article. Every copy has the same headline, so the sample is opened first: the
 * headline coming back means the new article is the one on screen.
 */
async function importAndRead(dossier: DossierApp, file: { name: string; buffer: Buffer }, headline: string): Promise<{ title: string; body: string }> {
  const { page } = dossier;
  const reader = new ReaderPage(page);
  await dossier.library.openArticle(/^India, Japan defence ministers/);
  await expect(reader.title).toHaveText(/^India, Japan defence ministers/);
  await page.getByLabel('Articles to import').setInputFiles({ ...file, mimeType: file.name.endsWith('.html') ? 'text/html' : 'text/plain' });
  const summary = page.getByRole('dialog', { name: 'Imported 1 of 1' });
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(reader.title).toHaveText(headline);
  return { title: await reader.title.innerText(), body: await page.getByTestId('reader-body').innerText() };
}

/** The check: the same short article as UTF-8 and in its legacy encoding, as text and as HTML. */
const LEGACY: [Language, string][] = [
  ['ar', 'windows-1256'],
  ['zh', 'gb18030'],
  ['ja', 'shift_jis'],
  ['ru', 'koi8-r'],
];

test('the same article saved as UTF-8, Windows-1256, GB18030, Shift_JIS or KOI8-R reads the same in the reader', async ({ dossier }) => {
  test.slow();
  for (const [language, encoding] of LEGACY) {
    // What the legacy encoding cannot hold (𠮷 in Shift_JIS) is out of every copy.
    const text = encodable(languageText(language), encoding);
    const headline = text.split('\n')[0]!;
    const asText = await importAndRead(dossier, { name: `${language}-utf8.txt`, buffer: Buffer.from(text, 'utf8') }, headline);
    expect(await importAndRead(dossier, { name: `${language}-${encoding}.txt`, buffer: Buffer.from(encode(text, encoding)) }, headline)).toEqual(asText);

    const page = { charset: 'utf-8', lang: language };
    const asPage = await importAndRead(dossier, { name: `${language}-utf8.html`, buffer: Buffer.from(articlePage(text, page), 'utf8') }, headline);
    const declared = { name: `${language}-${encoding}.html`, buffer: Buffer.from(encode(articlePage(text, { ...page, charset: encoding }), encoding)) };
    expect(await importAndRead(dossier, declared, headline)).toEqual(asPage);
    // The paragraphs are the article's, in its own script, and nothing in them is mojibake.
    const firstParagraph = text.split('\n').find((line, i) => i > 0 && line.trim())!;
    expect(asPage.body).toContain(firstParagraph.replace(/\s+/g, ' ').trim());
  }
  expect(dossier.pageErrors).toEqual([]);
});

test('a file whose encoding Dossier cannot tell asks for it, with a line of each reading, and imports the one chosen', async ({ dossier }) => {
  const page = dossier.page;
  // One Cyrillic word in English text: Windows-1251 reads мир, KOI8-R ЛХП, Windows-1255 לטנ.
  const bytes = Buffer.from([...Buffer.from('Field note from the northern survey\n\nThe village is called '), 0xec, 0xe8, 0xf0, ...Buffer.from(' on the old maps.\n')]);
  await page.getByLabel('Articles to import').setInputFiles({ name: 'field-note.txt', mimeType: 'text/plain', buffer: bytes });

  const dialog = page.getByRole('dialog', { name: 'Choose the text encoding of field-note.txt' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  const likely = dialog.getByRole('group', { name: 'Likely encodings' });
  const cyrillic = likely.getByRole('radio', { name: /^Cyrillic \(Windows-1251\)/ });
  await expect(cyrillic).toBeVisible();
  await expect(likely.locator('label').filter({ hasText: 'Cyrillic (Windows-1251)' })).toContainText('village is called мир on the old maps.');
  await expect(likely.locator('label').filter({ hasText: 'Cyrillic, Russian (KOI8-R)' })).toContainText('village is called ЛХП');

  // Any other encoding, previewed from the file's own bytes.
  await dialog.getByRole('combobox', { name: 'Another encoding' }).selectOption('windows-1253');
  await expect(likely.getByRole('radio', { name: 'Another encoding, chosen from the list' })).toBeChecked();
  await expect(likely.locator('.encoding-option').filter({ has: page.getByRole('combobox', { name: 'Another encoding' }) })).toContainText('village is called μθπ');

  await cyrillic.check();
  await page.screenshot({ path: test.info().outputPath('encoding-dialog.png') });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Import' }).click();

  const summary = page.getByRole('dialog', { name: 'Imported 1 of 1' });
  await expect(summary).toBeVisible();
  await summary.getByRole('button', { name: 'Close' }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toHaveText('Field note from the northern survey');
  await expect(reader.paragraphs.last()).toHaveText('The village is called мир on the old maps.');
  expect(dossier.pageErrors).toEqual([]);
});

test('skipping the question leaves the file out, and says why', async ({ dossier }) => {
  const page = dossier.page;
  const bytes = Buffer.from([...Buffer.from('Item '), 0xec, 0xe8, 0xf0, 0x0a]);
  await page.getByLabel('Articles to import').setInputFiles({ name: 'item.txt', mimeType: 'text/plain', buffer: bytes });
  const dialog = page.getByRole('dialog', { name: 'Choose the text encoding of item.txt' });
  await dialog.getByRole('button', { name: 'Skip this file' }).click();
  const summary = page.getByRole('dialog', { name: 'Imported 0 of 1' });
  await expect(summary.getByRole('list', { name: 'Not imported' })).toContainText('item.txt is in a text encoding Dossier cannot tell for sure');
});
