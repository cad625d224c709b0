import { postBody } from './http-client';
import { sleep } from './stats';

// The storm the event-to-screen benchmarks send: one alert a webhook, storm alerts (warning)
// that fire and resolve 50 ms later, and probes (critical) that stay open.

export function stormBody(
  name: string,
  status: 'firing' | 'resolved',
  severity: 'critical' | 'warning',
): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="${name}"}`,
    status,
    receiver: 'sitroom',
    groupLabels: { alertname: name },
    commonLabels: { alertname: name, severity },
    commonAnnotations: { summary: name },
    externalURL: '',
    truncatedAlerts: 0,
    alerts: [
      {
        status,
        labels: { alertname: name, severity, service: 'bench' },
        annotations: { summary: name },
        startsAt: now,
        endsAt: status === 'resolved' ? now : '0001-01-01T00:00:00Z',
        fingerprint: name,
      },
    ],
  });
}

/** One storm alert: fires, and resolves 50 ms after the hub took the firing. */
export async function stormAlert(ingestUrl: string, name: string): Promise<void> {
  await postBody(ingestUrl, stormBody(name, 'firing', 'warning'));
  await sleep(50);
  await postBody(ingestUrl, stormBody(name, 'resolved', 'warning'));
}

/**
 * A storm at `perSecond` for `seconds`, before the one measured: a console sits open for hours
 * before a storm, with its hub's and its page's code compiled for the work a storm brings. Without
 * it the measured storm's first second is the JIT's (a fresh hub and page; one long task of up to
 * 290 ms in a trace of a cold 200/s run), and with 25 probes the p99 is the slowest of them.
 * Its alerts are not named `e2s-`, so the page's observer does not count them.
 */
export async function warmUpStorm(ingestUrl: string, perSecond: number, seconds: number): Promise<void> {
  const sent: Array<Promise<void>> = [];
  const started = performance.now();
  for (let i = 0; i < perSecond * seconds; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 1) await sleep(wait);
    sent.push(stormAlert(ingestUrl, `warm-${perSecond}-${i}`));
  }
  await Promise.all(sent);
}
