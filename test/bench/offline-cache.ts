import { startHub, tempDataDir } from '../support/hub';
import { launchChromium } from './chromium';
import { postBody } from './http-client';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// The offline start of a console with a big cache: 10,000 open incidents reach a Chromium
// console, which stores them in IndexedDB; the hub is then killed and the page reloaded, and we
// time navigation start → first incident row in the DOM (the cached board painted). Meanwhile a
// long-task observer records the worst main-thread stall while the console persisted the cache.

const INCIDENTS = Number(process.env.BENCH_CACHE_INCIDENTS ?? 10_000);

function body(i: number): string {
  const startsAt = new Date().toISOString();
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="cache-${i}"}`,
    status: 'firing',
    groupLabels: { alertname: `cache-${i}` },
    commonAnnotations: { summary: `Cached incident ${i}` },
    alerts: [
      {
        status: 'firing',
        labels: {
          alertname: `cache-${i}`,
          service: `svc-${i % 50}`,
          severity: ['critical', 'error', 'warning', 'info'][i % 4],
        },
        annotations: { summary: `Cached incident ${i}` },
        startsAt,
        fingerprint: `cache-${i}`,
      },
    ],
  });
}

export async function benchOfflineCache(): Promise<BenchRow[]> {
  const hub = await startHub({ dataDir: tempDataDir('sitroom-bench-cache-') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(`
      window.__stalls = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__stalls.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    `);
    await page.goto(hub.pageUrl());
    await page.locator('[data-ready="true"]').waitFor();
    for (let i = 0; i < INCIDENTS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, INCIDENTS - i) }, (_, k) =>
          postBody(`${hub.url}/api/v1/ingest/alertmanager`, body(i + k)),
        ),
      );
    }
    await page
      .getByText(`${INCIDENTS}`, { exact: false })
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined);
    // Let the console settle and write its cache (writes are batched a second apart).
    await sleep(4000);
    const stalls = (await page.evaluate('window.__stalls')) as number[];

    await hub.kill('SIGKILL');
    const launches: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.reload({ waitUntil: 'commit' });
      // A string, not a function: tsx would add helpers the page does not have.
      const painted = (await page.evaluate(`new Promise((resolve) => {
        const check = () => document.querySelector('[data-incident-id]') ? resolve(performance.now()) : requestAnimationFrame(check);
        check();
      })`)) as number;
      launches.push(painted);
    }
    const launch = summarise(launches);
    const worstStall = stalls.length === 0 ? 0 : Math.max(...stalls);
    const rows: BenchRow[] = [
      {
        benchmark: 'offline-cache',
        case: `${INCIDENTS} incidents cached, hub down`,
        figure: 'reload → cached board painted, p50 / max ms (5 reloads)',
        value: `${round(launch.p50, 0)} / ${round(launch.max, 0)}`,
      },
      {
        benchmark: 'offline-cache',
        case: `${INCIDENTS} incidents arriving and cached`,
        figure: 'worst main-thread long task ms (count)',
        value: `${round(worstStall, 0)} (${stalls.length})`,
      },
    ];
    writeResult('offline-cache', rows, { launches, stalls });
    return rows;
  } finally {
    await browser.close();
    await hub.kill();
  }
}
