import { HubRequestError } from '../../shared/hub-client';

// What the renderer hears when a call fails. Main-side failures can carry file paths, stack
// fragments or library jargon ("fetch failed"); only messages written for a person cross to the
// page, everything else becomes a plain sentence and the details go to the main-process log.

/** A failure whose message is written for the person at the console and is shown as it is. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

export const HUB_UNREACHABLE = 'The hub could not be reached. Check that it is running, then try again.';
export const UNEXPECTED_FAILURE = 'Sitroom could not do that. The details are in its log.';

/** The sentence to give the page for a failure. */
export function messageForPage(error: unknown): string {
  // HubRequestError carries the hub's own explanation ("There is no incident INC-9.").
  if (error instanceof UserFacingError || error instanceof HubRequestError) return error.message;
  if (isUnreachable(error)) return HUB_UNREACHABLE;
  return UNEXPECTED_FAILURE;
}

/** Network failures of fetch (refused, reset, DNS) and the client's own timeouts. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** The failure as one log line, with its cause when there is one (undici hides ECONNREFUSED there). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
