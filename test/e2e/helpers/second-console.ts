import type { Browser } from '@playwright/test';
import type { HubAddress } from '../../support/hub';
import { BoardPage } from '../pages/board-page';
import { IncidentPage } from '../pages/incident-page';

export interface SecondConsole {
  readonly board: BoardPage;
  readonly incident: IncidentPage;
  close(): Promise<void>;
}

/** Another operator's console on the same hub: its own browser context, profile and clientId. */
export async function openSecondConsole(browser: Browser, hub: HubAddress): Promise<SecondConsole> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const board = new BoardPage(page, hub);
  await board.open();
  await board.waitUntilLive();
  return { board, incident: new IncidentPage(page), close: () => context.close() };
}
