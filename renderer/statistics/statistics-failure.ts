import { errorMessage } from '../error-message';
import { hubUnreachable } from '../hub-unreachable';

// Why the statistics could not be had, in words an operator acts on: offline is not the hub
// saying no, and "Failed to fetch" or "TimeoutError" is nobody's idea of an explanation.

/** Some hosts hand back a bare status: the hub's refusals carry one. */
interface WithStatus {
  readonly status?: unknown;
}

export function statisticsFailure(error: unknown, live: boolean): string {
  const name = error instanceof Error ? error.name : '';
  const message = errorMessage(error);
  // Offline explains a failure to reach the hub; it must not hide the hub's own answer (a 401 at
  // a wall's start, while its link still says "connecting").
  const unreachable = hubUnreachable(error);
  if (name === 'TimeoutError' || /timed? ?out/i.test(message)) {
    return live ? 'The hub took too long to answer.' : 'The hub cannot be reached: this console is offline.';
  }
  if (unreachable)
    return live ? 'The hub cannot be reached.' : 'The hub cannot be reached: this console is offline.';
  // An answer that is not a report (an old or a foreign server) is not worth showing raw on a wall.
  if (name === 'ZodError' || name === 'SyntaxError')
    return 'The hub sent an answer this console cannot read.';
  const status = typeof error === 'object' && error !== null ? (error as WithStatus).status : undefined;
  if (status === 401) return 'The hub wants you to sign in again.';
  if (status === 403) return `The hub refused: ${message}`;
  if (status === 404) return 'This hub does not compute statistics yet: it needs updating.';
  if (typeof status === 'number') return `The hub refused: ${message}`;
  return message;
}
