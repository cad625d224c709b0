import { z } from 'zod';
import type { HubInfo } from '../../shared/protocol';
import type { FetchLike } from './hub-readiness';

// The two hub calls the bridge makes on the renderer's behalf. The browser host calls the same
// routes itself (renderer/web/hub-http.ts); server/http/routes.ts serves them.
// TODO: these route strings are repeated in three places; they belong in shared/ beside HubInfo.
export const HUB_ROUTES = {
  info: '/api/v1/hub',
  demo: '/api/v1/demo',
} as const;

const hubInfoSchema = z.object({
  hubId: z.string(),
  consoleUrl: z.string(),
  ingest: z.object({ alertmanager: z.string(), pagerduty: z.string(), pagerdutyEnqueue: z.string() }),
  openMode: z.boolean(),
  demoRunning: z.boolean(),
}) satisfies z.ZodType<HubInfo>;

export interface HubClient {
  hubInfo(): Promise<HubInfo>;
  playDemo(): Promise<void>;
}

/** A client for one hub; answers are validated, failures name the route and the status. */
export function createHubClient(hubUrl: string, fetchImpl: FetchLike = fetch): HubClient {
  const call = async (method: 'GET' | 'POST', route: string): Promise<Response> => {
    const url = new URL(route, hubUrl).href;
    const response = await fetchImpl(url, { method, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}`);
    return response;
  };
  return {
    async hubInfo() {
      return hubInfoSchema.parse(await (await call('GET', HUB_ROUTES.info)).json());
    },
    async playDemo() {
      // 202 whether it started now or was already running: either way the demo is playing.
      await (await call('POST', HUB_ROUTES.demo)).body?.cancel();
    },
  };
}
