import { z } from 'zod';
import { emptyDict } from '../../dict';
import { INTEGRATION_KINDS, type Integration, ROLES } from '../types';
import { fileObject, httpsUrl, id, list, severityMap, sha256Hex, text } from './common';

// integrations.yaml: the monitoring systems allowed to post alerts, and how each proves it.

const envName = z
  .string({ error: 'must be the name of an environment variable' })
  .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, {
    error: 'must be an environment variable name such as SITROOM_HMAC_PROM',
  });

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
    hmac_secret_env: envName.optional(),
    // Alertmanager's own API, for silences. Secrets stay in the hub's environment, never here.
    api_url: httpsUrl.optional(),
    api_token_env: envName.optional(),
    api_username: text.optional(),
    api_password_env: envName.optional(),
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
    const apiFields = ['api_url', 'api_token_env', 'api_username', 'api_password_env'] as const;
    for (const field of apiFields) {
      if (entry[field] !== undefined && entry.kind !== 'alertmanager')
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} is for alertmanager integrations, not ${entry.kind}`,
        });
      else if (entry[field] !== undefined && field !== 'api_url' && entry.api_url === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} needs an api_url to be used with` });
    }
    if (entry.api_token_env !== undefined && entry.api_username !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['api_username'],
        message:
          'use either api_token_env (Bearer) or api_username with api_password_env (basic auth), not both',
      });
    if ((entry.api_username === undefined) !== (entry.api_password_env === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [entry.api_username === undefined ? 'api_password_env' : 'api_username'],
        message: 'api_username and api_password_env go together (basic auth)',
      });
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
      api:
        entry.api_url === undefined
          ? null
          : {
              url: entry.api_url.replace(/\/+$/, ''),
              tokenEnv: entry.api_token_env ?? null,
              username: entry.api_username ?? null,
              passwordEnv: entry.api_password_env ?? null,
            },
    }),
  );

export const integrationsFileSchema = fileObject({
  integrations: list(integrationSchema),
  // Who may silence alerts in Alertmanager from an incident: commanders and above by default.
  silence_role: z
    .enum(ROLES.filter((role) => role !== 'viewer') as ['operator', 'commander', 'admin'], {
      error: 'must be one of operator, commander, admin',
    })
    .optional(),
});

export type IntegrationsFile = z.output<typeof integrationsFileSchema>;
