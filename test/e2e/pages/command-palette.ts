import { expect, type Locator, type Page } from '@playwright/test';

// The command palette as an operator uses it: Ctrl+K, type, arrows, Enter. Selectors live here.

export class CommandPalette {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByRole('combobox') });
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox');
  }

  get results(): Locator {
    return this.dialog.getByRole('listbox');
  }

  /** Results, optionally only those whose text matches. */
  options(text?: string | RegExp): Locator {
    const options = this.results.getByRole('option');
    return text === undefined ? options : options.filter({ hasText: text });
  }

  /** The result Enter would choose. */
  get activeOption(): Locator {
    return this.results.locator('[role="option"][aria-selected="true"]');
  }

  /** The name of a result, without its details and keys. */
  labelOf(option: Locator): Locator {
    return option.locator('.command-palette__label');
  }

  /** A group of results ("Incidents", "Actions"…). */
  group(name: string): Locator {
    return this.results.getByRole('group', { name });
  }

  /** Opens the palette with Ctrl+K and waits for its search field to have focus. */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input).toBeFocused();
  }

  /** Types a query as a person would, key by key. */
  async search(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    await expect(this.input).toHaveValue(text);
  }

  /** Enter: runs the highlighted result. */
  async choose(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }
}
