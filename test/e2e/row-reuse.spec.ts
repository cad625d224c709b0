import type { Page } from '@playwright/test';
import { throughRelay } from '../support/network-cut';
import { damageSnapshot, rewritingRelayTo } from '../support/rewriting-relay';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { BoardPage } from './pages/board-page';

// Board rows hand their elements on (renderer/board/row-keys.ts): checks that what an operator
// sees and reaches stays with its incident. A watcher in the page records any element whose
// incident changes while it has the focus or is the selected row.

async function seed(
  hubUrl: string,
  count: number,
  make: (i: number) => { alertname: string; service: string; severity: string; summary?: string },
  parallel = false,
): Promise<void> {
  if (parallel) {
    await Promise.all(
      Array.from({ length: count }, (_, i) => sendAlertmanager(hubUrl, alertmanagerGroup(make(i)))),
    );
    return;
  }
  for (let i = 0; i < count; i++) await sendAlertmanager(hubUrl, alertmanagerGroup(make(i)));
}

/** Records every time the focused element's incident changes under the focus. */
async function watchFocus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[]; __focused: string[] };
    w.__violations = [];
    w.__focused = [];
    new MutationObserver((records) => {
      (window as unknown as { __handed: number }).__handed =
        ((window as unknown as { __handed?: number }).__handed ?? 0) + records.length;
      for (const r of records)
        if (r.target === document.activeElement)
          w.__violations.push(`focused ${r.oldValue} -> ${(r.target as HTMLElement).dataset.incidentId}`);
        else if ((r.target as HTMLElement).getAttribute('aria-selected') === 'true')
          w.__violations.push(`selected ${r.oldValue} -> ${(r.target as HTMLElement).dataset.incidentId}`);
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-incident-id'],
      attributeOldValue: true,
    });
    document.addEventListener('focusin', (e) => {
      w.__focused.push((e.target as HTMLElement).dataset?.incidentId ?? (e.target as HTMLElement).tagName);
    });
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

test('focus stays on its incident through storms and j/k', async ({ board, hub, page }) => {
  await seed(hub.url, 40, (i) => ({
    alertname: 'Base',
    service: `base-${String(i).padStart(3, '0')}`,
    severity: 'warning',
  }));
  await board.open();
  await board.waitUntilLive();
  await expect(page.getByRole('heading', { name: 'Open incidents (40)' })).toBeVisible();
  await watchFocus(page);
  const row = board.openRows().nth(3);
  await board.select(row);
  const id = await board.incidentIdOf(row);
  await seed(
    hub.url,
    8,
    (i) => ({ alertname: 'Storm', service: `storm-${String(i).padStart(3, '0')}`, severity: 'critical' }),
    true,
  );
  await expect(page.getByRole('heading', { name: 'Open incidents (48)' })).toBeVisible();
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.incidentId)).toBe(id);
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', id);
  // j/k during a storm
  const storm = seed(
    hub.url,
    60,
    (i) => ({ alertname: 'Storm2', service: `s2-${String(i).padStart(3, '0')}`, severity: 'critical' }),
    true,
  );
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await storm;
  await expect(page.getByRole('heading', { name: 'Open incidents (108)' })).toBeVisible();
  const focused = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.incidentId);
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', focused ?? 'none');
  await expect(board.selectedRow).toBeFocused();
  // scroll the focused row out of view and back
  await board.openIncidents.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.waitForTimeout(300);
  await board.openIncidents.evaluate((el) => {
    el.scrollTop = 0;
  });
  await page.waitForTimeout(300);
  for (let i = 0; i < 10; i++) await page.keyboard.press('k');
  await expect(board.selectedRow).toBeFocused();
  expect(await violations(page)).toEqual([]);
});

test('a reused row element gets the direction of its new title', async ({ board, hub, page }) => {
  // Alternate right-to-left and left-to-right titles, so a scroll by an odd count hands each
  // element to a title of the other direction.
  await seed(hub.url, 60, (i) => ({
    alertname: 'Dir',
    service: `dir-${String(i).padStart(3, '0')}`,
    severity: 'warning',
    summary: i % 2 === 0 ? `שרת הנתונים נפל ${i}` : `database down ${i}`,
  }));
  await board.open();
  await board.waitUntilLive();
  await expect(page.getByRole('heading', { name: 'Open incidents (60)' })).toBeVisible();
  const check = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.incident-row__title bdi')].flatMap((b) => {
        const rtlText = /[\u0590-\u05FF]/.test(b.textContent ?? '');
        return rtlText === b.matches(':dir(rtl)') ? [] : [`${b.textContent} rtl=${b.matches(':dir(rtl)')}`];
      }),
    );
  expect(await check()).toEqual([]);
  for (const top of [29 * 56, 0, 33 * 56, 5 * 56]) {
    await board.openIncidents.evaluate((el, t) => {
      el.scrollTop = t;
    }, top);
    await page.waitForTimeout(300);
    expect(await check()).toEqual([]);
  }
});

test("filter keys hand elements on, never the selected row's", async ({ board, hub, page }) => {
  await seed(hub.url, 60, (i) => ({
    alertname: i % 3 === 0 ? 'Disk' : 'Net',
    service: `${i % 2 === 0 ? 'pay' : 'web'}-${String(i).padStart(3, '0')}`,
    severity: i % 4 === 0 ? 'critical' : 'warning',
  }));
  await board.open();
  await board.waitUntilLive();
  await expect(page.getByRole('heading', { name: 'Open incidents (60)' })).toBeVisible();
  await watchFocus(page);
  const row = board.openRows().nth(4);
  await board.select(row);
  const id = await board.incidentIdOf(row);
  const service = (await board.servicesOf(row).textContent()) ?? '';
  await page.keyboard.press('/');
  for (const text of ['svc:pay-*', 'svc:web-*', `svc:${service}`, '']) {
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    if (text) await page.keyboard.type(text, { delay: 20 });
    await page.waitForTimeout(300);
    const storm = seed(
      hub.url,
      6,
      (i) => ({ alertname: `S${text.length}`, service: `pay-s${text.length}-${i}`, severity: 'critical' }),
      true,
    );
    await storm;
    await page.waitForTimeout(200);
  }
  await page.keyboard.press('Enter');
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', id);
  await expect(board.selectedRow).toBeFocused();
  expect(await violations(page)).toEqual([]);
  // The filter keys did hand elements on (else this proves nothing).
  expect(await page.evaluate(() => (window as unknown as { __handed: number }).__handed)).toBeGreaterThan(10);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('incident-view')).toContainText(id);
});

test('a damaged row stays the damaged incident as elements are handed on', async ({ hub, page }) => {
  for (let i = 0; i < 60; i++)
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({
        alertname: i === 30 ? 'Damaged' : 'Healthy',
        service: `svc-${String(i).padStart(3, '0')}`,
        severity: 'warning',
      }),
    );
  const relay = await rewritingRelayTo(hub.url, damageSnapshot(['services']));
  try {
    const board = new BoardPage(page, throughRelay(hub, relay));
    await board.open();
    await board.waitUntilLive();
    await expect(page.getByRole('heading', { name: 'Open incidents (60)' })).toBeVisible();
    const broken = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-broken]')].map(
          (el) =>
            `${el.getAttribute('data-broken')}|${el.getAttribute('data-incident-id')}|${el.textContent}`,
        ),
      );
    await board.openIncidents.evaluate((el) => {
      el.scrollTop = 28 * 56;
    });
    await expect(page.locator('[data-broken]')).toHaveCount(1);
    const damagedId = (await page.locator('[data-broken]').getAttribute('data-incident-id')) ?? '';
    expect(damagedId).toMatch(/^INC-/);
    for (const top of [0, 25 * 56, 7 * 56, 30 * 56, 0, 22 * 56, 40 * 56, 24 * 56, 0, 28 * 56]) {
      await board.openIncidents.evaluate((el, t) => {
        el.scrollTop = t;
      }, top);
      await page.waitForTimeout(250);
      const now = await broken();
      const rows = await page.evaluate(() =>
        [...document.querySelectorAll('[role="option"]')].map((el) => el.getAttribute('data-incident-id')),
      );
      const damagedShown = rows.includes(damagedId);
      expect(now.length, JSON.stringify({ top, now })).toBe(damagedShown ? 1 : 0);
      for (const line of now) expect(line).toContain(`row ${damagedId}|${damagedId}|${damagedId} cannot`);
    }
  } finally {
    await relay.close();
  }
});

test('a storm that pushes the focused row out of view leaves the focus on its incident', async ({
  board,
  hub,
  page,
}) => {
  await seed(hub.url, 10, (i) => ({
    alertname: 'Base',
    service: `base-${String(i).padStart(3, '0')}`,
    severity: 'warning',
  }));
  await board.open();
  await board.waitUntilLive();
  await expect(page.getByRole('heading', { name: 'Open incidents (10)' })).toBeVisible();
  const row = board.openRows().nth(2);
  await board.select(row);
  const id = await board.incidentIdOf(row);
  const next = await board.incidentIdOf(board.openRows().nth(3));
  // Sev1s above it, more than a screen and its overscan: the board stays at its top, where the
  // new sev1s are, and the focused row goes far below the rows drawn for the view.
  await seed(
    hub.url,
    60,
    (i) => ({ alertname: 'Storm', service: `storm-${String(i).padStart(3, '0')}`, severity: 'critical' }),
    true,
  );
  await expect(page.getByRole('heading', { name: 'Open incidents (70)' })).toBeVisible();
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.incidentId)).toBe(id);
  // The next key is about that incident: j moves to the one after it and brings it into view.
  await page.keyboard.press('j');
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', next);
  await expect(board.selectedRow).toBeFocused();
  await expect(board.selectedRow).toBeInViewport();
});
