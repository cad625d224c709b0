import { expect, type Locator, type Page } from '@playwright/test';

// The "?" sheet of the keys that work where the operator is.

export class CheatSheet {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('?');
    await expect(this.dialog).toBeVisible();
  }

  /** The keys listed for a command ("Acknowledge"), as printed. */
  keysOf(description: string): Locator {
    return this.dialog
      .locator('.cheat-sheet__entry')
      .filter({ has: this.page.getByText(description, { exact: true }) })
      .locator('dt');
  }
}
