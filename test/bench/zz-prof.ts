import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import { DELIVERY_EVENT_TYPES, LOOK_BACK_MS, UnfinishedFinder } from '../../server/cluster/unfinished-deliveries';
import { appendEvents } from '../../test/support/event-logs';
import { danaPaged, danaReached } from '../../test/support/delivery-events';
import { tempDataDir } from '../../test/support/hub';
const now = Date.now(); const N = 200_000; const events: any[] = [];
for (let seq = 1; events.length < N; seq = events.length + 1) {
  const at = now - LOOK_BACK_MS + Math.floor((seq / N) * LOOK_BACK_MS) - 60_000;
  if (seq % 40 === 0) { events.push(danaPaged(seq, at, 'INC-1')); events.push(danaReached(seq + 1, at + 1, 'INC-1', `${seq}.0`)); continue; }
  events.push({ seq, at, actor: { kind: 'system' }, incidentId: 'INC-1', type: 'note_added', text: `alert-ish ${seq}` });
}
const log = new SqliteLog(tempDataDir('prof-'), () => {});
for (let i = 0; i < events.length; i += 5000) await appendEvents(log, events.slice(i, i + 5000), 1);
const db = (log as any).db;
for (const size of [250, 500, 1000, 2000]) {
  let after = 0; const times: number[] = []; const q: number[] = [];
  for (;;) {
    const t = performance.now();
    const raw = (log as any).selectOfTypesSince.all({ types: JSON.stringify(DELIVERY_EVENT_TYPES), since: now - LOOK_BACK_MS, afterSeq: after, limit: size });
    q.push(performance.now() - t);
    const page = await log.eventsOfTypesSince(DELIVERY_EVENT_TYPES, now - LOOK_BACK_MS, after, size);
    times.push(performance.now() - t);
    if (page.length < size) break; after = page.at(-1)!.seq;
  }
  console.log(size, 'pages', times.length, 'query-only max', Math.max(...q).toFixed(1), 'query+again max', Math.max(...times).toFixed(1), 'sum', times.reduce((a,b)=>a+b,0).toFixed(0));
}
const inner = db.prepare(`SELECT seq FROM events INDEXED BY events_by_type_at WHERE type IN (SELECT value FROM json_each(@types)) AND at >= @since AND seq > @afterSeq ORDER BY seq LIMIT @limit`);
let t = performance.now(); inner.all({ types: JSON.stringify(DELIVERY_EVENT_TYPES), since: now - LOOK_BACK_MS, afterSeq: 0, limit: 1000 }); console.log('inner seq only', (performance.now()-t).toFixed(1));
t = performance.now(); const rows = db.prepare('SELECT body FROM events WHERE seq > 100000 AND seq <= 140000').all(); console.log('40k rows by pk', (performance.now()-t).toFixed(1));
