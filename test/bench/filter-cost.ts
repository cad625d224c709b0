import type { Incident } from '../../shared/domain';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../shared/feed/board-interpreter';
import { LabelCounts, labelAnswer } from '../../shared/feed/label-answer';
import type { BoardPatch } from '../../shared/feed/patch';
import { type PredictingBoard, receiveBatch, showFilter } from '../../shared/feed/predict-filter';
import { Projection } from '../../shared/feed/projection';
import { compileFilter } from '../../shared/filter/match-filter';
import { parseFilter } from '../../shared/filter/parse-filter';
import { alertWith, filterIncident } from '../support/filter-incidents';
import { projectionSource } from '../support/projection-source';
import { type BenchRow, writeResult } from './results';
import { round, summarise } from './stats';

// The filter's own cost at 10,000 incidents, in Node, without a browser: parsing and compiling a
// filter, running it over every incident, and the host's whole refilter (the projection deciding
// which rows start or stop being shown, and the page's interpreter applying that batch).

const INCIDENTS = 10_000;
const REPS = 200;
const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;

/** The filters timed: one of each kind of term, and the example from docs/filters.md. */
export const COST_FILTERS = [
  'sev:critical,major',
  'team:team-3',
  'service:svc-1*',
  'label:region=eu-*',
  'bench 12',
  'sev:critical,major status:open team:team-3 service:svc-* label:region=eu-west "incident" -acked',
] as const;

export function benchIncidents(count: number): Incident[] {
  return Array.from({ length: count }, (_, i) =>
    filterIncident({
      id: `INC-${i + 1}`,
      title: `Filter bench incident ${i} on svc-${i % 50}`,
      severity: SEVERITIES[i % 4] as Incident['severity'],
      services: [`svc-${i % 50}`],
      acknowledgedAt: i % 3 === 0 ? 1 : null,
      alerts: {
        f: alertWith({
          alertname: `bench-${i}`,
          team: `team-${i % 8}`,
          region: i % 2 ? 'eu-west' : 'us-east',
        }),
      },
    }),
  );
}

/**
 * Wall-clock samples of `run`, and its mean CPU time: on a shared machine the wall clock also
 * counts time this process waited for a core, the CPU time does not.
 */
function time(
  run: () => void,
  setUp: () => void = () => {},
): { readonly wall: number[]; readonly cpuMean: number } {
  const wall: number[] = [];
  let cpu = 0;
  for (let rep = 0; rep < REPS + 10; rep++) {
    setUp();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpuBefore);
    if (rep >= 10) {
      wall.push(performance.now() - started);
      cpu += (used.user + used.system) / 1000;
    }
  }
  return { wall, cpuMean: cpu / REPS };
}

const p50p95 = ({
  wall,
  cpuMean,
}: {
  readonly wall: ReadonlyArray<number>;
  readonly cpuMean: number;
}): string => {
  const summary = summarise(wall);
  return `${round(summary.p50, 2)} / ${round(summary.p95, 2)} (CPU mean ${round(cpuMean, 2)})`;
};

/** Keeps 1,250 of the 10,000: the rows that leave and come back on each swing. */
const NARROW = 'sev:critical team:team-4';

/** Parse + compile + match over 10,000 incidents, and the host's refilter with the page's interpreter. */
export function benchFilterCost(): BenchRow[] {
  const incidents = benchIncidents(INCIDENTS);
  const rows: BenchRow[] = [];
  for (const text of COST_FILTERS) {
    let kept = 0;
    const samples = time(() => {
      const parsed = parseFilter(text);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
      const keep = compileFilter(parsed.query);
      kept = 0;
      for (const incident of incidents) if (keep(incident, false)) kept += 1;
    });
    rows.push({
      benchmark: 'filter',
      case: `pure: ${text} (${kept} of ${INCIDENTS} kept)`,
      figure: 'parse + compile + match 10k, wall p50 / p95 ms',
      value: p50p95(samples),
    });
  }

  // The host's answer to the filter bar's completion question, on each key typed in a `team:` or
  // `label:` value. The first key of a question counts every open incident's alerts (labelAnswer,
  // and the projection's LabelCounts with nothing kept); the keys after it filter the kept counts.
  for (const [question, keys] of [
    [{ label: null, prefix: '' }, ['r', 're', 'reg', 'regi', 'regio', 'region']],
    [{ label: 'team', prefix: '' }, ['t', 'te', 'tea', 'team', 'team-', 'team-3']],
    // One value per incident: the most a kept list holds (10,000), the cached path's worst.
    [{ label: 'alertname', prefix: '' }, ['b', 'be', 'bench-', 'bench-9', 'bench-99', 'bench-999']],
  ] as const) {
    const asked = question.label === null ? 'names' : `${question.label} values`;
    const first = time(() => labelAnswer(incidents, question));
    const counts = new LabelCounts(() => incidents);
    const firstKept = time(
      () => counts.answer(question),
      () => counts.clear(),
    );
    let key = 0;
    const later = time(() => {
      key = (key + 1) % keys.length;
      counts.answer({ label: question.label, prefix: keys[key] ?? '' });
    });
    rows.push(
      {
        benchmark: 'filter',
        case: `label answer: ${asked}`,
        figure: `count over ${INCIDENTS} incidents, wall p50 / p95 ms`,
        value: p50p95(first),
      },
      {
        benchmark: 'filter',
        case: `label answer, first key (kept counts empty): ${asked}`,
        figure: `count over ${INCIDENTS} incidents, wall p50 / p95 ms`,
        value: p50p95(firstKept),
      },
      {
        benchmark: 'filter',
        case: `label answer, later keys (${keys.join(' ')}): ${asked}`,
        figure: 'kept counts filtered, wall p50 / p95 ms',
        value: p50p95(later),
      },
    );
  }

  // The host's side of a keystroke: setView with the new filter, the rows that change, and the
  // page's interpreter applying them, alternating a narrow filter and none (the widest swings).
  const source = projectionSource(incidents);
  let batch: BoardPatch[] = [];
  const projection = new Projection(source, { incidentId: null, user: null, filter: null }, (patch) =>
    batch.push(patch),
  );
  projection.start();
  let board = interpretPatches(INITIAL_BOARD, batch, 0);
  /** The filter typed, on the host's side: its setView, the patches kept for the page. */
  const refilter = (query: string | null): void => {
    batch = [];
    projection.setView({
      incidentId: null,
      user: null,
      filter: query === null ? null : { query, serviceTeams: [] },
    });
  };
  /** The page's interpreter applying what the host sent. */
  const interpret = (): void => {
    board = interpretPatches(board, batch, 0);
    batch = [];
  };
  const show = (query: string | null): void => {
    refilter(query);
    interpret();
  };
  let narrow = false;
  const samples = time(() => {
    narrow = !narrow;
    show(narrow ? NARROW : null);
  });
  rows.push({
    benchmark: 'filter',
    case: `host refilter + page interpreter: all ${INCIDENTS} ↔ ${NARROW}`,
    figure: 'setView → board state, wall p50 / p95 ms',
    value: p50p95(samples),
    budget: 'well under a frame',
  });
  for (const [shown, typed] of NARROWING_KEYS) {
    const whole = time(
      () => show(typed),
      () => show(shown),
    );
    // The host alone: the page's interpreter applies the batch before the next round, untimed.
    const host = time(
      () => refilter(typed),
      () => {
        interpret();
        show(shown);
      },
    );
    interpret();
    const case_ = `narrowing: ${shown} → ${typed}`;
    rows.push(
      {
        benchmark: 'filter',
        case: `host refilter, ${case_}`,
        figure: 'setView, wall p50 / p95 ms',
        value: p50p95(host),
      },
      {
        benchmark: 'filter',
        case: `host refilter + page interpreter, ${case_}`,
        figure: 'setView → board state, wall p50 / p95 ms',
        value: p50p95(whole),
        budget: 'well under a frame',
      },
    );
  }
  show(null);
  rows.push(
    ...pageAnswers(
      board,
      (query) => refilter(query),
      () => batch.splice(0),
    ),
  );
  return rows;
}

/** Typed key by key and erased, as the Chromium benchmark does; each prefix is a filter. */
const TYPED = 'bench 12';

/**
 * The page's own answer to a key it can decide (predict-filter.ts: showFilter) at 10,000 rows,
 * then the host's answer applied as the page receives it; by how many rows the key moved the board.
 */
function pageAnswers(
  start: BoardState,
  refilter: (query: string | null) => void,
  take: () => BoardPatch[],
): BenchRow[] {
  let page: PredictingBoard = { ...start, predicted: null, hostScope: start.scope };
  const keys = [
    ...Array.from({ length: TYPED.length }, (_, i) => TYPED.slice(0, i + 1)),
    ...Array.from({ length: TYPED.length }, (_, i) => TYPED.slice(0, TYPED.length - 1 - i)),
  ];
  const samples = new Map<string, number[]>();
  // The host's answer too: what the page does not do in the key's frame, it does when that comes.
  const answers = new Map<string, number[]>();
  for (let rep = 0; rep < REPS / 4 + 5; rep++)
    for (const key of keys) {
      const before = page.active.length;
      const started = performance.now();
      page = showFilter(page, key);
      const took = performance.now() - started;
      refilter(key.trim() === '' ? null : key);
      const patches = take();
      const answerStarted = performance.now();
      page = receiveBatch(page, patches, 0);
      const answerTook = performance.now() - answerStarted;
      const after = page.active.length;
      const kind = after < before ? 'narrowing' : after > before ? 'widening' : 'rows unchanged';
      if (rep >= 5) {
        samples.set(kind, [...(samples.get(kind) ?? []), took]);
        answers.set(kind, [...(answers.get(kind) ?? []), answerTook]);
      }
    }
  return [...samples].flatMap(([kind, wall]) => {
    const summary = summarise(wall);
    const answer = summarise(answers.get(kind) ?? []);
    const base = {
      benchmark: 'filter',
      case: `page answers the key itself, ${INCIDENTS} rows, typing and erasing ${TYPED}: ${kind} (${wall.length})`,
    };
    return [
      {
        ...base,
        figure: 'showFilter, wall p50 / p95 ms',
        value: `${round(summary.p50, 2)} / ${round(summary.p95, 2)}`,
      },
      {
        ...base,
        figure: "the host's answer then (receiveBatch), wall p50 / p95 ms",
        value: `${round(answer.p50, 2)} / ${round(answer.p95, 2)}`,
      },
    ];
  });
}

/**
 * Keys that only narrow the board: [the filter shown, the filter typed next]. The first shows all
 * 10,000, the second 1,250; each adds a text term, as typing on after a space does.
 */
export const NARROWING_KEYS = [
  ['bench', 'bench 12'],
  [NARROW, `${NARROW} bench 12`],
] as const;

/** The filter's Node-side cost alone (no hub, no Chromium): `npm run bench filter-cost`. */
export async function benchFilterCostOnly(): Promise<BenchRow[]> {
  const rows = benchFilterCost();
  writeResult('filter-cost', rows, { incidents: INCIDENTS, reps: REPS });
  return rows;
}
