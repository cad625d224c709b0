import { z } from 'zod';
import { type Command, type CommandAnswer, commandIdSchema, commandSchema } from '../../../shared/commands';
import { feedIdSchema, feedViewSchema } from '../../../shared/feed/feed-view-schema';
import type { BoardPatch } from '../../../shared/feed/patch';
import type { FeedView } from '../../../shared/feed/projection';

// What a browser page and the console's worker say to each other over postMessage. The page
// reads the token (localStorage, the address) and hands it over: a worker has no localStorage.
// Everything a page sends is checked here, at the worker's edge.

const tokenSchema = z.string().min(1).max(4096).nullable();

/** The name of the Web Lock a page holds while it lives. */
export const PAGE_LOCK_PREFIX = 'sitroom-page-';
const pageLockSchema = z.string().regex(/^sitroom-page-[A-Za-z0-9]{8,64}$/);

export const pageMessageSchema = z.discriminatedUnion('kind', [
  /** The first message from a page: which hub, which console, and the token it has. */
  z.strictObject({
    kind: z.literal('hello'),
    hubUrl: z.url(),
    clientId: z.string().min(1).max(200),
    token: tokenSchema,
  }),
  /** The page signed in or out (or saw another tab do it). */
  z.strictObject({ kind: z.literal('token'), token: tokenSchema }),
  z.strictObject({ kind: z.literal('open'), feedId: feedIdSchema, view: feedViewSchema }),
  z.strictObject({ kind: z.literal('view'), feedId: feedIdSchema, view: feedViewSchema }),
  z.strictObject({ kind: z.literal('close'), feedId: feedIdSchema }),
  z.strictObject({ kind: z.literal('command'), callId: z.number().int().min(0), command: commandSchema }),
  /** The operator read a refusal: every tab stops showing it. */
  z.strictObject({ kind: z.literal('dismiss'), commandId: commandIdSchema }),
  /** The page is going away: keep the picture now and close its feeds. */
  z.strictObject({ kind: z.literal('bye') }),
  /**
   * The page holds this Web Lock for as long as it lives: once the worker is granted it, the page
   * is gone (also when it crashed or was killed, and so never said bye).
   */
  z.strictObject({ kind: z.literal('alive'), lock: pageLockSchema }),
  /** How many pages and feeds the worker serves (support, and the tests that a dead tab's go). */
  z.strictObject({ kind: z.literal('diagnostics'), callId: z.number().int().min(0) }),
]);

export type PageMessage =
  | {
      readonly kind: 'hello';
      readonly hubUrl: string;
      readonly clientId: string;
      readonly token: string | null;
    }
  | { readonly kind: 'token'; readonly token: string | null }
  | { readonly kind: 'open'; readonly feedId: number; readonly view: FeedView }
  | { readonly kind: 'view'; readonly feedId: number; readonly view: FeedView }
  | { readonly kind: 'close'; readonly feedId: number }
  | { readonly kind: 'command'; readonly callId: number; readonly command: Command }
  | { readonly kind: 'dismiss'; readonly commandId: string }
  | { readonly kind: 'bye' }
  | { readonly kind: 'alive'; readonly lock: string }
  | { readonly kind: 'diagnostics'; readonly callId: number };

/** What the worker serves: pages it believes alive, and their feeds (each costs work per patch). */
export interface WorkerDiagnostics {
  readonly pages: number;
  readonly feeds: number;
}

export type WorkerMessage =
  | { readonly kind: 'patches'; readonly feedId: number; readonly patches: ReadonlyArray<BoardPatch> }
  | { readonly kind: 'answer'; readonly callId: number; readonly answer: CommandAnswer }
  | ({ readonly kind: 'diagnostics'; readonly callId: number } & WorkerDiagnostics)
  /**
   * A page's message the worker refused (a bug, or a page of another version). `callId`: the
   * command's, when the refused message was one, so the page fails it as the desktop's IPC does
   * instead of waiting for an answer that will never come.
   */
  | { readonly kind: 'refused'; readonly reason: string; readonly callId?: number };

/** The callId of a message that looks like a command, however wrong the rest of it is. */
export function callIdOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind, callId } = data as { kind?: unknown; callId?: unknown };
  return kind === 'command' && Number.isSafeInteger(callId) ? (callId as number) : undefined;
}

/** Either end of a MessagePort, a dedicated Worker, or a dedicated worker's own global scope. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}
