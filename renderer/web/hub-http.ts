import { z } from 'zod';
import type { HubInfo } from '../../shared/protocol';

// The two REST calls the web host makes to the hub that served it. The answer is parsed, not
// trusted: the page may be talking to an older or newer hub.

const hubInfoSchema = z.object({
  hubId: z.string(),
  consoleUrl: z.string(),
  ingest: z.object({
    alertmanager: z.string(),
    pagerduty: z.string(),
    pagerdutyEnqueue: z.string(),
  }),
  openMode: z.boolean(),
  demoRunning: z.boolean(),
}) satisfies z.ZodType<HubInfo>;

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

/** GET /api/v1/hub: where the hub is and how monitoring reaches it. */
export async function fetchHubInfo(hubUrl: string): Promise<HubInfo> {
  const response = await fetch(new URL('/api/v1/hub', hubUrl), { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(await describeFailure(response));
  return hubInfoSchema.parse(await response.json());
}

/** POST /api/v1/demo: the hub plays its demo outage; it answers 202 before the scenario ends. */
export async function requestDemo(hubUrl: string): Promise<void> {
  const response = await fetch(new URL('/api/v1/demo', hubUrl), { method: 'POST' });
  if (!response.ok) throw new Error(await describeFailure(response));
}

async function describeFailure(response: Response): Promise<string> {
  const fallback = `the hub answered ${response.status} ${response.statusText}`.trim();
  try {
    const parsed = errorBodySchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error.message : fallback;
  } catch {
    return fallback;
  }
}
