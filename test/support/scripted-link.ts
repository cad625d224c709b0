import type { Command, CommandAnswer } from '../../shared/commands';
import type { Hello, SyncStart } from '../../shared/protocol';
import type { ReplicaTransport, TransportHandlers } from '../../shared/replica-link';

/** A replica's link with the test playing the hub: hellos are answered by `answer`. */
export class ScriptedLink implements ReplicaTransport {
  handlers: TransportHandlers | null = null;
  readonly hellos: Hello[] = [];
  answer: (hello: Hello) => SyncStart = () => ({
    kind: 'snapshot',
    snapshot: { hubId: 'hub-a', seq: 0, incidents: [] },
  });
  command: (command: Command) => Promise<CommandAnswer> = () => Promise.reject(new Error('not used here'));
  /** How many times the replica asked to connect again (a new token). */
  reconnects = 0;
  start(handlers: TransportHandlers): void {
    this.handlers = handlers;
  }
  hello(hello: Hello): Promise<SyncStart> {
    this.hellos.push(hello);
    return Promise.resolve(this.answer(hello));
  }
  reconnect(): void {
    this.reconnects += 1;
  }
  stop(): void {}
}

/** Lets promise callbacks and zero-delay timers run. */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
