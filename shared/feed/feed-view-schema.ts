import { z } from 'zod';
import { ROLES } from '../roles';
import type { FeedView } from './projection';

// What a page says it shows, checked where it crosses into the host (IPC in Electron, a worker's
// port in browsers). It only decides what the page's feed carries: the hub authorises actions.

export const feedIdSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const feedViewSchema = z.strictObject({
  incidentId: z.string().min(1).max(100).nullable(),
  user: z
    .strictObject({ id: z.string().min(1).max(200), name: z.string().max(500), role: z.enum(ROLES) })
    .nullable(),
}) satisfies z.ZodType<FeedView>;
