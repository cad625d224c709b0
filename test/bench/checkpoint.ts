import { HubState } from '../../server/state';
import { boardChecksum, canonical } from '../../shared/checksum';
import type { Incident } from '../../shared/domain';
import { numbered, opened } from '../support/fixtures';
import type { BenchRow } from './results';
import { writeResult } from './results';
import { summarise } from './stats';

// The board fingerprint the hub sends about once a second (and every console's replica checks):
// its cost on the event loop at 10,000 and 50,000 open incidents, with nothing changed since the
// last one and with a storm's second of 1,000 incidents changed. Next to it, the way it was made
// before 2026-12-07 (every open incident's text sorted, joined and hashed), kept here only to
// compare in the same run.

const ROUNDS = 30;
const CHANGED_PER_ROUND = 1_000;

function sortedJoinChecksum(incidents: Iterable<Incident>): string {
  const lines: string[] = [];
  for (const incident of incidents) {
    if (incident.status === 'resolved') continue;
    lines.push(canonical(incident));
  }
  lines.sort();
  const text = lines.join('\n');
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${lines.length}:${a.toString(16)}${b.toString(16)}`;
}

/** `open` incidents folded by the hub's own state from their opening events. */
function board(open: number): Incident[] {
  const state = new HubState([], 0);
  state.apply(
    numbered(
      Array.from({ length: open }, (_, i) => opened(`INC-${i + 1}`)),
      1,
    ),
  );
  return [...state.incidents()];
}

function timeRounds(
  incidents: Incident[],
  checksum: (all: Iterable<Incident>) => string,
  changed: number,
): number[] {
  const times: number[] = [];
  checksum(incidents); // the fingerprint before: what the next one starts from
  for (let round = 0; round < ROUNDS; round++) {
    // A storm's second: `changed` incidents are new values (a fold makes a new value per change).
    for (let i = 0; i < changed; i++) {
      const at = (round * changed + i) % incidents.length;
      const incident = incidents[at] as Incident;
      incidents[at] = { ...incident, updatedSeq: incident.updatedSeq + 1 };
    }
    const started = performance.now();
    checksum(incidents);
    times.push(performance.now() - started);
  }
  return times;
}

export async function benchCheckpoint(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const open of [10_000, 50_000]) {
    const cases = [
      ['sorted and joined (before 2026-12-07)', sortedJoinChecksum, CHANGED_PER_ROUND],
      ['summed per incident, nothing changed since the last', boardChecksum, 0],
      [`summed per incident, ${CHANGED_PER_ROUND} changed since the last`, boardChecksum, CHANGED_PER_ROUND],
    ] as const;
    for (const [name, checksum, changed] of cases) {
      const summary = summarise(timeRounds(board(open), checksum, changed));
      rows.push({
        benchmark: 'checkpoint',
        case: `${open} open incidents: ${name}`,
        figure: 'one fingerprint, p50 / p95 ms',
        value: `${summary.p50} / ${summary.p95}`,
        budget: 'a small part of a frame (it runs on the hub’s event loop once a second)',
      });
    }
  }
  writeResult('checkpoint', rows, {});
  return rows;
}
