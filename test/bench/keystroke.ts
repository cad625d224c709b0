import type { Page } from '@playwright/test';
import { startHub } from '../support/hub';
import { launchChromium } from './chromium';
import { postBody } from './http-client';
import { type BenchRow, writeResult } from './results';
import { round, type Summary, summarise } from './stats';

// Keystroke to screen, measured inside the page: performance.now() in a capture-phase keydown
// listener on window (before the console's own listener), against a MutationObserver seeing the
// response in the DOM and the animation frame after it (the frame that paints it). Two keys:
// Ctrl+K (the palette's dialog appears) and "a" in an incident (its acknowledgement changes:
// the optimistic update, before the hub answers). Target: within one frame, 16.7 ms.

const REPETITIONS = Number(process.env.BENCH_KEYSTROKE_REPS ?? 100);
/** First runs warm the JIT and React's caches; they are not counted. */
const WARMUP = 5;
const RUNS = REPETITIONS + WARMUP;

// A string, not a function: it runs in the page as written, without the bundler's helpers.
const PROBE = `
  window.__armKeystroke = (kind) => new Promise((resolve) => {
    let keyAt = null;
    window.addEventListener('keydown', () => { keyAt = performance.now(); }, { capture: true, once: true });
    const seen = kind === 'palette'
      ? () => document.querySelector('.command-palette') !== null
      : () => (document.querySelector('[data-testid="incident-ack"]')?.textContent ?? '').startsWith('Acknowledged');
    const observer = new MutationObserver(() => {
      if (keyAt === null || !seen()) return;
      observer.disconnect();
      const inDom = performance.now() - keyAt;
      requestAnimationFrame(() => resolve({ inDom, frame: performance.now() - keyAt }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
`;

interface Timing {
  readonly inDom: number;
  readonly frame: number;
}

/** Presses `key` with the probe armed for `kind`; resolves with what the page measured. */
async function timeKey(page: Page, kind: 'palette' | 'ack', key: string): Promise<Timing> {
  await page.evaluate(`window.__keystroke = window.__armKeystroke('${kind}'); 0`);
  await page.keyboard.press(key);
  return (await page.evaluate('window.__keystroke')) as Timing;
}

function alertBody(index: number): string {
  const name = `keystroke-${index}`;
  const labels = { alertname: name, severity: 'critical', service: `svc-${index % 7}` };
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${name}"}`,
    status: 'firing',
    receiver: 'sitroom',
    groupLabels: { alertname: name },
    commonLabels: labels,
    commonAnnotations: { summary: `Keystroke bench incident ${index}` },
    externalURL: '',
    truncatedAlerts: 0,
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: `Keystroke bench incident ${index}` },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: name,
      },
    ],
  });
}

async function measurePalette(page: Page): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    timings.push(await timeKey(page, 'palette', 'Control+k'));
    await page.keyboard.press('Escape');
    await page.locator('.command-palette').waitFor({ state: 'detached' });
  }
  return timings.slice(WARMUP);
}

/** Opens each incident in board order (j, Enter) and acknowledges it with "a". */
async function measureAcknowledge(page: Page): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'incident-heading');
    timings.push(await timeKey(page, 'ack', 'a'));
    await page.keyboard.press('Escape');
    await page.getByTestId('incident-view').waitFor({ state: 'detached' });
  }
  return timings.slice(WARMUP);
}

function rowsFor(name: string, timings: ReadonlyArray<Timing>): { rows: BenchRow[]; summaries: object } {
  const dom: Summary = summarise(timings.map((timing) => timing.inDom));
  const frame: Summary = summarise(timings.map((timing) => timing.frame));
  const base = { benchmark: 'keystroke', case: `${name} (${timings.length} presses)` };
  return {
    rows: [
      { ...base, figure: 'keydown → in DOM, p50 / p95 ms', value: `${round(dom.p50, 1)} / ${round(dom.p95, 1)}` },
      {
        ...base,
        figure: 'keydown → next frame, p50 / p95 ms',
        value: `${round(frame.p50, 1)} / ${round(frame.p95, 1)}`,
        budget: 'one frame (16.7 ms)',
      },
    ],
    summaries: { toDom: dom, toFrame: frame },
  };
}

/** Keystroke to visible response for the palette and for acknowledging, p50/p95 in the page. */
export async function benchKeystroke(): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const hub = await startHub();
  try {
    for (let index = 0; index < RUNS; index++) {
      const status = await postBody(`${hub.url}/api/v1/ingest/alertmanager`, alertBody(index));
      if (status < 200 || status > 299) throw new Error(`the hub refused bench alert ${index}: ${status}`);
    }
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(hub.url);
    await page.locator('[data-ready="true"]').waitFor();
    await page.getByRole('heading', { name: `Open incidents (${RUNS})` }).waitFor();
    await page.evaluate(PROBE);
    const palette = rowsFor('Ctrl+K → palette open', await measurePalette(page));
    const acknowledge = rowsFor('a → acknowledged (optimistic)', await measureAcknowledge(page));
    const rows = [...palette.rows, ...acknowledge.rows];
    writeResult('keystroke', rows, { palette: palette.summaries, acknowledge: acknowledge.summaries });
    return rows;
  } finally {
    await browser.close();
    await hub.stop();
  }
}
