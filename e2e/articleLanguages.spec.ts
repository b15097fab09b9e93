import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures';
import { callApi } from './models/api';
import { NotesPage } from './models/NotesPage';
import { QuickOpenDialog } from './models/QuickOpenDialog';
import { ReaderPage } from './models/ReaderPage';
import { SearchPage } from './models/SearchPage';
import { TimelinePage } from './models/TimelinePage';

const LANGUAGES = path.join(ROOT, 'electron', 'core', 'import', 'fixtures', 'languages');
const ARABIC_TITLE = 'وزيرا الدفاع يبحثان التعاون البحري في نيودلهي';
const HEBREW_TITLE = 'שרי הביטחון נפגשו בטוקיו לשיחות על שיתוף פעולה ימי';
/**
 * A post ending in a long hashtag (no space for the snippet to end at): the search snippet is cut
 * inside it, right after the ي of واليابان, which must keep its joined (medial) form.
 */
const POST_TITLE = 'منشور الوزارة عن التدريبات';
const POST =
  `${POST_TITLE}\n\nنشرت الوزارة على حسابها أن المناورات البحرية ستبدأ الأسبوع المقبل قرب السواحل الغربية للبلاد بمشاركة سفن من عدة دول صديقة، ` +
  'ثم أرفقت وسماً: #المناوراتالبحريةالمشتركةبينالهندواليابانفيالمحيطالهنديوبحرالعرب\n';

async function importFiles(page: Page, files: Parameters<Locator['setInputFiles']>[0], count: number): Promise<void> {
  await page.getByLabel('Articles to import').setInputFiles(files);
  const summary = page.getByRole('dialog', { name: new RegExp(`Imported ${count} of ${count}`) });
  await expect(summary).toBeVisible({ timeout: 20_000 });
  await summary.getByRole('button', { name: 'Close' }).click();
}

async function articleId(page: Page, title: string): Promise<string> {
  const { articles } = await callApi(page, 'articles.list', {});
  return articles.find((a) => a.title === title)!.id;
}

test('an Arabic or Hebrew title carries its article’s language wherever it is listed, and an Arabic snippet cut inside a word stays joined', async ({ dossier }) => {
  const page = dossier.page;
  await importFiles(page, [path.join(LANGUAGES, 'ar.txt'), path.join(LANGUAGES, 'he.txt')], 2);
  await importFiles(page, [{ name: 'post.txt', mimeType: 'text/plain', buffer: Buffer.from(POST) }], 1);

  // The library: each title with its own language, read from the list (no article opened yet).
  for (const [title, lang] of [[ARABIC_TITLE, 'ar'], [HEBREW_TITLE, 'he'], [POST_TITLE, 'ar']] as const) {
    const shown = dossier.library.article(title).locator('.title');
    await expect(shown).toHaveAttribute('lang', lang);
    await expect(shown).toHaveAttribute('dir', 'auto');
  }
  // The sample article is English; its title says so too.
  await expect(dossier.library.article(/^India, Japan defence ministers/).locator('.title')).toHaveAttribute('lang', 'en');

  // Go to…: the title in the article's language, the "(also …)" and the badge in the window's.
  const goTo = new QuickOpenDialog(page);
  await goTo.open();
  await goTo.box.fill('הביטחון');
  const hebrew = goTo.options.filter({ hasText: HEBREW_TITLE });
  await expect(hebrew.locator('[lang="he"]')).toHaveText(HEBREW_TITLE);
  await expect(hebrew.locator('.kind-badge')).not.toHaveAttribute('lang');
  await page.keyboard.press('Escape');

  // Search: the result's title and its passage.
  const search = new SearchPage(page);
  await search.open();
  await search.search('المناورات');
  const post = search.resultsOf('article').filter({ hasText: POST_TITLE });
  await expect(post.locator('.result-name')).toHaveAttribute('lang', 'ar');
  const snippet = post.locator('.result-snippet');
  await expect(snippet).toHaveAttribute('lang', 'ar');
  // Cut right after the ي of واليابان: a joiner keeps it medial, joined toward the letters cut away.
  expect(await snippet.textContent()).toMatch(/والي\u200D…$/);
  await expect(post.locator('mark').first()).toHaveText('المناورات');
  await page.screenshot({ path: '/tmp/lang-search-arabic.png' });
  await snippet.screenshot({ path: '/tmp/lang-search-snippet.png' });
  // The same passage drawn without the joiner is narrower where the cut is: the form differs.
  const widths = await snippet.evaluate((element) => {
    const probe = (text: string) => {
      const span = document.createElement('span');
      span.textContent = text;
      element.append(span);
      const width = span.getBoundingClientRect().width;
      span.remove();
      return width;
    };
    return { joined: probe('والي\u200D…'), final: probe('والي…') };
  });
  expect(widths.joined).not.toBe(widths.final);

  // A citation of an Arabic passage in a note: its quote and its title.
  await dossier.library.openArticle(ARABIC_TITLE);
  const reader = new ReaderPage(page);
  const quote = 'الأمنَ البحريَّ مسؤوليةٌ مشتركة';
  await reader.highlight(quote, 'note');
  await reader.card(quote).getByRole('button', { name: 'Cite in note' }).click();
  const notes = new NotesPage(page);
  await expect(notes.citations).toHaveCount(1);
  await expect(notes.citations.locator('.citation-quote')).toHaveAttribute('lang', 'ar');
  await expect(notes.citations.locator('.citation-source')).toHaveAttribute('lang', 'ar');
  await expect(notes.citations.locator('.citation-quote')).toHaveAttribute('dir', 'auto');
  await notes.waitSaved();
  await page.screenshot({ path: '/tmp/lang-citation-arabic.png' });

  // The timeline: an event's article title.
  const id = await articleId(page, HEBREW_TITLE);
  const { text } = await callApi(page, 'articles.get', { id });
  await callApi(page, 'timeline.add', { articleId: id, start: 0, end: text.indexOf('\n'), date: '2025-06-03', label: 'Talks in Tokyo' });
  await dossier.library.openTimeline();
  const timeline = new TimelinePage(page);
  await expect(timeline.events).toHaveCount(1);
  await expect(timeline.events.first().locator('.event-source [lang="he"]')).toHaveText(HEBREW_TITLE);
  await page.screenshot({ path: '/tmp/lang-timeline-hebrew.png' });
  expect(dossier.pageErrors).toEqual([]);
});
