import type { Locator, Page } from '@playwright/test';

// The silence dialog and the incident's silences panel, as an operator at the keyboard uses them.

export class SilencePanel {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Silence the alerts of/ });
  }

  get duration(): Locator {
    return this.dialog.getByLabel(/^Duration/);
  }

  get comment(): Locator {
    return this.dialog.getByLabel(/^Comment/);
  }

  get matchers(): Locator {
    return this.dialog.getByLabel(/^Matchers/);
  }

  get problem(): Locator {
    return this.dialog.getByRole('alert');
  }

  /** The incident's list of silences in force. */
  get panel(): Locator {
    return this.page.getByTestId('silences-panel');
  }

  silence(id: string): Locator {
    return this.panel.locator(`[data-silence-id="${id}"]`);
  }

  /** Alert cards the console shows as silenced. */
  get silencedAlerts(): Locator {
    return this.page.locator('.alert-card[data-silenced]');
  }
}
