import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_DISPLAY_NAME, expect, test } from './fixtures';
import { callApi } from './models/api';
import { ReaderPage } from './models/ReaderPage';

/**
 * Words the core hands over as data (undo steps, entity types, counts) read in the UI language:
 * an analyst on the Arabic UI meets no English label built outside the catalogs.
 */
test.use({ appSettings: { uiLanguage: 'ar', displayName: E2E_DISPLAY_NAME } });

const MEETING = 'Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese counterpart';

/** Runs a command by its Arabic title from the command palette. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const palette = page.getByRole('dialog', { name: 'لوحة الأوامر' });
  await palette.getByRole('combobox').fill(title);
  await expect(palette.getByRole('option').first()).toContainText(title);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('undo steps, entity types and find counts read in Arabic', async ({ dossier }) => {
  const { page } = dossier;
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const reader = new ReaderPage(page);

  // An undo step: the top bar, the palette and the Undo history name it in Arabic.
  await reader.select('Rajnath Singh');
  await page.getByRole('toolbar', { name: 'التحديد' }).getByRole('button', { name: /تظليل/ }).first().click();
  await expect(page.getByRole('textbox', { name: 'تعليق' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'تراجع', exact: true })).toHaveAttribute('title', /^التراجع عن إضافة تظليل/);
  await page.keyboard.press('ControlOrMeta+Shift+P');
  const palette = page.getByRole('dialog', { name: 'لوحة الأوامر' });
  await palette.getByRole('combobox').fill('التراجع عن');
  await expect(palette.getByRole('option', { name: /التراجع عن إضافة تظليل/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await runCommand(page, 'سجل التراجع');
  const history = page.getByRole('dialog', { name: 'سجل التراجع' });
  await expect(history.getByRole('listitem').first()).toContainText('إضافة تظليل');
  await expect(history.getByRole('button', { name: 'التراجع عن إضافة تظليل' }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/labels-history-ar.png' });
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();

  // Undone from the top bar: the toast says what, in Arabic.
  await page.getByRole('button', { name: 'تراجع', exact: true }).click();
  await expect(page.getByText('تم التراجع: إضافة تظليل.')).toBeVisible();

  // Entity types: the review lists a person as «شخص»; once linked, the mentions list says it too.
  await page.getByRole('tab', { name: /^الكيانات/ }).click();
  const entities = page.getByRole('complementary', { name: 'الكيانات' });
  const suggestion = entities.getByRole('list', { name: 'كيانات مقترحة' }).getByRole('listitem', { name: 'Rajnath Singh', exact: true });
  await expect(suggestion).toContainText('شخص');
  await expect(suggestion).not.toContainText('Person');
  await page.screenshot({ path: '/tmp/labels-entities-ar.png' });
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  await callApi(page, 'entities.acceptAll', { articleId });
  const mention = page.getByRole('listbox', { name: /^إشارات الكيانات في المقال/ }).getByRole('option', { name: /^Rajnath Singh، شخص، ¶/ }).first();
  await expect(mention).toBeAttached();
  // And the undo step names the entities accepted, in Arabic.
  await expect(page.getByRole('button', { name: 'تراجع', exact: true })).toHaveAttribute('title', /^التراجع عن قبول كل الكيانات/);

  // Find in the article counts in Arabic, in the UI's digits.
  const expected = await page.getByTestId('reader-body').evaluate((body) => (body.textContent ?? '').toLowerCase().split('japan').length - 1);
  expect(expected).toBeGreaterThan(3);
  const digits = await page.evaluate((n) => {
    const locale = navigator.languages.find((l) => l.split('-')[0] === 'ar') ?? 'ar';
    const format = new Intl.NumberFormat(locale);
    return { one: format.format(1), total: format.format(n) };
  }, expected);
  await page.getByRole('region', { name: 'نص المقال' }).focus();
  await page.keyboard.press('ControlOrMeta+F');
  const find = page.getByRole('search', { name: 'البحث في المقال' });
  await find.getByRole('searchbox').fill('japan');
  await expect(find.getByRole('status')).toHaveText(`${digits.one} من ${digits.total}`);
  await page.screenshot({ path: '/tmp/labels-find-ar.png' });
  await find.getByRole('searchbox').fill('no such words anywhere');
  await expect(find.getByRole('status')).toHaveText('لا تطابقات');
});

test('a relationship reads right to left with its arrow, its evidence and the chart legend in Arabic', async ({ dossier }) => {
  const { page } = dossier;
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  await callApi(page, 'entities.acceptAll', { articleId });
  await callApi(page, 'relations.create', { from: 'Rajnath Singh', to: 'India', type: 'defence-minister-of', evidence: [{ articleId, quote: MEETING }], start: '2025' });
  const rajnath = (await callApi(page, 'entities.list', {})).entities.find((e) => e.name === 'Rajnath Singh')!;

  await runCommand(page, 'فتح الكيانات');
  await page.getByRole('button', { name: 'Rajnath Singh', exact: true }).first().click();
  const relation = page.getByRole('list', { name: /علاقات/ }).getByRole('listitem').first();
  await expect(relation.locator('.relation-label')).toHaveText(/^—.+←$/);
  // The type Dossier started the workspace with reads in Arabic; its stored words stay English.
  await expect(relation.locator('.relation-label')).toContainText('وزير دفاع');
  await expect(relation).not.toContainText('defence minister of');
  await expect(relation).toContainText('منذ 2025');
  await expect(relation).not.toContainText('from 2025');
  // The first end stands on the right in a right-to-left line, the arrow pointing to the second on its left.
  const [first, arrow, second] = await Promise.all([
    relation.getByText('Rajnath Singh', { exact: true }).first().boundingBox(),
    relation.locator('.relation-label').boundingBox(),
    relation.getByRole('button', { name: 'India', exact: true }).boundingBox(),
  ]);
  expect(first!.x).toBeGreaterThan(arrow!.x);
  expect(arrow!.x).toBeGreaterThan(second!.x);
  await page.screenshot({ path: '/tmp/labels-relation-ar.png' });
  expect(rajnath.type).toBe('person');

  await runCommand(page, 'فتح مخطط الروابط');
  const legend = page.getByRole('region', { name: 'مفتاح المخطط' });
  await expect(legend).toContainText('شخص');
  await expect(legend).toContainText('منظمة');
  await expect(legend).not.toContainText('Person');
  await expect(page.getByRole('button', { name: 'تصدير المخطط بتنسيق CSV (الحواف والعُقد)' })).toBeVisible();
  await page.screenshot({ path: '/tmp/labels-graph-ar.png' });

  // The backups list says why each backup was taken, in Arabic.
  await callApi(page, 'backups.take', {});
  await runCommand(page, 'النسخ الاحتياطية');
  const backups = page.getByRole('dialog', { name: 'النسخ الاحتياطية' });
  await expect(backups.getByRole('option').first()).toContainText(/بعد الفتح|أثناء العمل|نسخة احتياطية أخذتها بنفسك/);
  await expect(backups.getByRole('option').first()).not.toContainText(/after opening|while working|backed up by you/);
  await page.screenshot({ path: '/tmp/labels-backups-ar.png' });
});

test.describe('the first-run guide', () => {
  test.use({ firstRunGuide: true });

  test('puts its keys inside whole Arabic sentences', async ({ dossier }) => {
    const { page } = dossier;
    const guide = page.getByRole('complementary', { name: 'البدء بهذا المثال' });
    await expect(guide).toBeVisible();
    const first = guide.getByRole('listitem').first();
    await expect(first.locator('strong')).toHaveText('ظلّل');
    await expect(first.locator('kbd')).toHaveText(/H/);
    await expect(first).not.toContainText('[object Object]');
    await page.screenshot({ path: '/tmp/labels-guide-ar.png' });
  });
});
