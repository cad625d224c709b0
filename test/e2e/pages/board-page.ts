import { expect, type Locator, type Page } from '@playwright/test';
import type { HubAddress } from '../../support/hub';

// The incident board as an operator sees it. Tests speak in these terms; selectors live here.

export class BoardPage {
  constructor(
    readonly page: Page,
    private readonly hub: HubAddress,
  ) {}

  /** Opens the web console (as the hub's printed link would) and waits for the first board. */
  async open(): Promise<void> {
    await this.page.goto(this.hub.pageUrl('/'));
    await expect(this.root).toHaveAttribute('data-ready', 'true');
  }

  /** Waits until the console is synced with the hub. */
  async waitUntilLive(): Promise<void> {
    await expect(this.connectionStatus).toHaveText('Live');
  }

  get root(): Locator {
    return this.page.getByTestId('board-root');
  }

  get connectionStatus(): Locator {
    return this.page.getByTestId('connection-status');
  }

  get openIncidents(): Locator {
    return this.page.getByRole('listbox', { name: 'Open incidents' });
  }

  get resolvedIncidents(): Locator {
    return this.page.getByRole('listbox', { name: 'Resolved in the last hour' });
  }

  /** Open incident rows, optionally only those whose text matches. */
  openRows(text?: string | RegExp): Locator {
    const rows = this.openIncidents.getByRole('option');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  /** Recently resolved rows, optionally only those whose text matches. */
  resolvedRows(text?: string | RegExp): Locator {
    const rows = this.resolvedIncidents.getByRole('option');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  /** Selects a row without opening it, as Tab or the keyboard would (a click opens the incident). */
  async select(row: Locator): Promise<void> {
    await row.focus();
  }

  get selectedRow(): Locator {
    return this.page.locator('[role="option"][aria-selected="true"]');
  }

  severityOf(row: Locator): Locator {
    return row.locator('.severity-badge');
  }

  alertsOf(row: Locator): Locator {
    return row.locator('.incident-row__alerts');
  }

  /** The incident's number as the row shows it ("INC-7"). */
  numberOf(row: Locator): Locator {
    return row.locator('.incident-row__id');
  }

  titleOf(row: Locator): Locator {
    return row.locator('.incident-row__title');
  }

  servicesOf(row: Locator): Locator {
    return row.locator('.incident-row__services');
  }

  get emptyState(): Locator {
    return this.page.getByTestId('empty-state');
  }

  get playDemoButton(): Locator {
    return this.page.getByRole('button', { name: 'Play demo scenario' });
  }

  /** Who the header says is signed in ("Dana Reyes commander"), with sign out or open mode. */
  get session(): Locator {
    return this.page.getByTestId('session');
  }

  /** The id of the incident a row shows. */
  async incidentIdOf(row: Locator): Promise<string> {
    const id = await row.getAttribute('data-incident-id');
    if (!id) throw new Error('row has no data-incident-id');
    return id;
  }
}
