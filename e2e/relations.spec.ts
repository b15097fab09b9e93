import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { callApi } from './models/api';
import { dossierCli } from './models/cli';
import { ReaderPage } from './models/ReaderPage';

const EVIDENCE = 'strategic partners in the Quad';

test('a relationship made on the command line shows on both entities’ pages, and its evidence opens the passage', async ({ dossier }) => {
  const page = dossier.page;
  const articleId = (await callApi(page, 'articles.list', {})).articles[0]!.id;
  // The sample's entities, confirmed with their mentions (what the entity pages list).
  await callApi(page, 'entities.acceptAll', { articleId: articleId });
  const { entities } = await callApi(page, 'entities.list', {});
  const idOf = (name: string) => entities.find((e) => e.name === name)!.id;

  // The CLI talks to the running Dossier, which holds the workspace.
  const made = (await dossierCli(['relate', '--from', 'India', '--to', 'Quad', '--type', 'partner in', '--article', articleId, '--quote', EVIDENCE, '--workspace', dossier.workspace, '--json'])) as {
    relation: { from: string; to: string; label: string };
  };
  expect(made.relation).toMatchObject({ from: 'India', to: 'Quad', label: 'partner in' });

  // India's page: the relationship going out, with its evidence.
  await dossier.library.openEntities();
  await page.getByRole('table', { name: 'Entities' }).getByRole('button', { name: 'India', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'India', exact: true })).toBeVisible();
  const india = page.getByRole('list', { name: 'Relationships of India' });
  const partner = india.getByRole('listitem', { name: 'India partner in Quad' });
  await expect(partner).toContainText('—partner in→');
  await expect(partner.getByRole('button', { name: new RegExp(`^Open the passage “${EVIDENCE}”`) })).toBeVisible();

  // Quad's page: the same relationship coming in, read by the inverse label.
  await partner.getByRole('button', { name: 'Quad', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quad', exact: true })).toBeVisible();
  const quad = page.getByRole('list', { name: 'Relationships of Quad' });
  const incoming = quad.getByRole('listitem', { name: 'Quad has partner India' });
  await expect(incoming).toContainText('—has partner→');

  // Relate from the page: Quad has member Japan, the same highlight as evidence.
  const form = page.getByRole('form', { name: 'Add relationship' });
  await form.getByLabel('Relationship type').selectOption({ label: 'has member' });
  await form.getByLabel('Other entity').selectOption({ label: 'Japan' });
  await expect(form.getByLabel('Evidence passage')).toHaveValue(/^ann_/);
  await form.getByLabel('Source reliability').selectOption('B');
  await form.getByLabel('Information credibility').selectOption('2');
  await form.getByRole('button', { name: 'Add relationship' }).click();
  const member = quad.getByRole('listitem', { name: 'Quad has member Japan' });
  await expect(member.getByLabel(/^Grading B2/)).toBeVisible();
  const stored = await callApi(page, 'relations.list', { entityId: idOf('Japan') });
  expect(stored.relations.map((r) => [r.from.name, r.type, r.to.name])).toEqual([['Japan', 'member-of', 'Quad']]);

  const axe = await new AxeBuilder({ page }).include('.relations').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole('heading', { name: /^Relationships/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/dossier-relations-entity-page.png' });

  // The evidence opens the article at the passage, its highlight the current one.
  await incoming.getByRole('button', { name: new RegExp(`^Open the passage “${EVIDENCE}”`) }).click();
  const reader = new ReaderPage(page);
  await expect(reader.title).toBeVisible();
  await expect(reader.card(EVIDENCE)).toHaveAttribute('aria-current', 'true');
  await expect(reader.paragraphs.filter({ hasText: EVIDENCE })).toBeInViewport();
  await page.screenshot({ path: '/tmp/dossier-relations-passage.png' });
  expect(dossier.pageErrors).toEqual([]);
});
