import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { StatisticsBucket, StatisticsReport } from '../../shared/metrics/report';
import { browserTimeZone } from '../incident/dialogs/time-zones';
import { KeyHint } from '../keyboard/KeyHint';
import { returnToBoard } from '../state/view-store';
import {
  type ChartScale,
  CONSOLE_SCALE,
  DurationChart,
  HistogramChart,
  OpenedChart,
  ServicesChart,
  WALL_SCALE,
} from './StatisticsCharts';
import { CommandHint, StatisticsControls } from './StatisticsControls';
import { NoisiestServices, StatisticsHeadline } from './StatisticsHeadline';
import { headline, histogramRows, periodRows, topServices } from './statistics-charts';
import { formatAsOf, rangeCaption, zoneLabel } from './statistics-format';
import {
  DEFAULT_RANGE,
  dayBucketAllowed,
  effectiveBucket,
  queryDates,
  rangeBounds,
  stepRange,
} from './statistics-range';
import {
  chooseBucket,
  chooseRange,
  chooseTimeZone,
  type StatisticsStore,
  useStatisticsStore,
} from './statistics-store';
import { type StatisticsRequest, useStatisticsFeed, WALL_REFRESH_MS } from './use-statistics-feed';
import { useStatisticsKeys } from './use-statistics-keys';

/** Services shown in the by-service chart. */
const TOP_SERVICES = 8;
/** Noisiest services listed on a wall, where there is room for fewer rows. */
const WALL_NOISIEST = 5;

/**
 * How well the NOC responds, from the hub's event log: incidents opened, time to acknowledge and
 * resolve, where incidents and alerts come from. On a wall display (`wall`) it has no controls,
 * shows the last 7 days by day, asks again every minute and keeps the last good report on screen
 * when the hub cannot answer.
 */
export function StatisticsView({ wall = false }: { readonly wall?: boolean }) {
  const consoleZone = useMemo(() => browserTimeZone() ?? 'UTC', []);
  const store = useStatisticsStore();
  const request: StatisticsRequest = useMemo(
    () =>
      wall
        ? { choice: DEFAULT_RANGE, bucket: 'day', timeZone: consoleZone }
        : { choice: store.choice, bucket: store.bucket, timeZone: store.timeZone ?? consoleZone },
    [wall, store.choice, store.bucket, store.timeZone, consoleZone],
  );
  const refresh = useStatisticsFeed(request, wall ? WALL_REFRESH_MS : null);
  const heading = useRef<HTMLHeadingElement>(null);

  useLayoutEffect(() => {
    // A wall display is watched, not driven: it never takes focus.
    if (!wall) heading.current?.focus();
  }, [wall]);

  return (
    <section
      className={`statistics${wall ? ' statistics--wall' : ''}`}
      aria-labelledby="statistics-heading"
      data-testid="statistics-view"
      aria-busy={store.loading}
    >
      <header className="statistics__header">
        {wall ? null : (
          <button type="button" className="button button--quiet" onClick={returnToBoard}>
            ← Board <KeyHint chord="Escape" />
          </button>
        )}
        <h2
          id="statistics-heading"
          ref={heading}
          tabIndex={-1}
          // On a wall its header names the view already: the heading stays for screen readers.
          className={wall ? 'visually-hidden' : 'statistics__title'}
        >
          Statistics
        </h2>
        {wall && store.report !== null ? <ReportCaption report={store.report} /> : null}
        <StatisticsStatus store={store} wall={wall} onRefresh={refresh} />
      </header>
      {wall ? null : (
        <InteractiveControls
          store={store}
          timeZone={request.timeZone}
          consoleZone={consoleZone}
          onRefresh={refresh}
        />
      )}
      <StatisticsBody store={store} scale={wall ? WALL_SCALE : CONSOLE_SCALE} wall={wall} />
    </section>
  );
}

interface InteractiveControlsProps {
  readonly store: StatisticsStore;
  readonly timeZone: string;
  readonly consoleZone: string;
  readonly onRefresh: () => void;
}

/** The controls and the keys that drive them; a wall display has neither. */
function InteractiveControls({ store, timeZone, consoleZone, onRefresh }: InteractiveControlsProps) {
  const [customAsked, setCustomAsked] = useState(false);
  const fromInput = useRef<HTMLInputElement>(null);
  const bounds = rangeBounds(store.choice, Date.now(), timeZone);
  const bucket: StatisticsBucket = effectiveBucket(store.bucket, bounds.from, bounds.to);
  const daysAllowed = dayBucketAllowed(bounds.from, bounds.to);
  const customOpen = customAsked || store.choice.kind === 'custom';
  const openCustom = (): void => {
    setCustomAsked(true);
    // The form mounts with this render; focus its first date once it is there.
    requestAnimationFrame(() => fromInput.current?.focus());
  };

  useStatisticsKeys({
    stepRange: (step) => {
      setCustomAsked(false);
      chooseRange(stepRange(store.choice, step));
    },
    // Over 400 days the hub counts only weeks: b then leaves it by week (the Day button says why).
    toggleBucket: () => {
      if (daysAllowed) chooseBucket(bucket === 'day' ? 'week' : 'day');
    },
    refresh: onRefresh,
    custom: openCustom,
    escape: () => {
      const focused = document.activeElement;
      if (focused instanceof HTMLInputElement || focused instanceof HTMLSelectElement) {
        document.getElementById('statistics-heading')?.focus();
        return;
      }
      returnToBoard();
    },
  });

  return (
    <StatisticsControls
      choice={store.choice}
      bucket={bucket}
      timeZone={timeZone}
      consoleZone={consoleZone}
      customDates={queryDates(bounds.from, bounds.to, timeZone)}
      customOpen={customOpen}
      fromInput={fromInput}
      onChoose={(choice) => {
        if (choice.kind === 'preset') setCustomAsked(false);
        chooseRange(choice);
      }}
      onBucket={chooseBucket}
      daysAllowed={daysAllowed}
      onTimeZone={(zone) => chooseTimeZone(zone === consoleZone ? null : zone)}
      onOpenCustom={openCustom}
    />
  );
}

interface StatisticsStatusProps {
  readonly store: StatisticsStore;
  readonly wall: boolean;
  readonly onRefresh: () => void;
}

/** How fresh the report on screen is, and why it could not be refreshed. */
function StatisticsStatus({ store, wall, onRefresh }: StatisticsStatusProps) {
  const { report, loading, failure } = store;
  const asOf = report === null ? null : `as of ${formatAsOf(report.generatedAt)}`;
  return (
    <div className="statistics__status">
      {failure !== null ? (
        <p className="statistics__failure" role="alert" data-testid="statistics-failure">
          {report === null
            ? `Could not load the statistics. ${failure}`
            : `Could not refresh the statistics. ${failure} Showing the report ${asOf}.`}
        </p>
      ) : (
        <p className="statistics__freshness" role="status" data-testid="statistics-freshness">
          {loading ? (report === null ? 'Loading statistics…' : 'Updating…') : (asOf ?? '')}
        </p>
      )}
      {wall ? null : (
        // aria-disabled, not disabled: a disabled button drops the keyboard focus it holds.
        <button
          type="button"
          className="button"
          onClick={() => {
            if (!loading) onRefresh();
          }}
          aria-disabled={loading}
        >
          Refresh <CommandHint id="statistics.refresh" />
        </button>
      )}
    </div>
  );
}

interface StatisticsBodyProps {
  readonly store: StatisticsStore;
  readonly scale: ChartScale;
  readonly wall: boolean;
}

function StatisticsBody({ store, scale, wall }: StatisticsBodyProps) {
  const { report } = store;
  if (report === null) {
    return store.failure === null ? <p className="statistics__placeholder">Loading statistics…</p> : null;
  }
  return (
    <>
      {wall ? null : <ReportCaption report={report} />}
      {report.totals.incidents === 0 ? (
        <p className="statistics__empty" data-testid="statistics-empty">
          No incidents opened in this range.
        </p>
      ) : (
        <StatisticsReportView report={report} scale={scale} wall={wall} />
      )}
    </>
  );
}

/** What the report on screen covers: its own range, bucket and zone, whatever is being asked now. */
function ReportCaption({ report }: { readonly report: StatisticsReport }) {
  return (
    <p className="statistics__caption" data-testid="statistics-caption">
      Incidents opened {rangeCaption(report.query)}, per {report.query.bucket}, in{' '}
      {zoneLabel(report.query.timeZone, report.query.to)}
    </p>
  );
}

function StatisticsReportView({
  report,
  scale,
  wall,
}: {
  readonly report: StatisticsReport;
  readonly scale: ChartScale;
  readonly wall: boolean;
}) {
  const rows = useMemo(() => periodRows(report), [report]);
  const figures = headline(report);
  const bucket = report.query.bucket;
  if (wall) {
    // From across the room: the figures, the trend and the noise; the rest is for laptops.
    return (
      <div className="statistics__wall-layout">
        <StatisticsHeadline figures={figures} />
        <div className="statistics__grid statistics__grid--wall">
          <OpenedChart rows={rows} scale={scale} bucket={bucket} />
          <DurationChart rows={rows} scale={scale} bucket={bucket} kind="tta" />
          <NoisiestServices services={report.noisiestServices.slice(0, WALL_NOISIEST)} />
          <DurationChart rows={rows} scale={scale} bucket={bucket} kind="ttr" />
        </div>
      </div>
    );
  }
  const services = topServices(report.byService, TOP_SERVICES);
  return (
    <>
      <StatisticsHeadline figures={figures} />
      <div className="statistics__grid">
        <OpenedChart rows={rows} scale={scale} bucket={bucket} />
        <DurationChart rows={rows} scale={scale} bucket={bucket} kind="tta" />
        <DurationChart rows={rows} scale={scale} bucket={bucket} kind="ttr" />
        <ServicesChart rows={services.rows} more={services.more} scale={scale} />
        <HistogramChart
          title="Escalations per incident"
          valueName="Escalation levels paged"
          rows={histogramRows(report.escalationsPerIncident, 0)}
          mean={report.escalationsPerIncident.mean}
          scale={scale}
          testId="statistics-escalations"
        />
        <HistogramChart
          title="Alerts per incident"
          valueName="Alerts"
          rows={histogramRows(report.alertsPerIncident, 1)}
          mean={report.alertsPerIncident.mean}
          scale={scale}
          testId="statistics-alerts"
        />
        <NoisiestServices services={report.noisiestServices} />
      </div>
    </>
  );
}
