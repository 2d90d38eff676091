import * as oauth from 'oauth4webapi';
import {
  Auth0Error,
  IdTokenValidationError,
  LoginRequiredError,
  RequestError,
  ServerError,
  type ServerAnswer,
} from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';
import { sanitize } from '../errors/sanitize.js';
import { parseRetryAfter } from './fetch.js';

/** How a server's `invalid_grant` reads for the operation at hand. */
export type InvalidGrantMeaning = 'login_required' | 'server_error';

/**
 * An OAuth error answer as the server sent it, before it is mapped: what the transport's
 * `onErrorAnswer` hook sees. `body` may hold credentials (Auth0's `mfa_required` carries a token):
 * it never leaves the transport as it is.
 */
export interface ErrorAnswer {
  /** The parsed JSON body; its `error` is a string. */
  body: Record<string, unknown>;
  /** The fields of the answer every SDK error may carry. */
  answer: ServerAnswer;
}

/**
 * The error answer in `err`: the body oauth4webapi parsed from a 4xx answer, or the OAuth error body
 * of a 5xx answer, which oauth4webapi does not read (Auth0 sends such bodies with 5xx too).
 */
export async function errorAnswerOf(err: unknown): Promise<ErrorAnswer | undefined> {
  if (err instanceof oauth.ResponseBodyError) return errorAnswer(err.status, err.cause, err.response.headers);
  if (!(err instanceof oauth.OperationProcessingError) || !(err.cause instanceof Response) || err.cause.ok) {
    return undefined;
  }
  const res = err.cause;
  if (res.bodyUsed) return undefined;
  const text = await res
    .clone()
    .text()
    .catch(() => '');
  return errorAnswer(res.status, parseJson(text), res.headers);
}

/** `body` as an {@link ErrorAnswer} when it is an OAuth error body (a JSON object with a string `error`). */
export function errorAnswer(status: number, body: unknown, headers: Headers): ErrorAnswer | undefined {
  if (!isRecord(body) || typeof body.error !== 'string') return undefined;
  return {
    body,
    answer: {
      error: body.error,
      errorDescription: typeof body.error_description === 'string' ? body.error_description : undefined,
      status,
      retryAfter: parseRetryAfter(headers.get('retry-after')),
    },
  };
}

/** The parsed body, or `undefined` when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The one error funnel: turns whatever a request or its processing threw into this SDK's errors.
 * Nothing from the response body is kept but the OAuth `error`, `error_description` and status.
 */
export function normalizeError(err: unknown, invalidGrant: InvalidGrantMeaning = 'server_error'): Error {
  if (err instanceof Auth0Error) return err;
  if (err instanceof oauth.ResponseBodyError) {
    return fromErrorAnswer(
      errorAnswer(err.status, err.cause, err.response.headers) ?? {
        body: err.cause,
        answer: { status: err.status },
      },
      invalidGrant,
    );
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

/** Maps an OAuth error answer (from any endpoint) to the SDK error it stands for. */
export function fromErrorAnswer(
  { answer }: ErrorAnswer,
  invalidGrant: InvalidGrantMeaning = 'server_error',
): Error {
  if (answer.error === 'invalid_grant' && invalidGrant === 'login_required') {
    return new LoginRequiredError('The refresh token was rejected; the user must log in again', answer);
  }
  return new ServerError(
    `The authorization server answered ${answer.error ?? `HTTP ${answer.status}`}${
      answer.errorDescription ? `: ${answer.errorDescription}` : ''
    }`,
    answer,
  );
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
