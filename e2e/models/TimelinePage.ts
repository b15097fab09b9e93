import { expect, type Locator, type Page } from '@playwright/test';

/** The Timeline view: confirmed events under date headings, and the dates found in one article beside them. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  get timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline' });
  }

  get count(): Locator {
    return this.page.getByTestId('timeline-count');
  }

  /** The confirmed events, in the order shown. */
  get events(): Locator {
    return this.timeline.locator('.timeline-events > li');
  }

  /** The headings the events are grouped under ("2014", "November 2024", "May 2025"). */
  get headings(): Locator {
    return this.timeline.getByRole('heading', { level: 2 });
  }

  get suggestionsPanel(): Locator {
    return this.page.getByRole('complementary', { name: /^Dates found in/ });
  }

  get suggestions(): Locator {
    return this.suggestionsPanel.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: /^Confirm / }) });
  }

  /** Confirms the suggestion dated `when` ("Monday, 5 May 2025" or a pattern), and waits for it to become an event. */
  async confirm(when: RegExp): Promise<void> {
    const before = await this.events.count();
    await this.suggestionsPanel.getByRole('button', { name: when }).click();
    await expect(this.events).toHaveCount(before + 1);
  }

  zoom(label: 'Decades' | 'Years' | 'Months' | 'Days'): Locator {
    return this.timeline.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: label });
  }

  filter(name: 'Article' | 'Entity'): Locator {
    return this.timeline.getByRole('combobox', { name });
  }

  /** The button that opens the event's passage, by its label. */
  eventLabel(label: string | RegExp): Locator {
    return this.events.getByRole('button', { name: label }).first();
  }
}
