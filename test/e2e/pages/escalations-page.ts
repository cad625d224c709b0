import { expect, type Locator, type Page } from '@playwright/test';

// The escalation view and the "you are paged" alerts as an operator sees them. Tests speak in
// these terms; selectors live here.

export class EscalationsPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('escalations-view');
  }

  get heading(): Locator {
    return this.view.getByRole('heading', { level: 2 });
  }

  /** The header's way in, with the count of running escalations. */
  get tab(): Locator {
    return this.page.getByTestId('escalations-tab');
  }

  /** Waits until the view is open with its heading focused. */
  async expectOpen(): Promise<void> {
    await expect(this.view).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  row(incidentId: string): Locator {
    return this.view.locator(`[data-testid="escalation-row"][data-incident-id="${incidentId}"]`);
  }

  get rows(): Locator {
    return this.view.getByTestId('escalation-row');
  }

  level(incidentId: string): Locator {
    return this.row(incidentId).getByTestId('escalation-level');
  }

  pagedNow(incidentId: string): Locator {
    return this.row(incidentId).getByTestId('escalation-paged');
  }

  /** The people paged now whom no page reaches (no contact configured), one line each. */
  unreachable(incidentId: string): Locator {
    return this.row(incidentId).getByTestId('escalation-unreachable');
  }

  next(incidentId: string): Locator {
    return this.row(incidentId).getByTestId('escalation-next');
  }

  countdown(incidentId: string): Locator {
    return this.row(incidentId).getByTestId('escalation-countdown');
  }

  /** Seconds left on a row's countdown ("1:05" is 65). */
  async secondsLeft(incidentId: string): Promise<number> {
    const text = (await this.countdown(incidentId).textContent()) ?? '';
    const parts = text.trim().split(':').map(Number);
    if (parts.length < 2 || parts.some(Number.isNaN)) throw new Error(`not a countdown: "${text}"`);
    return parts.reduce((total, part) => total * 60 + part, 0);
  }

  escalateButton(incidentId: string): Locator {
    return this.row(incidentId).getByRole('button', { name: /Escalate now|Escalating/ });
  }

  /** The hub's answer to "Escalate now" (or why it was not sent). */
  get notice(): Locator {
    return this.view.locator('.escalations-view__notice');
  }

  get onCall(): Locator {
    return this.page.getByTestId('oncall');
  }

  onCallRotation(rotationId: string): Locator {
    return this.onCall.locator(`[data-rotation-id="${rotationId}"]`);
  }

  /** The "you are paged" alert for an incident. */
  pageAlert(incidentId: string): Locator {
    return this.page.getByTestId('page-alerts').locator(`[role="alert"][data-incident-id="${incidentId}"]`);
  }
}
