import { afterEach, describe, expect, it } from 'vitest';
import { setRuntime, type Io, type Runtime } from '../../server/runtime';
import { publishTicketStatus, TICKET_CHANGED } from '../../server/tickets/snapshot';

/** socket.io as far as publishTicketStatus uses it: messages to the other processes, and no phone here. */
function fakeIo() {
  const told: unknown[][] = [];
  const io = {
    serverSideEmit: (event: string, ...args: unknown[]) => told.push([event, ...args]),
    of: () => ({ adapter: { rooms: new Map() } }),
  };
  setRuntime({ io: io as unknown as Io } as Runtime);
  return told;
}

const nextTurn = () => new Promise((r) => setImmediate(r));

afterEach(() => setRuntime(undefined));

describe('telling the other processes that tickets changed', () => {
  it('sends the codes of one turn in one message, each once, and those of the next turn in another', async () => {
    const told = fakeIo();
    await Promise.all(['A1', 'B2', 'A1'].map((code) => publishTicketStatus(code)));
    expect(told).toEqual([]); // at the end of the turn, not per change
    await nextTurn();
    expect(told).toEqual([[TICKET_CHANGED, ['A1', 'B2']]]);
    await publishTicketStatus('C3');
    await nextTurn();
    expect(told).toEqual([
      [TICKET_CHANGED, ['A1', 'B2']],
      [TICKET_CHANGED, ['C3']],
    ]);
    await nextTurn();
    expect(told).toHaveLength(2); // nothing more to tell
  });
});
