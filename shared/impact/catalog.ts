import { z } from 'zod';
import type { NotifyChannel, SitroomConfig } from '../config/types';

// The service catalog as every console sees it (GET /api/v1/catalog): who owns what, how critical
// it is and what it needs. Notify URLs carry secrets in their paths, so a console only learns
// each channel's kind and host — enough to show where a team is told and to predict the
// `teams_notified` event of notify_impacted exactly as the hub will record it.

export const TIERS = [1, 2, 3, 4] as const;
export type Tier = (typeof TIERS)[number];

export const CHANNEL_KINDS = ['webhook', 'slack', 'teams', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A team's notify channel without its URL: kind and host only. */
export interface ChannelRef {
  readonly kind: ChannelKind;
  readonly host: string;
}

export interface CatalogTeam {
  readonly id: string;
  readonly name: string;
  readonly members: ReadonlyArray<string>;
  readonly channels: ReadonlyArray<ChannelRef>;
}

export interface CatalogService {
  readonly id: string;
  readonly name: string;
  readonly team: string;
  /** 1 is the most critical. */
  readonly tier: Tier;
  readonly dependsOn: ReadonlyArray<string>;
}

export interface Catalog {
  readonly services: ReadonlyArray<CatalogService>;
  readonly teams: ReadonlyArray<CatalogTeam>;
}

export const EMPTY_CATALOG: Catalog = { services: [], teams: [] };

const channelRefSchema = z.object({ kind: z.enum(CHANNEL_KINDS), host: z.string() });

/** What a console reads from GET /api/v1/catalog is checked before it is trusted. */
export const catalogSchema = z.object({
  services: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      team: z.string(),
      tier: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      dependsOn: z.array(z.string()),
    }),
  ),
  teams: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      members: z.array(z.string()),
      channels: z.array(channelRefSchema),
    }),
  ),
}) satisfies z.ZodType<Catalog>;

/** The catalog part of a validated configuration, with notify URLs reduced to their hosts. */
export function catalogFromConfig(config: Pick<SitroomConfig, 'services' | 'teams'>): Catalog {
  return {
    services: config.services.map((service) => ({
      id: service.id,
      name: service.name,
      team: service.team,
      tier: service.tier,
      dependsOn: service.dependsOn,
    })),
    teams: config.teams.map((team) => ({
      id: team.id,
      name: team.name,
      members: team.members,
      channels: team.notify.map((channel) => ({ kind: channel.kind, host: channelHost(channel) })),
    })),
  };
}

/** Where a channel leads, safe to show and record: a URL's host, an email address's domain. */
export function channelHost(channel: NotifyChannel): string {
  if (channel.kind === 'email')
    return channel.address.slice(channel.address.lastIndexOf('@') + 1).toLowerCase();
  return urlHost(channel.url);
}

/** "hooks.slack.com" from a webhook URL; the path and query (where secrets live) never leave the hub. */
export function urlHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid-url';
  }
}
