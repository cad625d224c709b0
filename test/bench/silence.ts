import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { writeConfigDir } from '../e2e/helpers/config-dir';
import { startAlertmanager } from '../support/alertmanager';
import { freePort, startHub } from '../support/hub';
import { PROM_TOKEN } from '../support/silences';
import { launchChromium } from './chromium';
import { type BenchRow, writeResult } from './results';
import { round, summarise } from './stats';

// Console key → silence visible in Alertmanager. A real Alertmanager delivers one group per
// incident to a real hub; in the web console (Debian's Chromium) each incident is opened, q opens
// the silence dialog, a comment is typed, and the clock starts as the bench sends Ctrl+Enter to
// the page (Playwright's key dispatch, about a millisecond, is inside). It stops when Alertmanager's own API lists the silence (GET /api/v2/silences, polled back
// to back from the bench).
// The path: page → worker → socket → hub's group commit → leader → Alertmanager's API.

const REPETITIONS = Number(process.env.BENCH_SILENCE_REPS ?? 50);
const WARMUP = 3;
const RUNS = REPETITIONS + WARMUP;

const wallClock = (): number => performance.timeOrigin + performance.now();

/** When Alertmanager first lists more than `before` active silences. */
async function silencedIn(amUrl: string, before: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await activeSilences(amUrl)) > before) return wallClock();
    if (Date.now() > deadline) throw new Error('the silence did not appear in Alertmanager within 30 s');
  }
}

async function activeSilences(amUrl: string): Promise<number> {
  const silences = (await (await fetch(`${amUrl}/api/v2/silences`)).json()) as Array<{
    status: { state: string };
  }>;
  return silences.filter((silence) => silence.status.state === 'active').length;
}

/** Opens the next incident, silences it from the keyboard, and times Ctrl+Enter → in Alertmanager. */
async function silenceNext(page: Page, amUrl: string): Promise<number> {
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForFunction("document.activeElement?.id === 'incident-heading'");
  await page.locator('.alert-card').first().waitFor();
  const before = await activeSilences(amUrl);
  await page.keyboard.press('q');
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('bench');
  const sentAt = wallClock();
  await page.keyboard.press('Control+Enter');
  const visibleAt = await silencedIn(amUrl, before);
  await page.keyboard.press('Escape');
  await page.getByTestId('incident-view').waitFor({ state: 'detached' });
  return visibleAt - sentAt;
}

export async function benchSilence(): Promise<BenchRow[]> {
  const port = await freePort();
  const tokenSha256 = createHash('sha256').update(PROM_TOKEN).digest('hex');
  const configDir = writeConfigDir(undefined, {
    'integrations.yaml': `integrations:\n  - { id: prom-dc1, kind: alertmanager, token_sha256: ${tokenSha256}, api_url: "http://127.0.0.1:${port}" }\n`,
  });
  const hub = await startHub({ args: ['--config-dir', configDir] });
  const am = await startAlertmanager({
    webhookUrl: `${hub.url}/api/v1/ingest/alertmanager`,
    port,
    bearerToken: PROM_TOKEN,
  });
  const browser = await launchChromium();
  try {
    // Each alertname is its own Alertmanager group: one incident each.
    await am.postAlerts(
      Array.from({ length: RUNS }, (_, index) => ({
        labels: {
          alertname: `bench${String(index).padStart(3, '0')}`,
          service: 'bench',
          severity: 'warning',
        },
        annotations: { summary: `Silence bench ${index}` },
        startsAt: new Date().toISOString(),
      })),
    );
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(hub.pageUrl());
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByRole('heading', { name: `Open incidents (${RUNS})` }).waitFor({ timeout: 60_000 });
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const ms = await silenceNext(page, am.url);
      if (process.env.BENCH_VERBOSE) console.error(`silence ${run}: ${round(ms, 1)} ms`);
      if (run >= WARMUP) times.push(ms);
    }
    const summary = summarise(times);
    const rows: BenchRow[] = [
      {
        benchmark: 'silence',
        case: `Ctrl+Enter in the silence dialog → active in Alertmanager (${times.length} silences)`,
        figure: 'p50 / p99 ms',
        value: `${round(summary.p50, 1)} / ${round(summary.p99, 1)}`,
      },
    ];
    writeResult('silence', rows, { keyToAlertmanager: summary, times });
    return rows;
  } finally {
    await browser.close();
    await am.stop();
    await hub.stop();
  }
}
