import { z } from 'zod';
import { type CommandAnswer, REJECTION_CODES } from '../../shared/commands';
import { UserFacingError } from '../errors/user-facing-error';

// The hub's answer to a command, checked rather than cast: POST /api/v1/commands answers a
// refused sign-in with the generic error body (no `ok`), and a console may meet another hub version.

const commandAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), seq: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(REJECTION_CODES), message: z.string() }),
  }),
]) satisfies z.ZodType<CommandAnswer>;

const hubErrorSchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string() }) });

export const SIGN_IN_AGAIN = 'The hub no longer accepts this console’s token: sign in again, then retry.';

/** The answer as a CommandAnswer, or a failure a person can act on. */
export function readCommandAnswer(raw: unknown): CommandAnswer {
  const answer = commandAnswerSchema.safeParse(raw);
  if (answer.success) return answer.data;
  const error = hubErrorSchema.safeParse(raw);
  if (error.success && error.data.error.code === 'unauthorized') throw new UserFacingError(SIGN_IN_AGAIN);
  if (error.success) throw new UserFacingError(error.data.error.message);
  throw new Error(
    `the hub answered a command with something unexpected: ${JSON.stringify(raw)?.slice(0, 200)}`,
  );
}
