import { setFlagsFromString } from 'node:v8';

// Silence matchers come from Alertmanager (anyone who can use its UI or amtool) and are tested
// against label values, which are alert text. Alertmanager runs them with RE2, in linear time;
// V8's default engine backtracks, so `instance=~"(a+)+"` against forty a's and a "!" held the
// hub's only thread for hours: every console, ingest and escalation stopped. V8's linear engine
// (the `l` flag, no backreferences or lookarounds: what RE2 takes anyway) cannot backtrack.

setFlagsFromString('--enable-experimental-regexp-engine');

/**
 * A matcher value anchored as Alertmanager anchors it, compiled for the linear-time engine; null
 * when it cannot run in linear time (or is not a regex): then it is taken to match nothing.
 */
export function compileLinear(source: string): RegExp | null {
  try {
    return new RegExp(`^(?:${source})$`, 'l');
  } catch {
    return null;
  }
}
