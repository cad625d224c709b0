import { useCallback, useEffect, useRef } from 'react';
import type { StatisticsBucket } from '../../shared/metrics/report';
import { useSitroomApi } from '../api-context';
import { useBoardStore } from '../state/board-store';
import type { RangeChoice } from './statistics-range';
import { statisticsQuery } from './statistics-range';
import { hasFreshReport, loadStatistics } from './statistics-store';

export interface StatisticsRequest {
  readonly choice: RangeChoice;
  readonly bucket: StatisticsBucket | null;
  readonly timeZone: string;
}

/** A wall display asks again this often; its charts stay up between answers. */
export const WALL_REFRESH_MS = 60_000;

/**
 * Keeps the report in step with the request: asked when the view opens, when the range, bucket
 * or zone change, when the link to the hub comes back, every `refreshEveryMs` if given, and on
 * demand (the returned function). "Last 7 days" ends now, so each ask recomputes the range.
 */
export function useStatisticsFeed(request: StatisticsRequest, refreshEveryMs: number | null): () => void {
  const api = useSitroomApi();
  const live = useBoardStore((state) => state.connection.status === 'live');
  const current = useRef({ request, live });
  current.current = { request, live };

  const refresh = useCallback(() => {
    const { request: asked, live: isLive } = current.current;
    const query = statisticsQuery(asked.choice, asked.bucket, Date.now(), asked.timeZone);
    void loadStatistics(api, query, isLive);
  }, [api]);

  // A wall rotates back to this view every minute or so: a report of the same range from the
  // last minute is shown again instead of asking the hub to read its log once more.
  const mounted = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request and the link coming back are cues to ask again; refresh reads them through the ref.
  useEffect(() => {
    const { request: asked } = current.current;
    const now = Date.now();
    const firstAsk = !mounted.current;
    mounted.current = true;
    if (firstAsk && hasFreshReport(statisticsQuery(asked.choice, asked.bucket, now, asked.timeZone), now))
      return;
    refresh();
  }, [refresh, request.choice, request.bucket, request.timeZone, live]);

  useEffect(() => {
    if (refreshEveryMs === null) return;
    const timer = setInterval(refresh, refreshEveryMs);
    return () => clearInterval(timer);
  }, [refresh, refreshEveryMs]);

  return refresh;
}
