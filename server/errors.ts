/** A refusal the client can act on; the HTTP layer turns it into `{error: {code, message}}`. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
/** Well-formed input that the data refuses (an unknown office, a service of another office). */
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);
export const forbidden = (message = 'Your role does not allow this action') => new AppError(403, 'forbidden', message);
export const unauthorized = () => new AppError(401, 'unauthorized', 'Please log in');
