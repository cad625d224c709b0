import { expect, type Locator, type Page } from '@playwright/test';
import type { BoardPage } from './board-page';

// The incident view as an operator sees it: its heading, facts, actions, alert region, dialogs
// and timeline. Tests speak in these terms; selectors live here.

export class IncidentPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('incident-view');
  }

  get heading(): Locator {
    return this.view.getByRole('heading', { level: 2 });
  }

  /** Waits until the incident view shows `incidentId` with its heading focused. */
  async expectOpen(incidentId: string): Promise<void> {
    await expect(this.view).toHaveAttribute('data-incident-id', incidentId);
    await expect(this.heading).toBeFocused();
  }

  /** Opens the board's first open incident from the keyboard (j, Enter) and gives its id. */
  async openFirst(board: BoardPage): Promise<string> {
    const incidentId = await board.incidentIdOf(board.openRows().first());
    await this.press('j', 'Enter');
    await this.expectOpen(incidentId);
    return incidentId;
  }

  get status(): Locator {
    return this.page.getByTestId('incident-status');
  }

  get acknowledgement(): Locator {
    return this.page.getByTestId('incident-ack');
  }

  get commander(): Locator {
    return this.page.getByTestId('incident-commander');
  }

  get responders(): Locator {
    return this.page.getByTestId('incident-responders');
  }

  get actionBar(): Locator {
    return this.page.getByRole('group', { name: 'Incident actions' });
  }

  /** An action button in the bar, by the action's name ("Acknowledge", "Resolve"). */
  action(name: string): Locator {
    return this.actionBar.getByRole('button', { name });
  }

  /** Action buttons that would act if pressed (not aria-disabled). */
  get enabledActions(): Locator {
    return this.page.locator('[data-testid="incident-actions"] button:not([aria-disabled="true"])');
  }

  /** The changes before the incident (deploys, config, flags to its services and dependencies). */
  get changes(): Locator {
    return this.page.getByTestId('changes-panel');
  }

  /** Where the hub's refusals and failures are explained. */
  get alert(): Locator {
    return this.view.getByRole('alert');
  }

  /** Links shown as plain words because their target was not http(s). */
  get refusedLinks(): Locator {
    return this.view.locator('.unsafe-link');
  }

  /** What the last export did ("Exported to INC-4-timeline.md."). */
  get exportStatus(): Locator {
    return this.view.getByRole('status');
  }

  get timeline(): Locator {
    return this.page.getByTestId('timeline');
  }

  timelineEntry(text: string | RegExp): Locator {
    return this.timeline.getByRole('listitem').filter({ hasText: text });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Presses keys one after another, like an operator at the keyboard. */
  async press(...keys: ReadonlyArray<string>): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
