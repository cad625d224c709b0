import { z } from 'zod';
import { emptyDict } from '../../dict';
import { INTEGRATION_KINDS, type Integration } from '../types';
import { fileObject, id, list, severityMap, sha256Hex, text } from './common';

// integrations.yaml: the monitoring systems allowed to post alerts, and how each proves it.

const integrationSchema = z
  .strictObject({
    id,
    kind: z.enum(INTEGRATION_KINDS, { error: `must be one of ${INTEGRATION_KINDS.join(', ')}` }),
    token_sha256: sha256Hex.optional(),
    routing_key: z
      .string({ error: 'must be text' })
      .regex(/^[A-Za-z0-9]{32}$/, { error: 'must be exactly 32 letters or digits' })
      .optional(),
    service_label: text.optional(),
    severity_map: severityMap.optional(),
    hmac_secret_env: z
      .string({ error: 'must be the name of an environment variable' })
      .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, {
        error: 'must be an environment variable name such as SITROOM_HMAC_PROM',
      })
      .optional(),
  })
  .superRefine((entry, ctx) => {
    // Each kind authenticates one way; an entry without its credential could never be used.
    if (entry.kind === 'pagerduty' && entry.routing_key === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['routing_key'],
        message: 'kind pagerduty needs a routing_key',
        input: undefined,
      });
    }
    if (entry.kind !== 'pagerduty' && entry.token_sha256 === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['token_sha256'],
        message: `kind ${entry.kind} needs a token_sha256 (SHA-256 of its Bearer token or basic-auth password)`,
        input: undefined,
      });
    }
    if (entry.kind !== 'pagerduty' && entry.routing_key !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['routing_key'],
        message: `routing_key is for pagerduty integrations, not ${entry.kind}`,
      });
    }
  })
  .transform(
    (entry): Integration => ({
      id: entry.id,
      kind: entry.kind,
      tokenSha256: entry.token_sha256 ?? null,
      routingKey: entry.routing_key ?? null,
      serviceLabel: entry.service_label ?? null,
      severityMap: entry.severity_map ?? emptyDict(),
      hmacSecretEnv: entry.hmac_secret_env ?? null,
    }),
  );

export const integrationsFileSchema = fileObject({ integrations: list(integrationSchema) });

export type IntegrationsFile = z.output<typeof integrationsFileSchema>;
