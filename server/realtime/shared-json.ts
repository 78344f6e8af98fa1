/**
 * An object many screens receive alike (a display's snapshot, to every screen of a waiting room
 * reconnecting after a restart), turned into JSON once for all of them: the socket layer sends
 * its bytes to each screen (socket/shared-answer.ts) instead of serializing one copy per socket.
 */
export class SharedJson<T extends object> {
  #json: string | undefined;

  constructor(readonly value: T) {}

  get json(): string {
    return (this.#json ??= JSON.stringify(this.value));
  }
}
