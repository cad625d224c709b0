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
// the silence dialog, a comment is typed, and the clock starts at Ctrl+Enter's keydown in the
// page. It stops when Alertmanager's own API lists the silence (GET /api/v2/silences, polled back
// to back from the bench). Both clocks are this machine's wall clock (performance.timeOrigin).
// The path: page → worker → socket → hub's group commit → leader → Alertmanager's API.

const REPETITIONS = Number(process.env.BENCH_SILENCE_REPS ?? 50);
const WARMUP = 3;
const RUNS = REPETITIONS + WARMUP;

const PROBE = `
  window.__armSend = () => new Promise((resolve) => {
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') resolve(performance.timeOrigin + performance.now());
    }, { capture: true, once: true });
  });
`;

const wallClock = (): number => performance.timeOrigin + performance.now();

async function silencedIn(amUrl: string, alertname: string): Promise<number> {
  const filter = encodeURIComponent(`alertname="${alertname}"`);
  for (;;) {
    const silences = (await (await fetch(`${amUrl}/api/v2/silences?filter=${filter}`)).json()) as Array<{
      status: { state: string };
    }>;
    if (silences.some((silence) => silence.status.state === 'active')) return wallClock();
  }
}

/** Opens the next incident, silences it from the keyboard, and times Ctrl+Enter → in Alertmanager. */
async function silenceNext(page: Page, amUrl: string): Promise<number> {
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForFunction("document.activeElement?.id === 'incident-heading'");
  const alertname = await page.locator('.alert-card [aria-label="Labels"] dd').first().innerText();
  await page.keyboard.press('q');
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('bench');
  await page.evaluate('window.__sent = window.__armSend(); 0');
  await page.keyboard.press('Control+Enter');
  const visibleAt = await silencedIn(amUrl, alertname);
  const sentAt = (await page.evaluate('window.__sent')) as number;
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
    // alertname is the first label shown, and each its own Alertmanager group: one incident each.
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
    await page.evaluate(PROBE);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const ms = await silenceNext(page, am.url);
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
