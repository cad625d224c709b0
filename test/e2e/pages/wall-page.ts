import { expect, type Locator, type Page } from '@playwright/test';
import type { HubAddress } from '../../support/hub';

// A wall display as the room sees it: its header, what it is showing, and the alarm.

export class WallPage {
  constructor(
    readonly page: Page,
    private readonly hub: HubAddress,
  ) {}

  /**
   * Opens the kiosk address (`query` without the leading ?) and waits for the first board. A
   * `token` goes after `#token=`, as a kiosk is provisioned; without one, the hub's open-mode key.
   */
  async open(query: string, token?: string): Promise<void> {
    await this.page.goto(
      token === undefined ? this.hub.pageUrl(`/?${query}`) : `${this.hub.url}/?${query}#token=${token}`,
    );
    await expect(this.page.getByTestId('board-root')).toHaveAttribute('data-ready', 'true');
    await expect(this.header).toBeVisible();
  }

  get header(): Locator {
    return this.page.getByTestId('wall-header');
  }

  get rotation(): Locator {
    return this.page.getByTestId('wall-rotation');
  }

  get attention(): Locator {
    return this.page.getByTestId('wall-attention');
  }

  get oldestUnacknowledged(): Locator {
    return this.page.getByTestId('wall-oldest-unacknowledged');
  }

  get problems(): Locator {
    return this.page.getByTestId('wall-problems');
  }

  get root(): Locator {
    return this.page.getByTestId('board-root');
  }

  openCount(severity: string): Locator {
    return this.page.getByTestId(`open-count-${severity}`);
  }

  /** Open incident rows in board order. */
  get openRows(): Locator {
    return this.page.getByRole('listbox', { name: 'Open incidents' }).getByRole('option');
  }

  /** The last hour's resolved incident rows (those rendered, seen or not). */
  get resolvedRows(): Locator {
    return this.page.getByRole('listbox', { name: 'Resolved in the last hour' }).getByRole('option');
  }
}
