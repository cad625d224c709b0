import type { IncomingMessage } from 'node:http';
import { HubGuard } from '../../server/security/hub-guard';
import { round } from './stats';

// The front door's own cost, apart from everything else a request does: Host and Origin checks
// and the ingest rate limit, run in-process on a request as Alertmanager sends it. Contention on
// a shared machine barely moves a figure this small, unlike the end-to-end ingest comparison.

export function guardMicroseconds(iterations = 200_000): { perRequest: number; perBrowserRequest: number } {
  const guard = new HubGuard({
    allowedHosts: ['noc-hub.example.org'],
    allowedOrigins: [],
    listenHost: '127.0.0.1',
    ingestPerSecond: 1e9,
    commandsPerSecond: 10,
  });
  const request = (headers: Record<string, string>) =>
    ({
      url: '/api/v1/ingest/alertmanager',
      headers,
      socket: { remoteAddress: '10.1.2.3' },
    }) as unknown as IncomingMessage;
  const alertmanager = request({ host: 'noc-hub.example.org:7420', 'content-type': 'application/json' });
  const browser = request({ host: '127.0.0.1:7420', origin: 'http://127.0.0.1:7420' });
  const time = (req: IncomingMessage): number => {
    for (let i = 0; i < 10_000; i++) guard.admit(req); // warm up
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      if (guard.admit(req) !== null) throw new Error('the guard refused a request it should let through');
    }
    return round(Number(process.hrtime.bigint() - started) / 1000 / iterations, 2);
  };
  return { perRequest: time(alertmanager), perBrowserRequest: time(browser) };
}
