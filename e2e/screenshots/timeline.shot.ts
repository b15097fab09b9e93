import path from 'node:path';
import { expect, ROOT, test } from '../fixtures';
import { EntitiesPanel } from '../models/EntitiesPanel';
import { TimelinePage } from '../models/TimelinePage';

/** The timeline of the sample: three dates confirmed (with the entities named in them), the rest to review. */
test('timeline', async ({ dossier }) => {
  const page = dossier.page;
  const entities = new EntitiesPanel(page);
  await entities.open();
  for (const name of ['Rajnath Singh', 'New Delhi', 'Laos']) await entities.suggestion(name).getByRole('button', { name: 'Accept' }).click();
  await dossier.library.openTimeline();
  const timeline = new TimelinePage(page);
  await expect(timeline.suggestions).toHaveCount(6);
  await timeline.confirm(/^Confirm Monday/);
  await timeline.confirm(/^Confirm 2014/);
  await timeline.confirm(/^Confirm November 2024: Following their first interaction/);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screens', 'timeline.png') });
});
