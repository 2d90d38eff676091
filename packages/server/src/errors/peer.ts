import { Auth0Error, type PeerErrorCode } from './auth0-error.js';
import { BackchannelLogoutError } from './backchannel-logout-error.js';
import { CallbackError } from './callback-error.js';
import { LoginRequiredError } from './login-required-error.js';
import { ServerError } from './server-error.js';
import { StoreError } from './store-error.js';

/**
 * The error classes of `@auth0/auth0-server-js` that apps catch by name, over this SDK's errors.
 *
 * Ours are by failure kind and the peer's by method, so one thrown error must satisfy both: each
 * peer-named class is a subclass of ours (constructible, as in tests), and its `instanceof` also
 * holds for any error of ours with the matching `peerCode` (set by the operation that failed) or
 * `code`. `code` stays ours, a literal to narrow on; the peer's is in `peerCode`.
 */

/** The `peerCode` an error carries without looking at the operation, by its own `code`. */
function ownPeerCode(err: Auth0Error): PeerErrorCode | undefined {
  if (err instanceof CallbackError && err.code === 'missing_transaction') return 'missing_transaction_error';
  if (err instanceof LoginRequiredError && err.error === undefined) return 'missing_session_error';
  if (err instanceof BackchannelLogoutError && err.code === 'logout_token_invalid')
    return 'verify_logout_token_error';
  return undefined;
}

/**
 * Gives `err` the peer's code for the operation that failed (`operation`), unless it has one, has
 * one of its own, or is a failure the peer has no class for (a store outage).
 */
export function withPeerCode(err: unknown, operation: PeerErrorCode): unknown {
  if (err instanceof Auth0Error && err.peerCode === undefined && !(err instanceof StoreError)) {
    err.peerCode = ownPeerCode(err) ?? operation;
  }
  return err;
}

/** Runs `call`, giving what it throws the peer's code for `operation`. */
export async function asPeerOperation<T>(operation: PeerErrorCode, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw withPeerCode(err, operation);
  }
}

const hasPeerCode = (value: unknown, code: PeerErrorCode) =>
  value instanceof Auth0Error && (value.peerCode ?? ownPeerCode(value)) === code;

/**
 * A peer-named server error class. Spelled out so that the declarations do not inline `typeof Error`'s
 * Node-only statics (`NodeJS.CallSite`), which break type-checking for apps without `@types/node`.
 */
export interface PeerServerErrorClass {
  new (message: string, cause?: { error?: string; error_description?: string }): ServerError;
  readonly prototype: ServerError;
}

/** A server answer the peer reports per method; constructible as the peer's `(message, cause?)`. */
function peerServerError(code: PeerErrorCode, name: string): PeerServerErrorClass {
  const PeerNamed = class extends ServerError {
    constructor(message: string, cause?: { error?: string; error_description?: string }) {
      super(message, { error: cause?.error, errorDescription: cause?.error_description });
      this.name = name;
      this.peerCode = code;
    }

    static override [Symbol.hasInstance](value: unknown): boolean {
      return hasPeerCode(value, code);
    }
  };
  Object.defineProperty(PeerNamed, 'name', { value: name });
  return PeerNamed;
}

/** `@auth0/auth0-server-js`'s name: a failed code exchange (`completeInteractiveLogin`). */
export const TokenByCodeError = peerServerError('token_by_code_error', 'TokenByCodeError');
/** `@auth0/auth0-server-js`'s name: a failed refresh (`getAccessToken`, `getTokenByRefreshToken`). */
export const TokenByRefreshTokenError = peerServerError(
  'token_by_refresh_token_error',
  'TokenByRefreshTokenError',
);
/** `@auth0/auth0-server-js`'s name: `mfa.listAuthenticators` failed. */
export const MfaListAuthenticatorsError = peerServerError(
  'mfa_list_authenticators_error',
  'MfaListAuthenticatorsError',
);
/** `@auth0/auth0-server-js`'s name: `mfa.enrollAuthenticator` failed. */
export const MfaEnrollmentError = peerServerError('mfa_enrollment_error', 'MfaEnrollmentError');
/** `@auth0/auth0-server-js`'s name: `mfa.deleteAuthenticator` failed. */
export const MfaDeleteAuthenticatorError = peerServerError(
  'mfa_delete_authenticator_error',
  'MfaDeleteAuthenticatorError',
);
/** `@auth0/auth0-server-js`'s name: `mfa.challengeAuthenticator` failed. */
export const MfaChallengeError = peerServerError('mfa_challenge_error', 'MfaChallengeError');
/** `@auth0/auth0-server-js`'s name: `mfa.verify` failed. */
export const MfaVerifyError = peerServerError('mfa_verify_error', 'MfaVerifyError');
/**
 * `@auth0/auth0-server-js`'s name: `startLinkUser` or `startUnlinkUser` failed (discovery, the
 * transaction store). Without a session they throw `MissingSessionError`, as the peer does.
 */
export const StartLinkUserError = peerServerError('start_link_user_error', 'StartLinkUserError');

/** `@auth0/auth0-server-js`'s name for our {@link CallbackError} `missing_transaction`. */
export class MissingTransactionError extends CallbackError {
  constructor(message = 'The transaction is missing.') {
    super('missing_transaction', message);
    this.name = 'MissingTransactionError';
    this.peerCode = 'missing_transaction_error';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasPeerCode(value, 'missing_transaction_error');
  }
}

/** `@auth0/auth0-server-js`'s name for our {@link LoginRequiredError} without a session (no server answer). */
export class MissingSessionError extends LoginRequiredError {
  constructor(message: string) {
    super(message);
    this.name = 'MissingSessionError';
    this.peerCode = 'missing_session_error';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasPeerCode(value, 'missing_session_error');
  }
}

/** `@auth0/auth0-server-js`'s name for our {@link BackchannelLogoutError} `logout_token_invalid`. */
export class VerifyLogoutTokenError extends BackchannelLogoutError {
  constructor(message: string) {
    super('logout_token_invalid', message);
    this.name = 'VerifyLogoutTokenError';
    this.peerCode = 'verify_logout_token_error';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasPeerCode(value, 'verify_logout_token_error');
  }
}

/** An option or argument `TypeError` of this SDK (`code` `ERR_INVALID_ARG_TYPE` / `ERR_INVALID_ARG_VALUE`). */
const isArgumentError = (value: unknown, codes: readonly string[]) =>
  value instanceof TypeError && 'code' in value && codes.includes(String(value.code));

/**
 * `@auth0/auth0-server-js`'s name for a missing option or argument: here a `TypeError` with `code`
 * `ERR_INVALID_ARG_TYPE` whose message names the field.
 */
export class MissingRequiredArgumentError extends TypeError {
  readonly code = 'ERR_INVALID_ARG_TYPE' as const;

  constructor(argument: string) {
    super(`"${argument}" is required`);
    this.name = 'MissingRequiredArgumentError';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isArgumentError(value, ['ERR_INVALID_ARG_TYPE']);
  }
}

/**
 * `@auth0/auth0-server-js`'s name for a configuration it refuses: here any option `TypeError`
 * (`ERR_INVALID_ARG_TYPE` / `ERR_INVALID_ARG_VALUE`) whose message names the option and the change.
 */
export class InvalidConfigurationError extends TypeError {
  readonly code: 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_ARG_VALUE' = 'ERR_INVALID_ARG_VALUE';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidConfigurationError';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isArgumentError(value, ['ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE']);
  }
}
