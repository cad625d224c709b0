import { z } from 'zod';
import type { SilenceMatcher } from './matchers';

// What GET /api/v1/incidents/:id/silences answers, read by consoles.

export interface IncidentSilence {
  /** The integration (integrations.yaml id) whose Alertmanager holds it. */
  readonly integration: string;
  /** Alertmanager's silence id. */
  readonly id: string;
  /** `active`, or `pending` when it starts later. */
  readonly state: string;
  readonly matchers: ReadonlyArray<SilenceMatcher>;
  /** RFC 3339, as Alertmanager gave it. */
  readonly startsAt: string;
  readonly endsAt: string;
  /** Who made it, as Alertmanager recorded it (a person's name for silences made in Sitroom). */
  readonly createdBy: string;
  readonly comment: string;
  /** Fingerprints of the incident's alerts it silences. */
  readonly alerts: ReadonlyArray<string>;
}

export interface IncidentSilences {
  readonly silences: ReadonlyArray<IncidentSilence>;
  /** One sentence per Alertmanager that could not be asked. */
  readonly unreachable: ReadonlyArray<string>;
}

export const incidentSilencesSchema = z.object({
  silences: z.array(
    z.object({
      integration: z.string(),
      id: z.string(),
      state: z.string(),
      matchers: z.array(
        z.object({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean() }),
      ),
      startsAt: z.string(),
      endsAt: z.string(),
      createdBy: z.string(),
      comment: z.string(),
      alerts: z.array(z.string()),
    }),
  ),
  unreachable: z.array(z.string()),
}) satisfies z.ZodType<IncidentSilences>;
