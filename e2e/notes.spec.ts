import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { EntitiesPanel } from './models/EntitiesPanel';
import { NotesPage } from './models/NotesPage';
import { ReaderPage } from './models/ReaderPage';

async function acceptSampleEntities(page: import('@playwright/test').Page): Promise<void> {
  const entities = new EntitiesPanel(page);
  await entities.open();
  await entities.panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(entities.confirmed).toContainText('Rajnath Singh');
}

test('a note with a heading, a list and an @mention survives a reload, follows a rename and is listed on the entity page', async ({ dossier }) => {
  const page = dossier.page;
  await acceptSampleEntities(page);
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();

  // Markdown shortcuts: "# " makes a heading, "- " a bulleted list.
  await page.keyboard.type('# Readout of the Delhi talks');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Key points #followup');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Met ');
  await notes.mention('rajn', /Rajnath Singh/);
  await page.keyboard.type('in person');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second point with **bold** words');
  await notes.waitSaved();

  await expect(notes.editor.getByRole('heading', { level: 1 })).toHaveText('Readout of the Delhi talks');
  await expect(notes.editor.getByRole('listitem')).toHaveCount(2);
  await expect(notes.chip('Rajnath Singh')).toBeVisible();
  await expect(notes.editor.locator('strong, .note-bold').first()).toHaveText('bold');
  // The untitled note is named after its first line.
  await expect(notes.list()).toContainText('Readout of the Delhi talks');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  await page.reload();
  await notes.openView();
  await notes.list().getByRole('button', { name: /Readout of the Delhi talks/ }).click();
  await expect(notes.editor.getByRole('heading', { level: 1 })).toHaveText('Readout of the Delhi talks');
  await expect(notes.editor.getByRole('listitem').first()).toContainText('Met Rajnath Singh in person');
  await expect(notes.chip('Rajnath Singh')).toBeVisible();
  await expect(page.locator('.tag-filter')).toContainText('#followup');

  // Clicking the chip opens the entity page, which lists the note; renaming shows in the chip.
  await notes.chip('Rajnath Singh').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rajnath Singh' })).toBeVisible();
  const backlinks = page.getByRole('list', { name: 'Notes mentioning Rajnath Singh' });
  await expect(backlinks).toContainText('Readout of the Delhi talks');
  await page.getByRole('form', { name: 'Entity details' }).getByLabel('Name', { exact: true }).fill('Shri Rajnath Singh');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shri Rajnath Singh' })).toBeVisible();
  await page.getByRole('list', { name: 'Notes mentioning Shri Rajnath Singh' }).getByRole('button', { name: /Readout/ }).click();
  await expect(notes.chip('Shri Rajnath Singh')).toBeVisible();
  expect(dossier.pageErrors).toEqual([]);
});

test('“Create entity” from the @ typeahead makes a new entity and mentions it', async ({ dossier }) => {
  const page = dossier.page;
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Watch ');
  await notes.mention('Exercise Dharma Guardian', /Create entity/);
  await expect(notes.chip('Exercise Dharma Guardian')).toBeVisible();
  await notes.waitSaved();
  await dossier.library.openEntities();
  await expect(page.getByRole('main')).toContainText('Exercise Dharma Guardian');
});

test('a highlight cited in a note jumps back to its passage; deleting the highlight leaves “passage deleted”', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const quote = 'further deepen bilateral defence cooperation';
  await reader.highlight(quote, 'budget trend');
  await reader.card(quote).getByRole('button', { name: 'Cite in note' }).click();

  const notes = new NotesPage(page);
  await expect(notes.citations).toHaveCount(1);
  await expect(notes.citations.first()).toContainText(quote);
  await page.keyboard.type('Matters for the procurement outlook.');
  await notes.waitSaved();

  // Scroll the article away, then click the citation: the passage comes back into view.
  await page.getByRole('region', { name: 'Article text' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await notes.citations.first().click();
  await expect
    .poll(() =>
      page.evaluate((q) => {
        const p = [...document.querySelectorAll<HTMLElement>('[data-testid="reader-body"] p')].find((el) => el.textContent?.includes(q));
        const box = p?.getBoundingClientRect();
        return !!box && box.top >= 0 && box.bottom <= window.innerHeight + box.height;
      }, quote),
    )
    .toBe(true);

  // Cite from a bare selection into the open note.
  await page.getByRole('tab', { name: 'Highlights' }).click();
  await reader.select('Rajnath Singh');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Cite in note' }).click();
  await expect(notes.citations).toHaveCount(2);
  await notes.waitSaved();

  await page.getByRole('tab', { name: 'Highlights' }).click();
  await reader.card(quote).getByRole('button', { name: 'Delete highlight' }).click();
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(notes.citations.first()).toHaveClass(/citation-deleted/);
  expect(dossier.pageErrors).toEqual([]);
});

test('typing right before the window reloads is not lost', async ({ dossier }) => {
  const page = dossier.page;
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Last words before closing');
  await page.reload();
  await notes.openView();
  await expect(notes.list()).toContainText('Last words before closing');
});

test('deleting a note can be undone', async ({ dossier }) => {
  const page = dossier.page;
  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Keep this thought');
  await notes.waitSaved();
  await notes.pane.getByRole('button', { name: 'Delete note' }).click();
  await expect(notes.list()).toHaveCount(0);
  await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(notes.list()).toContainText('Keep this thought');
});

test('Ctrl+Alt+N starts a new note from anywhere', async ({ dossier }) => {
  const page = dossier.page;
  const notes = new NotesPage(page);
  await page.getByRole('region', { name: 'Article text' }).click();
  await page.keyboard.press('ControlOrMeta+Alt+KeyN');
  await expect(notes.editor).toBeFocused();
  await page.keyboard.type('Started from the keyboard');
  await notes.waitSaved();
  await expect(notes.list().getByRole('button')).toHaveCount(1);
  await expect(notes.list()).toContainText('Started from the keyboard');
});

test('words selected in a note are linked to an entity from the note’s toolbar, as in the reader', async ({ dossier }) => {
  const page = dossier.page;
  const notes = new NotesPage(page);
  await acceptSampleEntities(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Call with Rajnath Singh and the Port of Chennai');
  const link = notes.pane.getByRole('button', { name: 'Link to entity…' });
  await expect(link).toBeDisabled();

  // An entity that exists: found in the popup.
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Call with '.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'Rajnath Singh'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(link).toBeEnabled();
  await link.click();
  const popup = page.getByRole('dialog', { name: 'Link to entity' });
  await expect(popup).toContainText('Link “Rajnath Singh” to');
  await popup.getByRole('list', { name: 'Matching entities' }).getByRole('button', { name: 'Rajnath Singh' }).click();
  await expect(popup).toHaveCount(0);
  await expect(notes.chip('Rajnath Singh')).toBeVisible();
  await expect(notes.editor).toContainText('Call with Rajnath Singh and the Port of Chennai');

  // A new one, created with its type.
  // The words stay written after the chip, and the caret is back in the note.
  await expect(notes.editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+End');
  for (let i = 0; i < 'Port of Chennai'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('Port of Chennai');
  await link.click();
  await popup.getByLabel('New entity type').selectOption('place');
  await popup.getByRole('button', { name: 'Create “Port of Chennai”' }).click();
  await expect(notes.chip('Port of Chennai')).toBeVisible();
  await page.screenshot({ path: '/tmp/notes-link-entity.png' });
  await notes.waitSaved();
  await dossier.library.openEntities();
  await expect(page.getByRole('main')).toContainText('Port of Chennai');
  expect(dossier.pageErrors).toEqual([]);
});
