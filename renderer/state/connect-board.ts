import type { FeedSubscription, SitroomApi } from '../../shared/api';
import type { BoardPatch } from '../../shared/feed/patch';
import type { FeedView } from '../../shared/feed/projection';
import { createFrameQueue, type FrameScheduler } from './frame-queue';

/**
 * Opens a feed for the page and hands its patches to `receive`, at most one batch per frame.
 */
export function connectBoard(
  api: SitroomApi,
  receive: (patches: ReadonlyArray<BoardPatch>) => void,
  schedule: FrameScheduler,
  view: FeedView,
): FeedSubscription {
  const queue = createFrameQueue<BoardPatch>(receive, schedule);
  return api.subscribe((batch) => {
    for (const patch of batch) queue.push(patch);
  }, view);
}
