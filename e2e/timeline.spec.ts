import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ReaderPage } from './models/ReaderPage';
import { SettingsDialog } from './models/SettingsDialog';
import { TimelinePage } from './models/TimelinePage';

/** The passage the reader marks for a moment after the timeline opened it. */
function flashedText(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => [...((CSS.highlights.get('dossier-search-match') as Iterable<Range> | undefined) ?? [])].map((r) => r.toString()).join('|'));
}

/** A day as the browser's locale writes it ("Monday, May 5, 2025" or "Monday 5 May 2025"). */
const day = (weekday: string, date: number, month: string, year: number) => `${weekday},? (?:${date} ${month}|${month} ${date},) ${year}`;
const MONDAY = day('Monday', 5, 'May', 2025);
const SUNDAY = day('Sunday', 4, 'May', 2025);

const MONDAY_SENTENCE =
  'In the backdrop of ongoing discussions between India and Japan on a reciprocal logistics agreement for their Navies, Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese counterpart, Gen Nakatani, in New Delhi on Monday.';

test('open the timeline, click an event, land on the passage', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const timeline = new TimelinePage(page);
  await expect(reader.title).toBeVisible();

  await dossier.library.openTimeline();
  await expect(timeline.count).toHaveText('0 events');
  // The article open in the reader (the sample) offers its dates, resolved against its publication date.
  await expect(timeline.suggestions).toHaveCount(6);
  await expect(timeline.suggestions.first()).toContainText(new RegExp(MONDAY));
  await expect(timeline.suggestions.first()).toContainText('“Monday”');

  await timeline.confirm(new RegExp(`^Confirm ${MONDAY}`));
  await timeline.confirm(/^Confirm 2014/);
  await timeline.suggestionsPanel.getByRole('button', { name: /^Confirm November 2024: Following their first interaction/ }).click();
  await expect(timeline.count).toHaveText('3 events');
  await expect(timeline.suggestions).toHaveCount(3);
  await expect(timeline.headings).toHaveText(['2014', 'November 2024', 'May 2025']);
  await expect(timeline.events.first()).toContainText('2014');
  await expect(timeline.events.last()).toContainText(new RegExp(MONDAY));
  await expect(timeline.events.last()).toContainText('Defence Minister Rajnath Singh will hold a bilateral meeting');

  // Zoomed out to decades and in to days.
  await timeline.zoom('Decades').click();
  await expect(timeline.headings).toHaveText(['2010s', '2020s']);
  await timeline.zoom('Days').click();
  await expect(timeline.headings).toHaveText(['2014', 'November 2024', new RegExp(MONDAY)]);
  await timeline.zoom('Months').click();

  // The axis: all three events from 2014 to 2025 in years; zoomed in, days around the meeting.
  const axis = page.getByRole('img', { name: /^Timeline axis/ });
  await expect(axis.locator('.axis-event')).toHaveCount(3);
  await expect(page.getByTestId('axis-unit')).toHaveText(/^Years, /);
  await axis.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('+');
  await expect(page.getByTestId('axis-unit')).toHaveText(/^(Months|Days), /);
  await page.keyboard.press('0');
  await expect(page.getByTestId('axis-unit')).toHaveText(/^Years, /);
  await axis.hover();
  for (let i = 0; i < 20 && !/^Days/.test((await page.getByTestId('axis-unit').textContent()) ?? ''); i++) await page.mouse.wheel(0, -400);
  await page.keyboard.press('0');

  // Dismissing a date takes it off the list; an edit renames an event.
  await timeline.suggestionsPanel.getByRole('button', { name: new RegExp(`^Dismiss ${SUNDAY}`) }).click();
  await expect(timeline.suggestions).toHaveCount(2);
  await timeline.events.first().getByRole('button', { name: /^Edit event/ }).click();
  const editor = timeline.events.first().getByRole('form', { name: 'Edit event' });
  await editor.getByRole('textbox', { name: 'Label' }).fill('Special strategic and global partnership');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(timeline.eventLabel('Special strategic and global partnership')).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  await page.screenshot({ path: '/tmp/dossier-timeline.png', fullPage: true });

  // Keyboard: the event's label is a button that opens its passage in the reader, marked for a moment.
  await timeline.eventLabel(/^Defence Minister Rajnath Singh will hold/).focus();
  await page.keyboard.press('Enter');
  await expect(reader.title).toBeVisible();
  await expect.poll(() => flashedText(page)).toBe(MONDAY_SENTENCE);
  await expect(reader.paragraphs.first()).toBeInViewport();
  expect(dossier.pageErrors).toEqual([]);
});

test('add a selected passage to the timeline from the reader', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const timeline = new TimelinePage(page);
  await reader.select('In November 2024, India and Japan signed an agreement');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Add to timeline…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add to timeline' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Stealth radio co-development agreement');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('Added to the timeline: Stealth radio co-development agreement')).toBeVisible();

  await dossier.library.openTimeline();
  await expect(timeline.count).toHaveText('1 event');
  await expect(timeline.headings).toHaveText(['November 2024']);
  await timeline.eventLabel('Stealth radio co-development agreement').click();
  await expect.poll(() => flashedText(page)).toBe('In November 2024, India and Japan signed an agreement');
});

test('the timeline writes its dates, axis ticks included, in the format chosen in Settings', async ({ dossier }) => {
  const page = dossier.page;
  const timeline = new TimelinePage(page);
  const settings = new SettingsDialog(page);
  const chooseDates = async (format: 'iso' | 'day-month-year') => {
    await settings.open();
    await settings.dateFormat.selectOption(format);
    await settings.close();
  };
  await expect(new ReaderPage(page).title).toBeVisible();
  await dossier.library.openTimeline();
  await timeline.confirm(new RegExp(`^Confirm ${MONDAY}`));
  await timeline.suggestionsPanel.getByRole('button', { name: /^Confirm November 2024: Following their first interaction/ }).click();
  await expect(timeline.count).toHaveText('2 events');
  // November 2024 to May 2025: the axis counts in months.
  const unit = page.getByTestId('axis-unit');
  const tickLabels = page.getByRole('img', { name: /^Timeline axis/ }).locator('.axis-tick text');
  await expect(unit).toHaveText(/^Months, /);

  await chooseDates('iso');
  await expect(timeline.headings).toHaveText(['2024-11', '2025-05']);
  await expect(timeline.events.last().locator('time')).toHaveText('2025-05-05');
  await expect(tickLabels.filter({ hasText: /^2025-01$/ })).toHaveCount(1);
  await expect(unit).toHaveText(/^Months, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
  expect(await tickLabels.allTextContents()).toEqual(expect.arrayContaining(['2024-12', '2025-01', '2025-02']));
  await page.screenshot({ path: '/tmp/desk2-timeline-iso.png' });

  await chooseDates('day-month-year');
  await expect(timeline.headings).toHaveText(['November 2024', 'May 2025']);
  await expect(timeline.events.last().locator('time')).toHaveText(/^Monday,? 5 May 2025$/);
  await expect(tickLabels.filter({ hasText: /^Jan 2025$/ })).toHaveCount(1);
  await expect(unit).toHaveText(/^Months, \d{1,2} [A-Z][a-z]+ \d{4} to \d{1,2} [A-Z][a-z]+ \d{4}$/);
  expect((await tickLabels.allTextContents()).every((label) => /^[A-Z][a-z]{2} \d{4}$/.test(label))).toBe(true);
  await page.screenshot({ path: '/tmp/desk2-timeline-words.png' });
  expect(dossier.pageErrors).toEqual([]);
});
