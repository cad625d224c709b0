import { z } from 'zod';
import { emptyDict } from '../../dict';
import { dictSchema } from '../../dict-schema';
import type { NotifyChannel, Service, Team } from '../types';
import { fileObject, httpsUrl, id, list, severityMap, text } from './common';

// services.yaml: the service catalog (owners, tiers, dependencies, runbooks), the teams that own
// services, and how alerts are matched to services.

/** A file directly inside runbooks/: no folders, so a config cannot point outside its folder. */
const runbookName = z.string({ error: 'must be a file name' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/, {
  error: 'must be the name of a Markdown file in runbooks/, e.g. "payments-db.md"',
});

const notifyChannel = z
  .strictObject({
    webhook: httpsUrl.optional(),
    slack_webhook: httpsUrl.optional(),
    teams_webhook: httpsUrl.optional(),
    email: z.email({ error: 'must be one email address, e.g. "payments-oncall@example.org"' }).optional(),
  })
  .refine((entry) => Object.values(entry).filter((value) => value !== undefined).length === 1, {
    error: 'each notify entry needs exactly one of webhook, slack_webhook, teams_webhook or email',
  })
  .transform((entry): NotifyChannel => {
    if (entry.slack_webhook !== undefined) return { kind: 'slack', url: entry.slack_webhook };
    if (entry.teams_webhook !== undefined) return { kind: 'teams', url: entry.teams_webhook };
    if (entry.email !== undefined) return { kind: 'email', address: entry.email };
    return { kind: 'webhook', url: entry.webhook ?? '' };
  });

const teamSchema = z
  .strictObject({ id, name: text, members: list(id), notify: list(notifyChannel) })
  .transform((team): Team => team);

const matchSchema = z.strictObject({
  labels: dictSchema(z.string({ error: 'label values must be text' }), {
    error: 'must be a mapping of label names to values',
  }).optional(),
  pagerduty_components: list(text),
  pagerduty_sources: list(text),
});

const serviceSchema = z
  .strictObject({
    id,
    name: text,
    team: id,
    tier: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
      error: 'must be 1, 2, 3 or 4 (1 is the most critical)',
    }),
    depends_on: list(id),
    runbook: runbookName.optional(),
    match: matchSchema.optional(),
  })
  .transform(
    (service): Service => ({
      id: service.id,
      name: service.name,
      team: service.team,
      tier: service.tier,
      dependsOn: service.depends_on,
      runbook: service.runbook ?? null,
      match: {
        labels: service.match?.labels ?? emptyDict(),
        pagerdutyComponents: service.match?.pagerduty_components ?? [],
        pagerdutySources: service.match?.pagerduty_sources ?? [],
      },
    }),
  );

/** Alertmanager labels that name a service unless services.yaml says otherwise. */
export const DEFAULT_SERVICE_LABELS: ReadonlyArray<string> = ['service', 'app', 'job'];

export const servicesFileSchema = fileObject({
  teams: list(teamSchema),
  services: list(serviceSchema),
  service_labels: z
    .array(text, { error: 'must be a list of label names' })
    .min(1, { error: 'must name at least one label; leave it out for the default [service, app, job]' })
    .optional(),
  severity_map: severityMap.optional(),
});

export type ServicesFile = z.output<typeof servicesFileSchema>;
