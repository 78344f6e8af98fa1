/**
 * A JSON answer's text kept on its Response, so the custom server (api-router.ts) writes the
 * string as it is instead of reading it back through the Response's body stream: about 30 µs of
 * the ~100 µs each API request spends in the WHATWG layer (issue 10). A registered symbol, so
 * every bundled copy of this module agrees; a Response built any other way (a wrapped or copied
 * one, a file) has none and is read as before.
 */
const BODY_TEXT = Symbol.for('sportello.bodyText');

type WithText = Response & { [BODY_TEXT]?: string };

export function keepBodyText(res: Response, text: string): Response {
  (res as WithText)[BODY_TEXT] = text;
  return res;
}

/** The text `res` was built from, while its body stream is still unread. */
export function keptBodyText(res: Response): string | undefined {
  return res.bodyUsed ? undefined : (res as WithText)[BODY_TEXT];
}
