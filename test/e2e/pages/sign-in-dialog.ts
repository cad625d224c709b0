import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in dialog a hub with users.yaml puts in front of the console. */
export class SignInDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Sign in to Sitroom' });
  }

  get token(): Locator {
    return this.dialog.getByLabel('Token');
  }

  get error(): Locator {
    return this.dialog.getByRole('alert');
  }

  /** Types a token and presses Enter, as a person would. */
  async submit(token: string): Promise<void> {
    await this.token.fill(token);
    await this.token.press('Enter');
  }

  /** Signs in and waits for the dialog to go away. */
  async signIn(token: string): Promise<void> {
    await this.submit(token);
    await expect(this.dialog).toHaveCount(0);
  }
}
