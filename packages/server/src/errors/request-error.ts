import { Auth0Error } from './auth0-error.js';

/**
 * The authorization server could not be reached, did not answer within `httpTimeout`, or answered
 * with something that is not a well-formed response (an HTML error page, truncated JSON, a missing
 * field).
 *
 * - `request_failed`: the connection failed (DNS, refused, reset).
 * - `request_timeout`: no complete answer within `httpTimeout` milliseconds.
 * - `request_aborted`: the caller's `AbortSignal` aborted the operation; its reason is the `cause`.
 * - `invalid_response`: an answer arrived but could not be used.
 *
 * @example
 * ```ts
 * if (err instanceof RequestError && err.code === 'request_timeout') return res.status(503).end();
 * ```
 */
export class RequestError extends Auth0Error {
  readonly code: 'request_failed' | 'request_timeout' | 'request_aborted' | 'invalid_response';

  /** @param answer the status of an answer that arrived but could not be used. */
  constructor(
    code: RequestError['code'],
    message: string,
    answer?: ConstructorParameters<typeof Auth0Error>[1],
    options?: { cause?: unknown },
  ) {
    super(message, answer, options);
    this.code = code;
  }
}
