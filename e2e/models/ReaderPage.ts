import { expect, type Locator, type Page } from '@playwright/test';

/** The reader and its highlights panel, as a user sees them. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  get title(): Locator {
    return this.page.getByRole('article').getByRole('heading', { level: 1 });
  }

  get paragraphs(): Locator {
    return this.page.getByTestId('reader-body').locator('p');
  }

  get panel(): Locator {
    return this.page.getByRole('complementary');
  }

  get cards(): Locator {
    return this.panel.getByRole('listitem');
  }

  card(quote: string): Locator {
    return this.cards.filter({ hasText: quote });
  }

  /** The scrolling part of the highlights panel (only the cards in view, and a few more, are in it). */
  get cardScroller(): Locator {
    return this.panel.locator('.panel-scroll');
  }

  get highlightFilter(): Locator {
    return this.panel.getByRole('searchbox', { name: 'Filter highlights' });
  }

  get highlightColour(): Locator {
    return this.panel.getByRole('combobox', { name: 'Highlight colour' });
  }

  get highlightSort(): Locator {
    return this.panel.getByRole('combobox', { name: 'Sort highlights' });
  }

  /** Scrolls the article to `quote` and clicks inside its words, as a reader clicking a highlight would. */
  async clickText(quote: string): Promise<void> {
    await expect(this.paragraphs.filter({ hasText: quote })).not.toHaveCount(0);
    const point = await this.page.evaluate((quote) => {
      for (const p of document.querySelectorAll<HTMLElement>('[data-testid="reader-body"] p')) {
        const text = p.firstChild as Text;
        const at = text.data.indexOf(quote);
        if (at === -1) continue;
        p.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(text, at + 2);
        r.setEnd(text, at + 3);
        const rect = r.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, quote);
    if (!point) throw new Error(`"${quote}" is not in the article`);
    await this.page.mouse.click(point.x, point.y);
  }

  /** Drags the mouse across `quote` in the article, as a person selecting it would. */
  async select(quote: string, occurrence = 1): Promise<void> {
    // The article may still be on its way (a window that has just reloaded onto a workspace).
    await expect(this.paragraphs.filter({ hasText: quote })).not.toHaveCount(0);
    const box = await this.page.evaluate(
      ({ quote, occurrence }) => {
        let seen = 0;
        for (const p of document.querySelectorAll<HTMLElement>('[data-testid="reader-body"] p')) {
          const text = p.firstChild as Text;
          let at = text.data.indexOf(quote);
          while (at !== -1) {
            if (++seen === occurrence) {
              p.scrollIntoView({ block: 'center' });
              // The first and last characters whole (a letter with its marks, a surrogate pair), and
              // which side each begins on: right-to-left text is dragged from right to left.
              const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(quote)];
              const lastLength = graphemes[graphemes.length - 1]!.segment.length;
              const first = document.createRange();
              first.setStart(text, at);
              first.setEnd(text, at + graphemes[0]!.segment.length);
              const last = document.createRange();
              last.setStart(text, at + quote.length - lastLength);
              last.setEnd(text, at + quote.length);
              const a = first.getClientRects()[0]!;
              const b = last.getClientRects()[0]!;
              // On one line, the characters themselves say it (an Arabic quote inside an English paragraph).
              const rtl = Math.abs(a.top - b.top) < a.height / 2 ? a.left > b.left : getComputedStyle(p).direction === 'rtl';
              return rtl
                ? { x1: a.right - 1, y1: a.top + a.height / 2, x2: b.left + 1, y2: b.top + b.height / 2 }
                : { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
            }
            at = text.data.indexOf(quote, at + 1);
          }
        }
        return null;
      },
      { quote, occurrence },
    );
    if (!box) throw new Error(`"${quote}" is not in the article`);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
    await expect.poll(() => this.page.evaluate(() => document.getSelection()?.toString().trim())).toBe(quote);
  }

  /** Selects `quote`, presses the toolbar's Highlight button and types the comment. */
  async highlight(quote: string, comment: string): Promise<void> {
    await this.select(quote);
    await this.page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /Highlight/ }).click();
    await this.typeComment(comment);
  }

  async typeComment(comment: string): Promise<void> {
    const box = this.panel.getByRole('textbox', { name: 'Comment' });
    await expect(box).toBeFocused();
    await box.fill(comment);
    await this.page.keyboard.press('Escape');
    await this.waitSaved();
  }

  async waitSaved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText('All changes saved');
  }

  /**
   * The texts painted as highlights in the reader (CSS Custom Highlight API), in document order;
   * `active` limits it to the selected one.
   */
  paintedHighlights(which: 'all' | 'active' = 'all'): Promise<string[]> {
    return this.page.evaluate((w) => {
      const names =
        w === 'active' ? ['dossier-annotation-active', 'dossier-active-mark'] : [...CSS.highlights.keys()].filter((n) => n.startsWith('dossier-annotation'));
      const ranges = names.flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[]);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges.map((r) => r.toString());
    }, which);
  }
}
