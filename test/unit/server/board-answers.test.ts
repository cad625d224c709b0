import { describe, expect, it } from 'vitest';
import {
  type BoardWaiter,
  boardAnswers,
  SUPERSEDED,
  type WaitingSocket,
} from '../../../server/sync/board-answers';
import { JsonText } from '../../../server/sync/events-encoder';
import { dictOf } from '../../../shared/dict';
import type { Incident } from '../../../shared/domain';
import type { HelloAnswer } from '../../../shared/protocol';
import { until } from '../../support/until';

// Consoles given the whole board: older consoles (the board inside their answer) are answered one
// a turn of the event loop, so by a console's turn its link may have said hello again.

const board = [
  { id: 'INC-1', title: 'Disk full', status: 'investigating', resolvedAt: null, alerts: dictOf({}) },
];

function hubOf() {
  const joined: string[] = [];
  const sent: Array<{ ids: string[]; event: string }> = [];
  const answers = boardAnswers<WaitingSocket>({
    emitTo: (ids, event) => sent.push({ ids: [...ids], event }),
    join: (socket) => joined.push(socket.id),
    take: () => ({
      hubId: 'hub',
      seq: 5,
      incidents: board as unknown as Incident[],
      checkpoint: { seq: 5, checksum: 'c' },
    }),
    seq: () => 5,
    checkpoint: () => ({ seq: 5, checksum: 'c' }),
    status: () => ({ store: 'ok' }),
    recentAfter: () => [],
    unsentBytes: () => 0,
    cut: () => {},
    now: () => 1_000,
    print: () => {},
  });
  return { answers, joined, sent };
}

/** A console's hello for the board on link `id` (older: no `snapshotApart`), and its answers. */
function consoleAsking(id: string, { apart = false, onAnswer = () => {} } = {}) {
  const got: Array<HelloAnswer | JsonText> = [];
  const link = { current: true };
  const socket = { id, connected: true, data: { user: { id: 'u' } }, emit: () => true };
  const waiter: BoardWaiter = {
    socket,
    answer: (start) => {
      got.push(start);
      onAnswer();
    },
    apart,
    hello: 1,
    current: () => link.current,
  };
  return { waiter, got, link, socket };
}

describe('board answers', () => {
  it('sends no board to an older console whose link said hello again before its turn', async () => {
    const { answers, joined } = hubOf();
    const third = consoleAsking('c');
    // While a is answered, console c gives up on its hello and says another (answered on its own).
    const first = consoleAsking('a', {
      onAnswer: () => {
        third.link.current = false;
      },
    });
    const second = consoleAsking('b');
    answers.ask(first.waiter);
    answers.ask(second.waiter);
    answers.ask(third.waiter);
    await until(() => third.got.length > 0, 'console c to be answered');

    expect(jsonOf(first.got[0])).toContain('"kind":"snapshot"');
    expect(jsonOf(second.got[0])).toContain('"kind":"snapshot"');
    expect(third.got).toEqual([SUPERSEDED]);
    expect(joined).toEqual(['a', 'b']);
  });

  it('broadcasts the board once to the consoles that take it apart and are still there', async () => {
    const { answers, joined, sent } = hubOf();
    const stays = consoleAsking('a', { apart: true });
    const leaves = consoleAsking('b', { apart: true });
    answers.ask(stays.waiter);
    answers.ask(leaves.waiter);
    leaves.socket.connected = false; // gone while the board was made
    await until(() => stays.got.length > 0, 'console a to be answered');
    expect(sent).toEqual([{ ids: ['a'], event: 'sync:snapshot' }]);
    expect(stays.got).toEqual([{ kind: 'snapshot-sent', userId: 'u' }]);
    expect(leaves.got).toEqual([]);
    expect(joined).toEqual(['a']);
  });
});

const jsonOf = (answer: HelloAnswer | JsonText | undefined): string =>
  answer instanceof JsonText ? answer.json : JSON.stringify(answer);
