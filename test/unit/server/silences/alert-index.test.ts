import { describe, expect, it } from 'vitest';
import { AlertIndex } from '../../../../server/silences/incident-silences';
import { compileLinear } from '../../../../server/silences/linear-regex';
import type { Alert } from '../../../../shared/domain';
import { escapeRegex, matchesLabels, type SilenceMatcher } from '../../../../shared/silences/matchers';
import { forEachSeed, type Random } from '../../../support/seeded-random';

// Listing an incident's silences tested every alert against every silence and compiled each regex
// matcher again for each alert: 5,000 alerts beside 5,000 silences held the hub for seconds. The
// index narrows each silence to the alerts an exact matcher allows and compiles a regex once; it
// must find exactly the alerts the plain test finds.

const alert = (i: number, labels: Record<string, string>): Alert =>
  ({ fingerprint: `f${i}`, source: 'alertmanager', status: 'firing', integration: 'am', labels }) as Alert;

const eq = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: false, isEqual: true });
const re = (name: string, value: string, isEqual = true): SilenceMatcher => ({
  name,
  value,
  isRegex: true,
  isEqual,
});
const ne = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: false, isEqual: false });

const VALUES = ['', 'a', 'b', 'a.b', 'a|b', 'x1', 'x2', '(c)'];
const NAMES = ['alertname', 'instance', 'job'];

function randomAlerts(random: Random): Alert[] {
  return Array.from({ length: random.int(0, 40) }, (_, i) => {
    const labels: Record<string, string> = {};
    for (const name of NAMES) if (random.next() < 0.8) labels[name] = random.pick(VALUES);
    return alert(i, labels);
  });
}

function randomMatcher(random: Random): SilenceMatcher {
  const name = random.pick(NAMES);
  switch (random.int(0, 6)) {
    case 0:
      return eq(name, random.pick(VALUES));
    case 1:
      return ne(name, random.pick(VALUES));
    case 2:
      // An alternation of literals, as Sitroom derives it (sometimes with an empty alternative).
      return re(name, [random.pick(VALUES), random.pick(VALUES)].map(escapeRegex).join('|'));
    case 3:
      return re(name, random.pick(['x\\d', 'a.*', '.*', 'a|b|', '\\.', 'x[12]', '(a)|b']));
    case 4:
      return re(name, random.pick(VALUES.map(escapeRegex)), false);
    case 5:
      return re(name, `${escapeRegex(random.pick(VALUES))}|${escapeRegex(random.pick(VALUES))}`, false);
    default:
      return eq(name, random.pick(VALUES.slice(1)));
  }
}

describe('AlertIndex', () => {
  it('finds exactly the alerts every matcher selects, in the incident order', () => {
    forEachSeed(300, (random) => {
      const alerts = randomAlerts(random);
      const index = new AlertIndex(alerts);
      for (let s = 0; s < 10; s++) {
        const matchers = Array.from({ length: random.int(1, 3) }, () => randomMatcher(random));
        const expected = alerts.filter((each) => matchesLabels(matchers, each.labels, compileLinear));
        expect(index.covered(matchers).map((each) => each.fingerprint)).toEqual(
          expected.map((each) => each.fingerprint),
        );
      }
    });
  });

  it('tests a silence only against the alerts its exact matchers allow, compiling each regex once', () => {
    const alerts = Array.from({ length: 2_000 }, (_, i) =>
      alert(i, { alertname: `Alert${i % 500}`, instance: `host-${i}`, job: 'node' }),
    );
    let compiled = 0;
    const index = new AlertIndex(alerts, (source) => {
      compiled += 1;
      return compileLinear(source);
    });
    let covered = 0;
    for (let k = 0; k < 2_000; k++) {
      const matchers =
        k % 2 === 0
          ? [eq('alertname', `Alert${k % 500}`), re('instance', 'host-.*')]
          : [re('alertname', `Alert${k % 500}|Alert${(k + 1) % 500}`), eq('job', 'node')];
      covered += index.covered(matchers).length;
    }
    expect(covered).toBe(1_000 * 4 + 1_000 * 8);
    // Each silence meets the 4 or 8 alerts it covers, not all 2,000 (4,000,000 tests in all).
    expect(index.tested).toBe(covered);
    // One compile per distinct pattern: "host-.*", and none for the literal alternations, which
    // are looked up instead — they are still compiled once each for the final check.
    expect(compiled).toBeLessThanOrEqual(1 + 1_000);
  });
});
