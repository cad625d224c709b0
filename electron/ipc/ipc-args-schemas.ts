import { z } from 'zod';
import { DESKTOP_NOTIFICATION_LIMITS, EXPORT_FORMATS } from '../../shared/api';
import { commandIdSchema, commandSchema } from '../../shared/commands';
import { feedIdSchema, feedViewSchema } from '../../shared/feed/feed-view-schema';
import { IPC, type IpcArgs, type IpcInvokeChannel } from '../../shared/ipc';
import { STATISTICS_BUCKETS } from '../../shared/metrics/report';

// The argument list each invoke channel of shared/ipc.ts accepts, checked in main before any
// handler runs. Tuples are exact, so a compromised page that sends extra arguments is refused
// too; a new argument is added here first. (Main-only: see the note at the top of shared/ipc.ts.)

/** Tokens are opaque to the console; the bound only stops a page from shipping megabytes. */
const tokenSchema = z.string().min(1).max(4096);
const incidentIdSchema = z.string().min(1).max(100);
/**
 * An IANA zone this runtime knows. Newer Intl also accepts offsets such as "+01:00", which the
 * hub refuses (shared/export/time-format.ts), so a name must also start with a letter.
 */
const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'must be an IANA time zone such as UTC or Europe/Berlin');

function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Notification text is shown by the OS as plain text; the bounds keep a page from flooding the
 * notification centre with megabytes. A title must say something; a body may be empty.
 */
const notificationTitleSchema = z.string().trim().min(1).max(DESKTOP_NOTIFICATION_LIMITS.title);
const notificationBodySchema = z.string().max(DESKTOP_NOTIFICATION_LIMITS.body);

/**
 * A statistics range: whole epoch ms, `to` not before `from`. The hub refuses a range of more
 * than 400 periods with its own message; this only keeps nonsense from leaving main.
 */
const epochMsSchema = z.number().int().min(0).max(8_640_000_000_000_000);
const statisticsQuerySchema = z
  .object({
    from: epochMsSchema,
    to: epochMsSchema,
    bucket: z.enum(STATISTICS_BUCKETS),
    timeZone: timeZoneSchema,
  })
  .refine((query) => query.to >= query.from, { message: 'to must not be before from', path: ['to'] });

type IpcArgsSchemas = { readonly [C in IpcInvokeChannel]: z.ZodType<IpcArgs<C>> };

// The mapped type makes a channel added to the contract without a schema here fail to compile.
export const ipcArgsSchemas: IpcArgsSchemas = {
  [IPC.hubInfo]: z.tuple([]),
  [IPC.playDemo]: z.tuple([]),
  [IPC.subscribe]: z.tuple([feedIdSchema, feedViewSchema]),
  [IPC.feedView]: z.tuple([feedIdSchema, feedViewSchema]),
  [IPC.unsubscribe]: z.tuple([feedIdSchema]),
  [IPC.session]: z.tuple([]),
  [IPC.signIn]: z.tuple([tokenSchema]),
  [IPC.signOut]: z.tuple([]),
  [IPC.people]: z.tuple([]),
  [IPC.incidentRecord]: z.tuple([incidentIdSchema]),
  [IPC.incidentSilences]: z.tuple([incidentIdSchema]),
  [IPC.sendCommand]: z.tuple([commandSchema]),
  [IPC.dismissRejected]: z.tuple([commandIdSchema]),
  [IPC.exportTimeline]: z.tuple([incidentIdSchema, z.enum(EXPORT_FORMATS), timeZoneSchema]),
  [IPC.escalations]: z.tuple([]),
  [IPC.catalog]: z.tuple([]),
  // A catalog service id, or the name an alert or change gave one: the hub's own limit.
  [IPC.serviceChanges]: z.tuple([z.string().min(1).max(256)]),
  [IPC.statistics]: z.tuple([statisticsQuerySchema]),
  [IPC.notify]: z.tuple([notificationTitleSchema, notificationBodySchema]),
};

/** Checks an argument list that arrived over IPC against its channel's schema. */
export function safeParseIpcArgs<C extends IpcInvokeChannel>(
  channel: C,
  args: ReadonlyArray<unknown>,
): z.ZodSafeParseResult<IpcArgs<C>> {
  const schema: z.ZodType<IpcArgs<C>> = ipcArgsSchemas[channel];
  return schema.safeParse(args);
}

/** True when `name` is one of the contract's invoke channels (for code that receives a raw name). */
export function isIpcInvokeChannel(name: string): name is IpcInvokeChannel {
  return Object.hasOwn(ipcArgsSchemas, name);
}
