import * as oauth from 'oauth4webapi';
import {
  Auth0Error,
  IdTokenValidationError,
  LoginRequiredError,
  RequestError,
  ServerError,
  type MfaRequirements,
  type ServerAnswer,
} from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';
import { sanitize } from '../errors/sanitize.js';
import { parseRetryAfter } from './fetch.js';

/** The raw parts of an `mfa_required` answer. Internal: the raw token must be sealed before it leaves. */
export interface RawMfaRequired {
  mfaToken: string;
  mfaRequirements: MfaRequirements | undefined;
  answer: ServerAnswer;
}

/** How a server's `invalid_grant` reads for the operation at hand. */
export type InvalidGrantMeaning = 'login_required' | 'server_error';

/**
 * Thrown inside the funnel when the server answers `mfa_required`; the funnel turns it into an
 * `MfaRequiredError` carrying a sealed token before anything reaches the caller.
 */
export class MfaRequiredSignal extends Error {
  /** The server's answer, raw token included. */
  declare readonly raw: RawMfaRequired;

  constructor(raw: RawMfaRequired) {
    super('mfa_required');
    // Not enumerable, so not even an accidental serialization of this internal object shows the token.
    Object.defineProperty(this, 'raw', { value: raw, enumerable: false });
  }
}

/**
 * The one error funnel: turns whatever a request or its processing threw into this SDK's errors.
 * Nothing from the response body is kept but the OAuth `error`, `error_description` and status.
 */
export function normalizeError(err: unknown, invalidGrant: InvalidGrantMeaning = 'server_error'): Error {
  if (err instanceof Auth0Error || err instanceof MfaRequiredSignal) return err;
  if (err instanceof oauth.ResponseBodyError) {
    return fromErrorBody(err.status, err.cause, err.response.headers, invalidGrant);
  }
  if (err instanceof oauth.WWWAuthenticateChallengeError) {
    const challenge = err.cause[0];
    return new ServerError('The authorization server refused the request', {
      error: challenge?.parameters.error,
      errorDescription: challenge?.parameters.error_description,
      status: err.status,
    });
  }
  if (err instanceof oauth.OperationProcessingError) {
    if (
      err.code === oauth.JWT_CLAIM_COMPARISON ||
      err.code === oauth.JWT_TIMESTAMP_CHECK ||
      isIdTokenShapeError(err)
    ) {
      const claim = claimOf(err.cause) ?? /JWT "(\w+)"/.exec(err.message)?.[1];
      return new IdTokenValidationError(`ID token validation failed: ${err.message}`, claim, {
        cause: sanitize(err),
      });
    }
    const status = err.cause instanceof Response ? err.cause.status : undefined;
    return new RequestError(
      'invalid_response',
      status === undefined
        ? `The authorization server's answer could not be used: ${err.message}`
        : `The authorization server answered HTTP ${status} with no usable body`,
      { status },
      { cause: sanitize(err) },
    );
  }
  if (isAbort(err)) return aborted(err);
  return new RequestError(
    'invalid_response',
    "The authorization server's answer could not be used",
    {},
    {
      cause: sanitize(err),
    },
  );
}

/** Maps a parsed OAuth error body (from any endpoint) to the SDK error it stands for. */
export function fromErrorBody(
  status: number,
  body: Record<string, unknown>,
  headers: Headers,
  invalidGrant: InvalidGrantMeaning = 'server_error',
): Error {
  const answer: ServerAnswer = {
    error: typeof body.error === 'string' ? body.error : undefined,
    errorDescription: typeof body.error_description === 'string' ? body.error_description : undefined,
    status,
    retryAfter: parseRetryAfter(headers.get('retry-after')),
  };
  if (answer.error === 'mfa_required' && typeof body.mfa_token === 'string') {
    return new MfaRequiredSignal({
      mfaToken: body.mfa_token,
      mfaRequirements: parseRequirements(body.mfa_requirements),
      answer,
    });
  }
  if (answer.error === 'invalid_grant' && invalidGrant === 'login_required') {
    return new LoginRequiredError('The refresh token was rejected; the user must log in again', answer);
  }
  return new ServerError(
    `The authorization server answered ${answer.error ?? `HTTP ${status}`}${
      answer.errorDescription ? `: ${answer.errorDescription}` : ''
    }`,
    answer,
  );
}

/** Reads `mfa_requirements` liberally: unknown shapes are dropped rather than trusted. */
export function parseRequirements(value: unknown): MfaRequirements | undefined {
  if (!isRecord(value)) return undefined;
  const list = (v: unknown) =>
    Array.isArray(v)
      ? v.filter(isRecord).flatMap((r) => (typeof r.type === 'string' ? [{ type: r.type }] : []))
      : undefined;
  const out: MfaRequirements = {};
  const challenge = list(value.challenge);
  const enroll = list(value.enroll);
  if (challenge) out.challenge = challenge;
  if (enroll) out.enroll = enroll;
  return out;
}

/** Whether `err` is how `fetch` reports an aborted or timed-out signal. */
function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

/** The caller's signal stopped the operation: a typed error, with the signal's reason as its cause. */
export function aborted(reason: unknown): RequestError {
  return new RequestError('request_aborted', 'The operation was aborted', {}, { cause: sanitize(reason) });
}

/**
 * A required ID token claim is missing or its `alg` is not allowed (`none`, say): oauth4webapi reports
 * these as malformed answers, but they are refusals of the token and get its specific code. Only ID
 * tokens are JWTs that oauth4webapi parses for this SDK; its cause then carries the token's `claims`
 * or `header`.
 */
function isIdTokenShapeError(err: oauth.OperationProcessingError): boolean {
  return (
    err.code === oauth.INVALID_RESPONSE &&
    isRecord(err.cause) &&
    ('claims' in err.cause || 'header' in err.cause)
  );
}

/** The claim an oauth4webapi claim-check failure names in its `cause`. */
function claimOf(cause: unknown): string | undefined {
  return isRecord(cause) && typeof cause.claim === 'string' ? cause.claim : undefined;
}
