import path from 'node:path';
import { expect, ROOT, test } from '../fixtures';
import { EntitiesPanel } from '../models/EntitiesPanel';
import { NotesPage } from '../models/NotesPage';
import { ReaderPage } from '../models/ReaderPage';

const shot = (name: string) => path.join(ROOT, 'docs', 'screens', `${name}.png`);

/** The notes screens, written the way an analyst would write them. */
test('notes: editor with mentions and a citation, the article’s notes panel, backlinks', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await entities.open();
  await entities.panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(entities.confirmed).toContainText('Rajnath Singh');

  const reader = new ReaderPage(page);
  await page.getByRole('tab', { name: 'Highlights' }).click();
  await reader.highlight('proposed Reciprocal Provision of Supplies and Services Agreement', 'The agreement to watch.');
  await reader.card('proposed Reciprocal Provision').getByRole('button', { name: 'Cite in note' }).click();
  const notes = new NotesPage(page);
  await expect(notes.citations).toHaveCount(1);
  await page.keyboard.type('A logistics pact would let ');
  await notes.mention('ind', /^India/);
  await page.keyboard.type('warships refuel at Japanese bases. #logistics');
  await notes.waitSaved();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('article-notes') });

  await notes.openView();
  await notes.create();
  await page.keyboard.type('# Delhi talks, May 2025');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Bottom line: ');
  await notes.mention('rajn', /Rajnath Singh/);
  await page.keyboard.type('and ');
  await notes.mention('nakat', /Nakatani/);
  await page.keyboard.type('meet for the second time in six months. #followup');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Logistics agreement (RPSSA) still under negotiation');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Co-development of naval radio equipment signed in **November 2024** ');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> Both sides will exchange views on the regional security situation.');
  await notes.waitSaved();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('notes') });

  await notes.chip('Rajnath Singh').click();
  await expect(page.getByRole('list', { name: 'Notes mentioning Rajnath Singh' })).toBeVisible();
  await page.getByRole('heading', { name: /Notes mentioning/ }).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shot('entity-backlinks') });
});
