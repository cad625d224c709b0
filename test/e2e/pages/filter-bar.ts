import type { Locator, Page } from '@playwright/test';

// The board's filter bar as an operator uses it: "/", type, Tab to complete, Enter or Esc.

export class FilterBar {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByRole('combobox', { name: 'Filter' });
  }

  get completions(): Locator {
    return this.page.getByTestId('filter-completions').getByRole('option');
  }

  get error(): Locator {
    return this.page.getByTestId('filter-error');
  }

  /** "N of M open shown" in the header, present while a filter narrows the board. */
  get scope(): Locator {
    return this.page.getByTestId('filter-scope');
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save…' });
  }

  get saveName(): Locator {
    return this.page.getByTestId('filter-save-name');
  }

  /** Types as a person would, key by key, at the cursor. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
}
