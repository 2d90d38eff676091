import {
  Auth0Error,
  BackchannelLogoutError,
  MfaRequiredError,
  RequestError,
  ServerError,
} from '../../errors/index.js';
import type { ArgumentError } from '../../lib/validate.js';
import { json, type AdapterResponse } from './request-response.js';

/** The JSON body of a step-up need: the encrypted token (never the raw one) and what the server asks for. */
export function mfaRequiredBody(err: MfaRequiredError): Record<string, unknown> {
  return { error: 'mfa_required', mfaToken: err.mfaToken, mfaRequirements: err.mfaRequirements ?? {} };
}

/**
 * A JSON answer for an SDK error or a bad input, or `undefined` for anything else (the framework's
 * own error handling takes that). Bodies carry codes and the SDK's messages, which hold no secrets.
 * Of `TypeError`s only the SDK's coded argument errors qualify: any other is a bug, and its message
 * (which may hold anything) must not reach the client.
 */
export function errorJson(err: unknown): AdapterResponse | undefined {
  if (isArgumentError(err)) return json(400, { error: 'invalid_request', errorDescription: err.message });
  if (!(err instanceof Auth0Error)) return undefined;
  if (err instanceof MfaRequiredError) return json(403, mfaRequiredBody(err));
  switch (err.code) {
    case 'mfa_token_expired':
    case 'mfa_token_invalid':
    case 'login_required':
      return json(401, { error: err.code });
    case 'request_aborted':
      return json(499, { error: err.code });
    default:
      break;
  }
  if (err instanceof ServerError && err.error !== undefined) {
    const status = err.status !== undefined && err.status >= 400 && err.status < 500 ? err.status : 502;
    return json(status, {
      error: err.error,
      ...(err.errorDescription ? { errorDescription: err.errorDescription } : {}),
    });
  }
  if (err instanceof BackchannelLogoutError) return json(400, { error: err.code });
  if (err instanceof RequestError) return json(502, { error: err.code });
  return json(502, { error: err.code });
}

function isArgumentError(err: unknown): err is ArgumentError {
  if (!(err instanceof TypeError) || !('code' in err)) return false;
  return err.code === 'ERR_INVALID_ARG_TYPE' || err.code === 'ERR_INVALID_ARG_VALUE';
}
