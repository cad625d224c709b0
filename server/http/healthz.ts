import packageJson from '../../package.json' with { type: 'json' };
import type { ClusterView } from '../cluster/coordination';
import type { StoreKind } from '../store/event-log';
import type { StoreStatus } from '../store/store-health';

// GET /healthz, for load balancers and people: 200 while the hub accepts writes, 503 while it is
// starting or after a failed commit until one succeeds. Anyone may ask (a load balancer has no
// token), so the body says only what a balancer and a probe need: the status, the store's kind,
// whether this hub leads the once-only work, the configuration's hash, the version, and warnings
// when hubs sharing the log run different configurations. Where the store is (a file path, a
// database user and host), why it failed (whose text can name either), the consoles connected
// and the other hubs are for an admin's token only.

/** This hub's release, as package.json names it. */
export const HUB_VERSION: string = packageJson.version;

export interface HealthInput {
  readonly ready: boolean;
  readonly store: { readonly kind: StoreKind; readonly location: string; readonly status: StoreStatus };
  readonly cluster: ClusterView;
  readonly configHash: string;
  /** Consoles connected to this hub now. */
  readonly consoles: number;
}

export interface Health {
  readonly httpStatus: number;
  /** For anyone. */
  readonly body: Record<string, unknown>;
  /** For a signed-in admin: the body and where the store is, why it failed, consoles, the other hubs. */
  readonly detail: Record<string, unknown>;
}

export function healthOf(input: HealthInput): Health {
  const { store, cluster } = input;
  const warnings = cluster.peers
    .filter((peer) => peer.configHash !== input.configHash)
    .map(
      (peer) =>
        `hub ${peer.instance} runs a different configuration (hash ${peer.configHash}, this hub ${input.configHash}): give every hub the same configuration folder`,
    );
  const status = !input.ready ? 'starting' : store.status.ok ? 'ok' : 'degraded';
  const since = store.status.ok ? {} : { since: new Date(store.status.since).toISOString() };
  const body = {
    status,
    version: HUB_VERSION,
    store: { kind: store.kind, ok: store.status.ok, ...since },
    instance: cluster.instance,
    leader: cluster.leader,
    leading: cluster.leader === cluster.instance,
    configHash: input.configHash,
    warnings,
  };
  return {
    httpStatus: status === 'ok' ? 200 : 503,
    body,
    detail: {
      ...body,
      store: {
        ...body.store,
        location: store.location,
        ...(store.status.ok ? {} : { reason: store.status.reason }),
      },
      consoles: input.consoles,
      hubs: cluster.peers.map((peer) => ({
        instance: peer.instance,
        configHash: peer.configHash,
        seenAt: new Date(peer.seenAt).toISOString(),
      })),
    },
  };
}
