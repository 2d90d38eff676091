import { redactedView } from '../lib/redact.js';

/**
 * Every literal `code` an error thrown by this SDK can carry. `switch (err.code)` over an
 * {@link Auth0Error} narrows to the concrete class.
 */
export type ErrorCode =
  | 'request_failed'
  | 'request_timeout'
  | 'request_aborted'
  | 'invalid_response'
  | 'server_error'
  | 'login_required'
  | 'missing_transaction'
  | 'invalid_callback'
  | 'id_token_invalid'
  | 'id_token_user_mismatch'
  | 'logout_token_invalid'
  | 'backchannel_logout_unsupported'
  | 'session_too_large'
  | 'mfa_required'
  | 'mfa_token_expired'
  | 'mfa_token_invalid'
  | 'store_unavailable'
  | 'lock_timeout'
  | 'token_for_connection_error'
  | 'token_exchange_error'
  | 'actor_unavailable';

/** What an authorization server said when its answer caused the error. */
export interface ServerAnswer {
  /** The OAuth `error` string: `invalid_grant`, `authorization_pending`, `slow_down`, ... */
  error?: string | undefined;
  /** The server's `error_description`. */
  errorDescription?: string | undefined;
  /** The HTTP status of the answer. */
  status?: number | undefined;
  /** Seconds from a `Retry-After` header, when the server sent one. */
  retryAfter?: number | undefined;
}

/**
 * The base class of every error this SDK throws.
 *
 * Messages are written by the SDK and never contain a token, code, secret or cookie value; `cause`
 * holds only a sanitized copy of what went wrong underneath, and `toJSON()` emits the same safe fields.
 *
 * @example
 * ```ts
 * if (err instanceof Auth0Error) logger.warn(err.toJSON());
 * ```
 */
export abstract class Auth0Error extends Error {
  /** What failed, as a stable literal to `switch` on. */
  abstract readonly code: ErrorCode;
  /** The server's OAuth `error` string, when a server answer caused the error. */
  readonly error: string | undefined;
  /** The server's `error_description`. */
  readonly errorDescription: string | undefined;
  /** The HTTP status of the server's answer. */
  readonly status: number | undefined;
  /** Seconds the server asked to wait (`Retry-After`) before trying again. */
  readonly retryAfter: number | undefined;

  /**
   * @param message written by the SDK; never a token, code, secret or cookie value.
   * @param answer what the server said, when it answered.
   * @param options.cause a sanitized copy of the underlying failure.
   */
  constructor(message: string, answer: ServerAnswer = {}, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.error = answer.error;
    this.errorDescription = answer.errorDescription;
    this.status = answer.status;
    this.retryAfter = answer.retryAfter;
  }

  /** The safe fields, for logging: `JSON.stringify(err)` gives the same. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      error: this.error,
      errorDescription: this.errorDescription,
      status: this.status,
      retryAfter: this.retryAfter,
    };
  }
}

// `console.log(err)` shows the stack and the safe fields only: not a non-enumerable field such as
// MfaRequiredError's sealed token, which `util.inspect` with `showHidden` would otherwise print.
redactedView(Auth0Error, (err) => ({ ...err.toJSON(), cause: err.cause }), { json: false, stack: true });
