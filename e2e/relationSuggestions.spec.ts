import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { ReaderPage } from './models/ReaderPage';

const SHOTS = path.join(os.tmpdir(), 'dossier-relation-suggestions');
const PASSAGE = 'India and Japan are strategic partners in the Quad';

test('relate two entities from a selected passage, accept a suggested relationship, dismiss one for good', async ({ dossier }) => {
  // Two restarts' worth of steps on a busy two-core machine.
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  let page = dossier.page;
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  await callApi(page, 'entities.acceptAll', { articleId });
  const reader = new ReaderPage(page);

  // Link entities… from the selection: the first two entities of the passage are offered first.
  await reader.select(PASSAGE);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Link entities…' }).click();
  const popover = page.getByRole('dialog', { name: 'Link entities' });
  await expect(popover.getByLabel('From', { exact: true })).toBeFocused();
  await expect(popover.getByLabel('From', { exact: true }).locator('option:checked')).toHaveText('India');
  await expect(popover.getByLabel('To', { exact: true }).locator('option:checked')).toHaveText('Japan');
  await popover.getByRole('button', { name: 'Swap From and To' }).click();
  await expect(popover.getByLabel('From', { exact: true }).locator('option:checked')).toHaveText('Japan');
  await popover.getByLabel('To', { exact: true }).selectOption({ label: 'Quad' });
  await popover.getByLabel('Relationship type').selectOption({ label: 'member of' });
  const box = await popover.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  const axe = await new AxeBuilder({ page }).include('.link-entities').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'link-entities-popover.png') });

  // Escape closes it and gives focus back; open it again from the keyboard shortcut.
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await reader.select(PASSAGE);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Link entities…' }).click();
  await popover.getByLabel('From', { exact: true }).selectOption({ label: 'Japan' });
  await popover.getByLabel('To', { exact: true }).selectOption({ label: 'Quad' });
  await popover.getByLabel('Relationship type').selectOption({ label: 'member of' });
  await popover.getByRole('button', { name: 'Create' }).click();
  await expect(popover).toBeHidden();
  await expect(page.getByText('Relationship added: Japan member of Quad.')).toBeVisible();

  // The article's side panel lists what its sentences suggest.
  await page.getByRole('tab', { name: /^Entities/ }).click();
  const suggested = page.getByRole('list', { name: 'Suggested relationships' });
  await expect(suggested.getByRole('listitem', { name: 'Rajnath Singh meets Gen Nakatani' })).toBeVisible();
  await page.getByRole('heading', { name: /^Suggested relationships/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'article-suggestions.png') });
  await suggested.getByRole('button', { name: 'Accept: Rajnath Singh meets Gen Nakatani' }).click();
  await expect(suggested.getByRole('listitem', { name: 'Rajnath Singh meets Gen Nakatani' })).toBeHidden();
  await suggested.getByRole('button', { name: 'Dismiss: Australia partner in Quad' }).click();
  await expect(suggested.getByRole('listitem', { name: 'Australia partner in Quad' })).toBeHidden();

  // Quad's page: the relationship made from the selection with its passage, and the suggestions left.
  await dossier.library.openEntities();
  await page.getByRole('table', { name: 'Entities' }).getByRole('button', { name: 'Quad', exact: true }).click();
  const relations = page.getByRole('list', { name: 'Relationships of Quad' });
  const member = relations.getByRole('listitem', { name: 'Quad has member Japan' });
  await expect(member.getByRole('button', { name: new RegExp(`^Open the passage “${PASSAGE}”`) })).toBeVisible();
  const onPage = page.getByRole('list', { name: 'Suggested relationships' });
  await expect(onPage.getByRole('listitem', { name: 'Quad has partner India' })).toBeVisible();
  await expect(onPage.getByRole('listitem', { name: 'Quad has partner Australia' })).toBeHidden();

  // Edit opens the add form filled in: the sentence as evidence, the type and the other end chosen.
  await onPage.getByRole('button', { name: 'Edit: Quad has partner United States' }).click();
  const form = onPage.getByRole('form', { name: 'Add relationship' });
  await expect(form.getByLabel('Relationship type').locator('option:checked')).toHaveText('has partner');
  await expect(form.getByLabel('Evidence passage').locator('option:checked')).toHaveText(/^Suggested sentence: India and Japan/);
  await page.getByRole('heading', { name: /^Suggested relationships/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'entity-page-suggestions.png'), fullPage: false });
  const axePage = await new AxeBuilder({ page }).include('.relation-suggestions').analyze();
  expect(axePage.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await form.getByLabel('Relationship type').selectOption({ label: 'has member' });
  await form.getByRole('button', { name: 'Add relationship' }).click();
  await expect(relations.getByRole('listitem', { name: 'Quad has member United States' })).toBeVisible();
  await expect(onPage.getByRole('listitem', { name: 'Quad has partner United States' })).toBeHidden();

  // The dismissal is remembered by the workspace: still gone after a restart.
  await dossier.restart();
  page = dossier.page;
  await dossier.library.openEntities();
  await page.getByRole('table', { name: 'Entities' }).getByRole('button', { name: 'Quad', exact: true }).click();
  const again = page.getByRole('list', { name: 'Suggested relationships' });
  await expect(again.getByRole('listitem', { name: 'Quad has partner India' })).toBeVisible();
  await expect(again.getByRole('listitem', { name: 'Quad has partner Australia' })).toBeHidden();
  const stored = await callApi(page, 'relations.list', {});
  expect(stored.relations.map((r) => `${r.from.name} ${r.label} ${r.to.name}`).sort()).toEqual(['Japan member of Quad', 'Rajnath Singh meets Gen Nakatani', 'United States member of Quad']);
  expect(dossier.pageErrors).toEqual([]);
});
