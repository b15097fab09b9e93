import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { BriefComposerPage } from './models/BriefComposerPage';
import { NotesPage } from './models/NotesPage';
import { ReaderPage } from './models/ReaderPage';

test('compose a brief from an article, a note and the entity index, reorder it, and export Markdown and PDF', async ({ dossier }) => {
  // It prints a PDF through a second, headless Chromium: on a loaded machine that alone can take most of the default budget.
  test.slow();
  const page = dossier.page;
  const reader = new ReaderPage(page);
  await reader.highlight('proposed Reciprocal Provision of Supplies and Services Agreement', 'The agreement to watch.');

  const notes = new NotesPage(page);
  await notes.openView();
  await notes.create();
  await page.keyboard.type('Analyst view on logistics');
  await notes.waitSaved();

  const brief = new BriefComposerPage(page);
  await brief.openView();
  await brief.create();
  await brief.fillHead({ title: 'India–Japan defence ties', author: 'Desk analyst', handling: 'OFFICIAL-SENSITIVE' });
  await brief.typeSummary('A logistics pact is close.');

  await brief.addArticle.selectOption({ index: 1 });
  await brief.addNote.selectOption({ label: 'Analyst view on logistics' });
  await brief.addEntityIndex();
  const sections = brief.sections;
  await expect(sections).toHaveCount(3);
  await expect(sections.nth(1)).toHaveAccessibleName(/^Note:/);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  // Drag the note above the article.
  await sections.nth(1).dragTo(sections.nth(0));
  await expect(sections.nth(0)).toHaveAccessibleName(/^Note:/);
  await brief.waitSaved();

  await page.reload();
  await brief.openView();
  await expect(brief.title).toHaveValue('India–Japan defence ties');
  await expect(brief.summary).toHaveText('A logistics pact is close.');
  await expect(sections.nth(0)).toHaveAccessibleName(/^Note:/);

  const md = await dossier.saveFrom(await brief.exportAs('md'), 'md');
  const text = md.bytes.toString('utf8');
  expect(md.name).toMatch(/\.md$/);
  expect(text).toContain('India–Japan defence ties');
  expect(text).toContain('OFFICIAL-SENSITIVE');
  expect(text).toContain('A logistics pact is close.');
  expect(text).toContain('> proposed Reciprocal Provision of Supplies and Services Agreement');
  expect(text.indexOf('Analyst view on logistics')).toBeLessThan(text.indexOf('> proposed Reciprocal'));

  const pdf = await dossier.saveFrom(await brief.exportAs('pdf'), 'pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-pdf-'));
  const file = path.join(dir, 'brief.pdf');
  writeFileSync(file, pdf.bytes);
  let pdfText = '';
  try {
    pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    test.info().annotations.push({ type: 'note', description: 'pdftotext is not installed; the PDF text was not checked' });
  }
  if (pdfText) {
    expect(pdfText).toContain('India–Japan defence ties');
    expect(pdfText).toContain('OFFICIAL-SENSITIVE');
  }
  expect(dossier.pageErrors).toEqual([]);
});

test('highlights exported as W3C Web Annotations come back when the file is imported', async ({ dossier }) => {
  const page = dossier.page;
  const reader = new ReaderPage(page);
  const quote = 'further deepen bilateral defence cooperation';
  await reader.highlight(quote, 'Cooperation is the stated aim.');

  const brief = new BriefComposerPage(page);
  await brief.openView();
  await brief.create();
  await brief.addArticle.selectOption({ index: 1 });
  await brief.waitSaved();
  const exported = await dossier.saveFrom(await brief.exportAs('jsonld'), 'jsonld');
  const collection = JSON.parse(exported.bytes.toString('utf8')) as { type: string; total: number };
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(1);

  await dossier.library.openArticle(/India, Japan defence ministers/);
  await reader.card(quote).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(reader.cards).toHaveCount(0);

  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-jsonld-')), 'annotations.jsonld');
  writeFileSync(file, exported.bytes);
  await page.getByLabel('Articles to import').setInputFiles(file);
  const summary = page.getByRole('dialog');
  await expect(summary).toContainText('1 of 1 added');
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(reader.card(quote)).toContainText('Cooperation is the stated aim.');
  expect(dossier.pageErrors).toEqual([]);
});
