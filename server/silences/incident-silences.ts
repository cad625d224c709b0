import type { SitroomConfig } from '../../shared/config/types';
import type { Alert, Incident } from '../../shared/domain';
import { type MatcherCompiler, matchesLabels, type SilenceMatcher } from '../../shared/silences/matchers';
import { alertIntegrations, alertsFrom } from '../../shared/silences/silence-targets';
import type { IncidentSilence, IncidentSilences } from '../../shared/silences/silence-view';
import { type ApiOptions, DEFAULT_API_OPTIONS, listSilences } from './alertmanager-api';
import { compileLinear } from './linear-regex';

// GET /api/v1/incidents/:id/silences: the silences in force on an incident's alerts, asked of each
// Alertmanager its alerts came from, so silences made elsewhere (amtool, karma, the Alertmanager
// UI) show too and one that ended by itself is gone. An Alertmanager that cannot be asked is
// named in `unreachable` rather than failing the whole answer.
//
// Which alerts each silence covers used to be found by testing every alert against every
// silence, compiling each regex matcher anew for each alert: an incident of 5,000 alerts beside
// 5,000 silences held the hub's thread for seconds per listing. Now alerts are indexed by exact
// label value (built per label name when first asked), a silence with an `name="value"` matcher
// is tested only against the alerts carrying that value, and each regex is compiled once.

export async function incidentSilences(
  incident: Incident,
  config: Pick<SitroomConfig, 'integrations'>,
  options: ApiOptions = DEFAULT_API_OPTIONS,
): Promise<IncidentSilences> {
  const unreachable: string[] = [];
  const silences: IncidentSilence[] = [];
  await Promise.all(
    alertIntegrations(incident).map(async (id) => {
      const api = config.integrations.find((entry) => entry.id === id)?.api;
      if (!api) return;
      const alerts = new AlertIndex(alertsFrom(incident, [id]));
      try {
        for (const silence of await listSilences({ id, api }, [], options)) {
          if (silence.status.state !== 'active' && silence.status.state !== 'pending') continue;
          const matchers = silence.matchers.map((matcher) => ({
            ...matcher,
            isEqual: matcher.isEqual ?? true,
          }));
          const covered = alerts.covered(matchers);
          if (covered.length === 0) continue;
          silences.push({
            integration: id,
            id: silence.id,
            state: silence.status.state,
            matchers,
            startsAt: silence.startsAt,
            endsAt: silence.endsAt,
            createdBy: silence.createdBy,
            comment: silence.comment,
            alerts: covered.map((alert) => alert.fingerprint),
          });
        }
      } catch (error) {
        unreachable.push(error instanceof Error ? error.message : String(error));
      }
    }),
  );
  silences.sort((a, b) => (a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : 0));
  return { silences, unreachable };
}

/** An incident's alerts from one Alertmanager, for finding those a silence covers. */
export class AlertIndex {
  /** label name → value → the alerts carrying it, in the incident's order. */
  private readonly byLabel = new Map<string, Map<string, Alert[]>>();
  /** One compiled RegExp per matcher value, whichever silence and alert it is tested on. */
  private readonly patterns = new Map<string, RegExp | null>();
  /** Alerts tested against a silence's matchers so far (the work a listing does). */
  tested = 0;
  private readonly compile: MatcherCompiler = (source) => {
    let pattern = this.patterns.get(source);
    if (pattern === undefined) {
      pattern = this.compileOnce(source);
      this.patterns.set(source, pattern);
    }
    return pattern;
  };

  constructor(
    private readonly alerts: ReadonlyArray<Alert>,
    private readonly compileOnce: MatcherCompiler = compileLinear,
  ) {}

  /** The alerts `matchers` select, in the incident's order. */
  covered(matchers: ReadonlyArray<SilenceMatcher>): Alert[] {
    // The fewest candidates an exact matcher allows; `name=""` also matches alerts without the
    // label, so it narrows nothing.
    let candidates = this.alerts;
    for (const matcher of matchers) {
      const values = matcher.isEqual ? exactValues(matcher) : null;
      if (values === null || values.includes('')) continue;
      const carrying =
        values.length === 1
          ? this.withLabel(matcher.name, values[0] ?? '')
          : this.withAnyOf(matcher.name, values);
      if (carrying.length < candidates.length) candidates = carrying;
    }
    this.tested += candidates.length;
    return candidates.filter((alert) => matchesLabels(matchers, alert.labels, this.compile));
  }

  /** The alerts whose label `name` is one of `values`, in the incident's order. */
  private withAnyOf(name: string, values: ReadonlyArray<string>): ReadonlyArray<Alert> {
    const hits = new Set<Alert>();
    for (const value of new Set(values)) for (const alert of this.withLabel(name, value)) hits.add(alert);
    if (hits.size === 0) return [];
    const position = this.positions();
    return [...hits].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  }

  private order: Map<Alert, number> | null = null;

  private positions(): Map<Alert, number> {
    this.order ??= new Map(this.alerts.map((alert, index) => [alert, index]));
    return this.order;
  }

  private withLabel(name: string, value: string): ReadonlyArray<Alert> {
    let values = this.byLabel.get(name);
    if (!values) {
      values = new Map();
      for (const alert of this.alerts) {
        if (!Object.hasOwn(alert.labels, name)) continue;
        const label = alert.labels[name] ?? '';
        const list = values.get(label);
        if (list) list.push(alert);
        else values.set(label, [alert]);
      }
      this.byLabel.set(name, values);
    }
    return values.get(value) ?? [];
  }
}

/**
 * The exact values a matcher accepts when it names them: `name="v"`, or `name=~"a|b|c"` made of
 * literals only (what Sitroom derives from an incident's alerts); null when it is a real pattern.
 */
function exactValues(matcher: SilenceMatcher): string[] | null {
  if (!matcher.isRegex) return [matcher.value];
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < matcher.value.length; i++) {
    const char = matcher.value[i] as string;
    if (char === '\\') {
      const next = matcher.value[i + 1];
      // Only an escaped metacharacter is a literal; \d, \w and the like are classes.
      if (next === undefined || !REGEX_META.has(next)) return null;
      current += next;
      i++;
    } else if (char === '|') {
      values.push(current);
      current = '';
    } else if (REGEX_META.has(char)) return null;
    else current += char;
  }
  values.push(current);
  return values;
}

const REGEX_META = new Set(['\\', '.', '^', '$', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
