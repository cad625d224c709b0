import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import type { EscalationLevelPaged } from '../../shared/events';
import type { RunningHub } from '../support/hub';
import { postBody } from './http-client';

// The stage for the escalation benchmark: a loopback webhook receiver that notes when each level-2
// page arrives, a configuration folder whose level 2 pages it, a fast incident opener, and a
// reader for the pages the hub wrote to its log.

const SENDERS = 32;

export interface Receiver {
  readonly url: string;
  /** Incident id → when its level-2 webhook arrived (epoch ms). */
  readonly arrivals: Map<string, number>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const receivedAt = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        incident: { id: string };
        level: number;
      };
      if (body.level === 2) arrivals.set(body.incident.id, receivedAt);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Open local mode (no users.yaml, so ingest needs no token); only level 2 reaches a webhook. */
export function configFolder(receiverUrl: string, level1Minutes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-bench-config-'));
  writeFileSync(
    join(dir, 'services.yaml'),
    [
      'teams:',
      '  - { id: noc, name: NOC }',
      `  - { id: bench, name: Bench, notify: [{ webhook: "${receiverUrl}/page" }] }`,
      'services: []',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'escalation.yaml'),
    [
      'policies:',
      '  - id: bench',
      '    levels:',
      `      - { notify: [team:noc], escalate_after_minutes: ${level1Minutes} }`,
      '      - { notify: [team:bench], escalate_after_minutes: 60 }',
      'default_policy: bench',
      '',
    ].join('\n'),
  );
  return dir;
}

let counter = 0;
function alertBody(): string {
  const group = `esc-${process.pid}-${++counter}`;
  return JSON.stringify({
    version: '4',
    groupKey: group,
    status: 'firing',
    receiver: 'sitroom',
    groupLabels: { alertname: group },
    commonLabels: { alertname: group, severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.bench:9093',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: group, severity: 'critical' },
        annotations: { summary: `Escalation bench ${group}` },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: group,
      },
    ],
  });
}

/** Opens `count` incidents through ingest; resolves when every one is committed. */
export async function openIncidents(hub: RunningHub, count: number): Promise<number> {
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (sent < count) {
        sent++;
        const status = await postBody(`${hub.url}/api/v1/ingest/alertmanager`, alertBody());
        if (status >= 300) throw new Error(`ingest answered ${status}`);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

export interface Pages {
  readonly deadlines: Map<string, number>;
  readonly level2: Map<string, EscalationLevelPaged[]>;
}

/** Level-1 deadlines and level-2 pages, read from the hub's log after it stopped. */
export async function readPages(dataDir: string): Promise<Pages> {
  const store = new SqliteLog(dataDir);
  const deadlines = new Map<string, number>();
  const level2 = new Map<string, EscalationLevelPaged[]>();
  for (const event of await store.eventsAfter(0, Number.MAX_SAFE_INTEGER)) {
    if (event.type !== 'escalation_level_paged') continue;
    if (event.level === 1 && event.dueNext !== null) deadlines.set(event.incidentId, event.dueNext);
    if (event.level === 2) level2.set(event.incidentId, [...(level2.get(event.incidentId) ?? []), event]);
  }
  await store.close();
  return { deadlines, level2 };
}
