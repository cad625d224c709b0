import { useNow } from '../state/clock-store';
import { formatCountdown } from './escalation-text';

/**
 * Time left until `at`, ticking with the console's shared one-second clock. The deadline is the
 * hub's (escalation.nextLevelAt, folded from the last page), so every console counts to the same
 * instant and a page event moves it at once. Past it, "due now" until the hub's page arrives.
 */
export function Countdown({ at }: { readonly at: number }) {
  // The shared clock ticks on whole seconds; a new deadline can arrive between ticks, when that
  // clock is up to a second behind: reading the time now keeps "0:12" from showing as "0:13".
  const left = at - Math.max(useNow(), Date.now());
  const time = (
    <time className="countdown" dateTime={new Date(at).toISOString()} data-testid="escalation-countdown">
      {left > 0 ? formatCountdown(left) : 'due now'}
    </time>
  );
  return left > 0 ? <>in {time}</> : time;
}
