import { expect, type Locator, type Page } from '@playwright/test';

// The statistics view as an operator sees it: headline figures, the range and bucket controls,
// and each chart's figures as the text table a screen reader reads. Selectors live here.

export class StatisticsPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('statistics-view');
  }

  get heading(): Locator {
    return this.view.getByRole('heading', { level: 2 });
  }

  /** Opens the view with "g s" and waits for its heading to take focus. */
  async open(): Promise<void> {
    await this.page.keyboard.press('g');
    await this.page.keyboard.press('s');
    await expect(this.view).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  /** A headline figure: incidents, tta, ttr, acknowledged. */
  figure(name: 'incidents' | 'tta' | 'ttr' | 'acknowledged'): Locator {
    return this.view.getByTestId(`statistics-figure-${name}`);
  }

  headlineItem(name: 'incidents' | 'tta' | 'ttr' | 'acknowledged'): Locator {
    return this.view.getByTestId(`statistics-headline-${name}`);
  }

  /** A chart by its test id (statistics-opened, -tta, -ttr, -services, -escalations, -alerts). */
  chart(testId: string): Locator {
    return this.view.getByTestId(testId);
  }

  /** The rows of a chart's text figures, each as its cells' text. */
  async figures(testId: string): Promise<string[][]> {
    const rows = this.view.getByTestId(`${testId}-figures`).locator('tbody tr');
    return rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent ?? '')),
    );
  }

  get noisiest(): Locator {
    return this.view.getByTestId('statistics-noisiest');
  }

  get caption(): Locator {
    return this.view.getByTestId('statistics-caption');
  }

  get freshness(): Locator {
    return this.view.getByTestId('statistics-freshness');
  }

  get failure(): Locator {
    return this.view.getByTestId('statistics-failure');
  }

  get empty(): Locator {
    return this.view.getByTestId('statistics-empty');
  }

  /** A range, bucket or other toggle button by its name ("Last 30 days", "Week"). */
  toggle(name: string): Locator {
    return this.view.getByRole('button', { name, exact: true });
  }

  async press(...keys: ReadonlyArray<string>): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
