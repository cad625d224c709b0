import type { IncomingMessage } from 'node:http';
import type { Integration, IntegrationKind, SitroomConfig } from '../../shared/config/types';
import type { Actor } from '../../shared/domain';
import { findIntegration } from '../config/tokens';
import { HttpError } from '../http/errors';

// Who is delivering alerts. With no integrations configured (open local mode on loopback) any
// local sender is the `local` integration; once integrations.yaml lists any, every delivery must
// carry one's credentials: a Bearer token or basic-auth password, or a PagerDuty routing key.

export interface IngestSender {
  readonly actor: Actor;
  readonly integration: Integration | null;
}

const OPEN_SENDER: IngestSender = { actor: { kind: 'integration', id: 'local' }, integration: null };

/** The token of `Bearer <token>` or the password of `Basic base64(user:password)`. */
export function ingestToken(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

/** Authenticates an Alertmanager-shaped delivery by its Authorization header. */
export function authenticateTokenSender(
  req: IncomingMessage,
  config: SitroomConfig,
  kinds: ReadonlyArray<IntegrationKind>,
): IngestSender {
  if (config.integrations.length === 0) return OPEN_SENDER;
  const token = ingestToken(req.headers.authorization);
  if (!token) {
    throw new HttpError(
      401,
      'unauthorized',
      'Send the integration token as Authorization: Bearer <token> (or basic auth).',
    );
  }
  const integration = findIntegration(config, { kind: 'token', token });
  if (!integration) throw new HttpError(401, 'unauthorized', 'No integration has this token.');
  if (!kinds.includes(integration.kind)) {
    throw new HttpError(
      403,
      'forbidden',
      `Integration "${integration.id}" is a ${integration.kind} integration, not ${kinds.join(' or ')}.`,
    );
  }
  return { actor: { kind: 'integration', id: integration.id }, integration };
}

/** Authenticates a PagerDuty Events v2 delivery by its routing_key. */
export function authenticateRoutingKey(routingKey: string, config: SitroomConfig): IngestSender {
  if (config.integrations.length === 0) return OPEN_SENDER;
  const integration = findIntegration(config, { kind: 'routing_key', routingKey });
  if (integration?.kind !== 'pagerduty') {
    throw new HttpError(401, 'unauthorized', 'No PagerDuty integration has this routing_key.', 'routing_key');
  }
  return { actor: { kind: 'integration', id: integration.id }, integration };
}
