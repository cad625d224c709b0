import { expect, type Locator, type Page } from '@playwright/test';

// The keyboard settings dialog: every command with its keys, "Change", conflicts, save.

export class KeymapSettings {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard settings' });
  }

  /** Opens the dialog with "," from a view. */
  async open(): Promise<void> {
    await this.page.keyboard.press(',');
    await expect(this.dialog).toBeVisible();
  }

  /** A command's row, by its name ("Acknowledge"). */
  row(command: string): Locator {
    return this.dialog.getByRole('listitem').filter({ has: this.page.getByText(command, { exact: true }) });
  }

  /** The keys a row shows, e.g. "k", "g b". */
  keysOf(command: string): Locator {
    return this.row(command).locator('.keymap-row__keys');
  }

  /** What the row says its key clashes with. */
  conflictOf(command: string): Locator {
    return this.row(command).locator('.keymap-row__conflict');
  }

  get status(): Locator {
    return this.dialog.getByRole('alert');
  }

  get saveButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Save' });
  }

  /** Presses "Change" from the keyboard and then the new keys, one by one. */
  async rebind(command: string, ...keys: ReadonlyArray<string>): Promise<void> {
    await this.dialog.getByRole('button', { name: `Change keys for ${command}` }).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.dialog.getByLabel(`New key for ${command}`)).toBeFocused();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.dialog).toHaveCount(0);
  }
}
