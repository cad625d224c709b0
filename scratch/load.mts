import { flatOut, timedPost } from '../test/bench/load';
import { freshGroup, groupAlerts, webhookBody } from '../test/bench/alert-bodies';
const url = process.argv[2] + '/api/v1/ingest/alertmanager';
const per = Number(process.argv[3] ?? 1);
const send = () => { const g = freshGroup('p'); return timedPost(url, webhookBody(g, groupAlerts(g, per))); };
for (let i = 0; i < 50; i++) await send();
const r = await flatOut(send, 32, 5);
console.log(per, 'alerts/req:', r.requestsPerSecond * per, 'alerts/s; p50/p99', r.latency.p50, r.latency.p99);
