import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import {
  IdTokenValidationError,
  LoginRequiredError,
  RequestError,
  ServerError,
} from '../../src/errors/index.js';
import { fromErrorBody, MfaRequiredSignal, normalizeError, parseRequirements } from '../../src/http/index.js';

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('fromErrorBody', () => {
  it('keeps the server error, description, status and Retry-After', () => {
    const err = fromErrorBody(
      429,
      { error: 'too_many_attempts', error_description: 'Too many attempts' },
      headers({ 'retry-after': '30' }),
    );
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({
      code: 'server_error',
      error: 'too_many_attempts',
      errorDescription: 'Too many attempts',
      status: 429,
      retryAfter: 30,
    });
  });

  it('reads invalid_grant on a refresh as login_required', () => {
    const err = fromErrorBody(403, { error: 'invalid_grant' }, headers(), 'login_required');
    expect(err).toBeInstanceOf(LoginRequiredError);
    expect(err).toMatchObject({ error: 'invalid_grant', status: 403 });
  });

  it('reads invalid_grant elsewhere (a wrong MFA code) as a server error', () => {
    expect(fromErrorBody(403, { error: 'invalid_grant' }, headers())).toBeInstanceOf(ServerError);
  });

  it('holds the raw mfa token of mfa_required out of sight until it is sealed', () => {
    const err = fromErrorBody(
      403,
      {
        error: 'mfa_required',
        mfa_token: 'RAW-MFA-TOKEN',
        mfa_requirements: { challenge: [{ type: 'otp' }] },
      },
      headers(),
    );
    expect(err).toBeInstanceOf(MfaRequiredSignal);
    if (!(err instanceof MfaRequiredSignal)) return;
    expect(err.raw.mfaToken).toBe('RAW-MFA-TOKEN');
    expect(err.raw.mfaRequirements).toEqual({ challenge: [{ type: 'otp' }] });
    expect(JSON.stringify(err) + err.message + String(err.stack)).not.toContain('RAW-MFA-TOKEN');
  });
});

describe('parseRequirements', () => {
  it('keeps well-formed entries and drops the rest', () => {
    expect(parseRequirements({ challenge: [{ type: 'otp' }, { nope: 1 }, 'x'], enroll: 'bad' })).toEqual({
      challenge: [{ type: 'otp' }],
    });
    expect(parseRequirements(undefined)).toBeUndefined();
  });
});

describe('normalizeError', () => {
  it('names the claim of a failed ID token comparison', () => {
    const ope = new oauth.OperationProcessingError('unexpected ID Token "nonce" claim value', {
      code: oauth.JWT_CLAIM_COMPARISON,
      cause: { claim: 'nonce', claims: { nonce: 'value' } },
    });
    const err = normalizeError(ope);
    expect(err).toBeInstanceOf(IdTokenValidationError);
    expect(err).toMatchObject({ code: 'id_token_invalid', claim: 'nonce' });
  });

  it('reports a non-JSON error page as invalid_response with its status', () => {
    const ope = new oauth.OperationProcessingError('unexpected HTTP status code', {
      code: oauth.RESPONSE_IS_NOT_CONFORM,
      cause: new Response('<html>Bad Gateway</html>', { status: 502 }),
    });
    const err = normalizeError(ope);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'invalid_response', status: 502 });
  });

  it('turns a caller abort into request_aborted with the reason as its cause', () => {
    const controller = new AbortController();
    controller.abort();
    const err = normalizeError(controller.signal.reason);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'request_aborted', cause: { name: 'AbortError' } });
  });

  it('keeps no part of the response body in the cause', () => {
    const ope = new oauth.OperationProcessingError(
      '"response" body "access_token" property must be a string',
      {
        code: oauth.INVALID_RESPONSE,
        cause: { body: { access_token: 12, refresh_token: 'RT-SECRET' } },
      },
    );
    const err = normalizeError(ope);
    expect(JSON.stringify(err) + String(err.stack) + JSON.stringify(err.cause)).not.toContain('RT-SECRET');
  });
});
