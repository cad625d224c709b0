import { z } from 'zod';
import { MAX_FILTER_LENGTH } from '../filter/filter-query';
import { ROLES } from '../roles';
import { MAX_LABEL_QUESTION } from './label-answer';
import type { FeedView } from './projection';

// What a page says it shows, checked where it crosses into the host (IPC in Electron, a worker's
// port in browsers). It only decides what the page's feed carries: the hub authorises actions.

export const feedIdSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const feedViewSchema = z.strictObject({
  incidentId: z.string().min(1).max(100).nullable(),
  user: z
    .strictObject({ id: z.string().min(1).max(200), name: z.string().max(500), role: z.enum(ROLES) })
    .nullable(),
  filter: z
    .strictObject({
      query: z.string().max(MAX_FILTER_LENGTH),
      serviceTeams: z.array(z.tuple([z.string().max(500), z.string().max(500)])).max(20_000),
    })
    .nullable()
    .optional(),
  labels: z
    .strictObject({
      label: z.string().min(1).max(MAX_LABEL_QUESTION).nullable(),
      prefix: z.string().max(MAX_LABEL_QUESTION),
    })
    .nullable()
    .optional(),
}) satisfies z.ZodType<FeedView>;
