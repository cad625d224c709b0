import { z } from 'zod';

// How the launcher knows the hub is up: the hub logs a ready record with its `console` URL once
// it listens (with --port 0 that is the only way to learn the port): a JSON line
// `{"msg":"Sitroom hub ready","console":"http://127.0.0.1:PORT/",…}`, or `console: http://…` in
// pretty output. Then GET /healthz answers 200 {"status":"ok"} once it accepts writes.

const CONSOLE_LINE = /\bconsole:\s+(https?:\/\/\S+)/;

/** The console URL announced in one line of hub output, or null if the line is something else. */
export function parseConsoleUrl(line: string): string | null {
  const announced = line.trimStart().startsWith('{') ? consoleField(line) : CONSOLE_LINE.exec(line)?.[1];
  if (!announced) return null;
  try {
    const url = new URL(announced);
    // A hub that made its own open-mode key prints it after `#token=`; the launcher needs the
    // address only, and must not carry the key into its logs.
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

const readyRecord = z.object({ console: z.string() });

/** The `console` field of a JSON log record, if the line is one that has it. */
function consoleField(line: string): string | undefined {
  try {
    const parsed = readyRecord.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data.console : undefined;
  } catch {
    return undefined;
  }
}

const healthSchema = z.object({ status: z.literal('ok') });

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** True once GET /healthz answers 200 {"status":"ok"}; network errors just mean "not yet". */
export async function isHealthy(hubUrl: string, fetchImpl: FetchLike = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(new URL('/healthz', hubUrl).href, { signal: AbortSignal.timeout(2000) });
    if (response.status !== 200) return false;
    return healthSchema.safeParse(await response.json()).success;
  } catch {
    return false;
  }
}

/** Polls /healthz until it is ok, the deadline passes (false) or `cancelled()` says stop. */
export async function waitUntilHealthy(
  hubUrl: string,
  deadline: number,
  cancelled: () => boolean,
  fetchImpl: FetchLike = fetch,
): Promise<boolean> {
  while (!cancelled() && Date.now() < deadline) {
    if (await isHealthy(hubUrl, fetchImpl)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
