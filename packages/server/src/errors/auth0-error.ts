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
  | 'access_denied'
  | 'expired_token'
  | 'organization_mismatch'
  | 'session_expired'
  | 'session_hook_failed'
  | 'session_hook_invalid'
  | 'passwordless_start_failed'
  | 'passwordless_verify_failed'
  | 'signup_failed'
  | 'change_password_failed'
  | 'passkey_register_error'
  | 'passkey_challenge_error'
  | 'passkey_get_token_error'
  | 'token_for_connection_error'
  | 'token_exchange_error'
  | 'actor_unavailable'
  | 'my_account_api_error'
  | 'dpop_token_type_mismatch'
  | 'dpop_key_required';

/**
 * The `code` `@auth0/auth0-server-js` would have given the same failure, by the operation that
 * failed (its errors are per method). Ours stays in `code`; this one is in `peerCode`.
 */
export type PeerErrorCode =
  | 'missing_transaction_error'
  | 'missing_session_error'
  | 'token_by_code_error'
  | 'token_by_refresh_token_error'
  | 'mfa_list_authenticators_error'
  | 'mfa_enrollment_error'
  | 'mfa_delete_authenticator_error'
  | 'mfa_challenge_error'
  | 'mfa_verify_error'
  | 'verify_logout_token_error'
  | 'start_link_user_error';

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
   * The `code` `@auth0/auth0-server-js` gives this failure (`token_by_code_error`, `mfa_verify_error`,
   * ...), set by the operation that failed; `undefined` where the peer has none. For code migrated
   * from the peer: `err.peerCode === 'token_by_refresh_token_error'`.
   */
  peerCode: PeerErrorCode | undefined = undefined;

  /**
   * @param message written by the SDK; never a token, code, secret or cookie value.
   * @param answer what the server said, when it answered.
   * @param options.cause a sanitized copy of the underlying failure.
   */
  constructor(message: string, answer: ServerAnswer = {}, options?: { cause?: unknown }) {
    // Where a server answered and nothing failed underneath, `cause` holds the answer's `error` and
    // `error_description`, where the peer puts them (`err.cause.error`).
    const cause =
      options?.cause ??
      (answer.error === undefined
        ? undefined
        : { error: answer.error, error_description: answer.errorDescription });
    super(message, cause === undefined ? undefined : { cause });
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
      peerCode: this.peerCode,
    };
  }
}

// `console.log(err)` shows the stack and the safe fields only: not a non-enumerable field such as
// MfaRequiredError's sealed token, which `util.inspect` with `showHidden` would otherwise print.
redactedView(Auth0Error, (err) => ({ ...err.toJSON(), cause: err.cause }), { json: false, stack: true });
