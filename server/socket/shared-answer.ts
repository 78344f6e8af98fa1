import { Socket } from 'socket.io';
import type { SharedJson } from '../realtime/shared-json';

/**
 * A subscription's answer made of an object shared by many screens (a display's snapshot) and a
 * few fields of this socket's own (the clock): acknowledged as `{ ok: true, data }` like any other.
 *
 * Why: a waiting room's 2,000 displays reconnecting after a restart each got the snapshot
 * (40–100 KB of JSON) serialized for itself — a JSON string, its flattened copy and its UTF-8
 * bytes per socket, 350 MB of garbage in one storm, which the heap kept (issue 10). Over
 * WebSocket the answer is now sent as one frame of two buffers: a small head of this socket's own
 * (frame header, acknowledgement id, its own fields) and the shared object's bytes, made once and
 * written to every socket, as socket.io's adapter does for a broadcast.
 */
export class SharedAnswer<A extends object> {
  /** Only the answer's type (nothing at run time): a handler cannot return another subscription's answer. */
  declare private readonly answer: A;

  private constructor(
    readonly shared: SharedJson<object>,
    readonly own: object,
  ) {}

  static of<A extends object, K extends keyof A>(shared: SharedJson<Omit<A, K>>, own: Pick<A, K>): SharedAnswer<A> {
    return new SharedAnswer<A>(shared, own);
  }

  /** The acknowledgement as a plain object, for a transport that is not WebSocket (long polling). */
  plain(): { ok: true; data: A } {
    return { ok: true, data: { ...this.own, ...this.shared.value } as A };
  }
}

/** socket.io's packet type of an acknowledgement, and engine.io's of a message. */
const ACK = 3;
const MESSAGE = '4';

/** The shared object's part of every frame: its JSON without the opening brace, and the closing `}]`. */
const tails = new WeakMap<SharedJson<object>, { text: string; bytes: Buffer }>();

function tailOf(shared: SharedJson<object>): { text: string; bytes: Buffer } {
  let tail = tails.get(shared);
  if (!tail) {
    const text = `${shared.json.slice(1)}}]`;
    tails.set(shared, (tail = { text, bytes: Buffer.from(text) }));
  }
  return tail;
}

/** An unmasked, final WebSocket text frame's header for `length` payload bytes, then `text`. */
function frameHead(text: string, length: number): Buffer {
  const textBytes = Buffer.byteLength(text);
  const headerBytes = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const b = Buffer.allocUnsafe(headerBytes + textBytes);
  b[0] = 0x81;
  if (length < 126) b[1] = length;
  else if (length < 65536) {
    b[1] = 126;
    b.writeUInt16BE(length, 2);
  } else {
    b[1] = 127;
    b.writeBigUInt64BE(BigInt(length), 2);
  }
  b.write(text, headerBytes);
  return b;
}

type Packet = { type: number; id?: number; data?: unknown[] };
/** The parts of socket.io's Socket and Client used here (not in their public types). */
type Internals = {
  packet(packet: Packet, opts?: object): void;
  nsp: { name: string };
  client: { _packet(encoded: string, opts: { preEncoded: true; wsPreEncodedFrame: Buffer[] }): void };
};

/**
 * socket.io's writer of a socket's packets. The acknowledgement callbacks it gives the handlers
 * call it with the acknowledgement id, which they keep to themselves: it is replaced, per socket,
 * by sharedPacket, which needs that id.
 */
const socketPacket = (Socket.prototype as unknown as Internals).packet;

function sharedPacket(this: Internals, packet: Packet, opts?: object): void {
  const answer = packet.type === ACK && packet.data?.length === 1 ? packet.data[0] : undefined;
  if (!(answer instanceof SharedAnswer) || packet.id === undefined) return socketPacket.call(this, packet, opts);
  const tail = tailOf(answer.shared);
  const own = JSON.stringify(answer.own);
  const comma = own !== '{}' && tail.text !== '}}]' ? ',' : '';
  const nsp = this.nsp.name === '/' ? '' : `${this.nsp.name},`;
  // What socket.io's encoder would write: `3`, the namespace, the id, then the arguments' JSON.
  const head = `${ACK}${nsp}${packet.id}[{"ok":true,"data":${own.slice(0, -1)}${comma}`;
  const frame = [frameHead(MESSAGE + head, Buffer.byteLength(MESSAGE + head) + tail.bytes.length), tail.bytes];
  // engine.io writes the frame as it is over WebSocket (without per-message deflate, which is
  // off); another transport encodes the text: head and tail joined, only then.
  this.client._packet(head + tail.text, { preEncoded: true, wsPreEncodedFrame: frame });
}

/** Lets the socket's acknowledgements carry a SharedAnswer (see above). */
export function acceptSharedAnswers(socket: Socket): void {
  (socket as unknown as Internals).packet = sharedPacket;
}
