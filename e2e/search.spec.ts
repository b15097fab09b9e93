import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { NotesPage } from './models/NotesPage';
import { QuickOpenDialog } from './models/QuickOpenDialog';
import { ReaderPage } from './models/ReaderPage';
import { SearchPage } from './models/SearchPage';

const QUOTE = 'reciprocal logistics agreement for their Navies';

/** The passage the reader marks after a search result opened it (empty once the mark has faded). */
function flashedText(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => [...((CSS.highlights.get('dossier-search-match') as Iterable<Range> | undefined) ?? [])].map((r) => r.toString()).join('|'));
}

test('search groups articles and highlights with marked words, filters by kind and colour, and opens each at its match', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight(QUOTE, 'Talks on the RPSSA.');
  const card = reader.card(QUOTE);
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByRole('radio', { name: 'Key date' }).check();
  await card.getByRole('button', { name: 'Done' }).click();
  await reader.waitSaved();

  const search = new SearchPage(page);
  await search.open();
  await search.search('logistics');
  await expect(search.group('Articles')).toHaveText(/Articles\s*1/);
  await expect(search.group('Highlights')).toHaveText(/Highlights\s*1/);
  await expect(search.resultsOf('article')).toHaveCount(1);
  await expect(search.resultsOf('article').locator('mark').first()).toHaveText(/^logistics$/i);
  await expect(search.resultsOf('annotation').locator('mark').first()).toHaveText(/^logistics$/i);
  await expect(search.resultsOf('annotation')).toContainText('Highlight');
  // A prefix matches while it is being typed.
  await search.search('logist');
  await expect(search.results).toHaveCount(2);

  await search.kind('Highlights', true);
  await expect(search.resultsOf('article')).toHaveCount(0);
  await expect(search.resultsOf('annotation')).toHaveCount(1);
  await search.kind('Highlights', false);
  await expect(search.results).toHaveCount(2);

  await search.colour('Key date (red)');
  await expect(search.results).toHaveCount(1);
  await expect(search.resultsOf('annotation')).toHaveCount(1);
  await search.colour('Evidence (green)');
  await expect(search.status).toHaveText('Nothing matches.');
  await search.filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(search.results).toHaveCount(2);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  // An article result opens the reader at the first match, marked for a moment.
  await search.resultsOf('article').click();
  await expect(reader.title).toBeVisible();
  await expect.poll(() => flashedText(page)).toBe('logistics');

  // Back in the search, the words are still there; the keyboard moves through the results.
  await search.open();
  await expect(search.box).toHaveValue('logist');
  await expect(search.results).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(search.resultsOf('article')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(search.resultsOf('annotation')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search.box).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(search.resultsOf('annotation')).toBeFocused();
  // An annotation result opens its article with its card selected.
  await page.keyboard.press('Enter');
  await expect(reader.card(QUOTE)).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => reader.paintedHighlights('active')).toEqual([QUOTE]);
  expect(dossier.pageErrors).toEqual([]);
});

test('the quick switcher finds a note by part of its title and opens it', async ({ dossier }) => {
  const page = dossier.page;
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('# Readout of the Delhi talks');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Both ministers attended.');
  await notes.waitSaved();
  await dossier.library.openArticle(/^India, Japan defence ministers/);

  const quick = new QuickOpenDialog(page);
  await quick.open();
  await page.keyboard.type('delhi READ');
  await expect(quick.options.first()).toContainText('Readout of the Delhi talks');
  await expect(quick.options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(quick.box).toHaveAttribute('aria-activedescendant', (await quick.options.first().getAttribute('id'))!);
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(quick.dialog).toBeHidden();
  await expect(notes.editor).toContainText('Both ministers attended.');

  // With nothing typed, what was opened last comes first; Esc closes.
  await quick.open();
  await expect(quick.options.first()).toContainText('Readout of the Delhi talks');
  await expect(quick.options.nth(1)).toContainText('India, Japan defence ministers');
  await page.keyboard.press('ArrowDown');
  await expect(quick.options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(quick.dialog).toBeHidden();
  expect(dossier.pageErrors).toEqual([]);
});

test('a relationship is found by its names and type, and its result opens the evidence passage', async ({ dossier }) => {
  const page = dossier.page;
  const evidence = 'strategic partners in the Quad';
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  await callApi(page, 'entities.acceptAll', { articleId });
  await callApi(page, 'relations.create', { from: 'India', to: 'Quad', type: 'partner-in', evidence: [{ articleId, quote: evidence }] });

  const search = new SearchPage(page);
  await search.open();
  await search.search('Quad partner');
  await expect(search.group('Relationships')).toHaveText(/Relationships\s*1/);
  const result = search.resultsOf('relation');
  await expect(result).toContainText('Relationship');
  await expect(result).toContainText('India —partner in→ Quad');
  const axe = await new AxeBuilder({ page }).include('.search-results').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await result.click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  await expect.poll(() => flashedText(page)).toBe(evidence);
  expect(dossier.pageErrors).toEqual([]);
});
