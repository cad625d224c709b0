import type { ClusterView } from '../cluster/coordination';
import type { StoreKind } from '../store/event-log';
import type { StoreStatus } from '../store/store-health';

// GET /healthz, for load balancers and people: 200 while the hub accepts writes, 503 while it is
// starting or after a failed commit until one succeeds. The body says which store, which hub
// instance leads the once-only work, the configuration's hash, and warns when hubs sharing the
// log run different configurations.

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
  readonly body: Record<string, unknown>;
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
  return {
    httpStatus: status === 'ok' ? 200 : 503,
    body: {
      status,
      store: {
        kind: store.kind,
        location: store.location,
        ...(store.status.ok
          ? { ok: true }
          : { ok: false, since: new Date(store.status.since).toISOString(), reason: store.status.reason }),
      },
      instance: cluster.instance,
      leader: cluster.leader,
      leading: cluster.leader === cluster.instance,
      configHash: input.configHash,
      consoles: input.consoles,
      hubs: cluster.peers.map((peer) => ({
        instance: peer.instance,
        configHash: peer.configHash,
        seenAt: new Date(peer.seenAt).toISOString(),
      })),
      warnings,
    },
  };
}
