import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import {
  IdTokenValidationError,
  LoginRequiredError,
  RequestError,
  ServerError,
} from '../../src/errors/index.js';
import { errorAnswer, fromErrorAnswer, normalizeError } from '../../src/http/index.js';

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('fromErrorAnswer', () => {
  const mapped = (
    status: number,
    body: Record<string, unknown>,
    h = headers(),
    meaning?: 'login_required',
  ) => {
    const answer = errorAnswer(status, body, h);
    if (!answer) throw new Error('not an error answer');
    return fromErrorAnswer(answer, meaning);
  };

  it('keeps the server error, description, status and Retry-After', () => {
    const err = mapped(
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
    const err = mapped(403, { error: 'invalid_grant' }, headers(), 'login_required');
    expect(err).toBeInstanceOf(LoginRequiredError);
    expect(err).toMatchObject({ error: 'invalid_grant', status: 403 });
  });

  it('reads invalid_grant elsewhere (a wrong MFA code) as a server error', () => {
    expect(mapped(403, { error: 'invalid_grant' })).toBeInstanceOf(ServerError);
  });

  it('keeps nothing of the body but error and error_description (a token in it stays behind)', () => {
    const err = mapped(403, { error: 'mfa_required', mfa_token: 'RAW-TOKEN', error_description: 'MFA' });
    expect(err).toMatchObject({ error: 'mfa_required', status: 403 });
    expect(JSON.stringify(err) + err.message + String(err.stack)).not.toContain('RAW-TOKEN');
  });

  it('is not made from a body without a string error', () => {
    expect(errorAnswer(400, { error: 7 }, headers())).toBeUndefined();
    expect(errorAnswer(400, 'text', headers())).toBeUndefined();
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
