/** The one place error answers are shaped, so every handler emits the same wire format. */
import type { ErrorBody, HandlerResult, VerifyFailure } from '../types.js';

/** A JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>): HandlerResult {
  return headers ? { status, body, headers } : { status, body };
}

/** An OAuth-style error answer `{ error, error_description }`. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): VerifyFailure {
  const body: ErrorBody = { error, error_description: description };
  return headers ? { ok: false, status, body, headers } : { ok: false, status, body };
}

/** 400 `invalid_request` naming the offending field. */
export function invalidRequest(description: string): VerifyFailure {
  return oauthError(400, 'invalid_request', description);
}

/**
 * 401 `invalid_token` with the RFC 6750 challenge, for a bearer token (an mfa_token in the Authorization
 * header) that is unknown, expired or belongs to another client.
 */
export function invalidBearer(description: string): VerifyFailure {
  return oauthError(401, 'invalid_token', description, {
    'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  });
}

/** Strips the `ok` discriminant so a verifier failure can be answered by a plain handler. */
export function asHandlerResult(failure: VerifyFailure): HandlerResult {
  return failure.headers
    ? { status: failure.status, body: failure.body, headers: failure.headers }
    : { status: failure.status, body: failure.body };
}
