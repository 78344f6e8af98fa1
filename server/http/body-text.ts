/**
 * A JSON answer whose text the custom server (api-router.ts) writes as it is. A Response built
 * from a string makes a web stream for its body at once, about as costly as the rest of the
 * answer (issue 10); this one is built without a body and makes it only if something reads it
 * (a test, a wrapper that copies it), so through the server no stream is ever made. A registered
 * symbol, so every bundled copy of this module agrees; a Response built any other way (a wrapped
 * or copied one, a file) has none and is read through its stream.
 */
const BODY_TEXT = Symbol.for('sportello.bodyText');

class TextResponse extends Response {
  readonly [BODY_TEXT]: string;
  #read: Response | undefined;

  constructor(text: string, init: ResponseInit) {
    super(null, init);
    this[BODY_TEXT] = text;
  }

  /** The same answer as an ordinary Response, made once, the first time the body is wanted. */
  #withBody(): Response {
    return (this.#read ??= new Response(this[BODY_TEXT], {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    }));
  }

  override get body() {
    return this.#withBody().body;
  }
  override get bodyUsed() {
    return this.#read?.bodyUsed ?? false;
  }
  override text() {
    return this.#withBody().text();
  }
  override json() {
    return this.#withBody().json();
  }
  override arrayBuffer() {
    return this.#withBody().arrayBuffer();
  }
  override bytes() {
    return this.#withBody().bytes();
  }
  override blob() {
    return this.#withBody().blob();
  }
  override formData() {
    return this.#withBody().formData();
  }
  override clone(): Response {
    return this.#withBody().clone();
  }
}

export function textResponse(text: string, init: ResponseInit): Response {
  return new TextResponse(text, init);
}

/** The text `res` was built from, while its body is still unread. */
export function keptBodyText(res: Response): string | undefined {
  return res.bodyUsed ? undefined : (res as Response & { [BODY_TEXT]?: string })[BODY_TEXT];
}
