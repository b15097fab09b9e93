import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ReaderPage } from './models/ReaderPage';

const QUOTE = 'reciprocal logistics agreement';

test('the reply box grows with its text, and a reply can be edited (shown “edited”) and the edit undone', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight(QUOTE, 'Is this the RPSSA?');
  const card = reader.card(QUOTE);
  await card.getByRole('button', { name: 'Reply', exact: true }).click();
  const box = card.getByRole('textbox', { name: 'Reply' });
  const empty = (await box.boundingBox())!.height;
  await box.fill(['Yes.', 'It was named in the joint statement.', 'Signed drafts exist.', 'Talks resume in June.', 'Source: ministry readout.'].join('\n'));
  const grown = (await box.boundingBox())!.height;
  expect(grown).toBeGreaterThan(empty * 1.8);
  // Up to a limit, then it scrolls.
  await box.fill(Array.from({ length: 40 }, (_, i) => `Line ${i + 1}`).join('\n'));
  const capped = (await box.boundingBox())!.height;
  expect(capped).toBeLessThan(400);
  expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await box.fill('Yes: the RPSSA.');
  await card.getByRole('button', { name: 'Post reply' }).click();
  const replies = card.getByRole('list', { name: 'Replies' });
  await expect(replies.getByRole('listitem')).toHaveCount(1);
  await expect(replies).not.toContainText('edited');

  await replies.getByRole('button', { name: 'Edit reply' }).click();
  const edit = replies.getByRole('textbox', { name: 'Edit reply' });
  await expect(edit).toHaveValue('Yes: the RPSSA.');
  await edit.fill('Yes: the Reciprocal Provision of Supplies and Services Agreement (RPSSA).');
  await replies.getByRole('button', { name: 'Save reply' }).click();
  await expect(replies.locator('.reply-body')).toHaveText('Yes: the Reciprocal Provision of Supplies and Services Agreement (RPSSA).');
  await expect(replies.locator('.reply-edited')).toHaveText('edited');
  await reader.waitSaved();
  const axe = await new AxeBuilder({ page }).include('.annotation-card').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await card.screenshot({ path: '/tmp/undo-edited-reply.png' });

  // Editing a reply is one undo step of the article.
  await page.getByRole('region', { name: 'Article text' }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(replies.locator('.reply-body')).toHaveText('Yes: the RPSSA.');
  await page.reload();
  await expect(reader.card(QUOTE).getByRole('list', { name: 'Replies' }).locator('.reply-body')).toHaveText('Yes: the RPSSA.');
  expect(dossier.pageErrors).toEqual([]);
});

test('a colour chosen for a highlight shows in the reader at once, while the highlight is still being edited', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight(QUOTE, 'Under negotiation');
  const card = reader.card(QUOTE);
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  await card.getByRole('radio', { name: 'Evidence' }).check();
  // Still editing: the card is open and the highlight selected, and the reader paints it green.
  await expect(card.getByRole('button', { name: 'Done' })).toBeVisible();
  const painted = (name: string) => page.evaluate((n) => [...((CSS.highlights.get(n) as Set<Range> | undefined) ?? [])].map((r) => r.toString()), name);
  await expect.poll(() => painted('dossier-annotation-green')).toEqual([QUOTE]);
  await expect.poll(() => reader.paintedHighlights('active')).toEqual([QUOTE]);
  // The selection's own highlight no longer covers the colour.
  expect(await painted('dossier-annotation-active')).toEqual([]);
  await page.getByTestId('reader-body').locator('p', { hasText: QUOTE }).screenshot({ path: '/tmp/undo-colour.png' });
  await card.getByRole('radio', { name: 'None' }).check();
  await expect.poll(() => painted('dossier-annotation-green')).toEqual([]);
  await expect.poll(() => painted('dossier-annotation-active')).toEqual([QUOTE]);
});
