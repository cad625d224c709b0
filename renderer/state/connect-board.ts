import type { ReplicaMessage, SitroomApi, Unsubscribe } from '../../shared/api';
import { createFrameQueue, type FrameScheduler } from './frame-queue';

/** Feeds the host's replica messages to `receive`, at most one batch per frame. */
export function connectBoard(
  api: SitroomApi,
  receive: (messages: ReadonlyArray<ReplicaMessage>) => void,
  schedule: FrameScheduler,
): Unsubscribe {
  const queue = createFrameQueue<ReplicaMessage>(receive, schedule);
  return api.subscribe((message) => queue.push(message));
}
