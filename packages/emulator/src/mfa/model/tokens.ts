/**
 * mfa_tokens: opaque random strings bound to one user and one client, alive for ten minutes, single use
 * (a successful grant consumes them). Expired records are kept for a while so a late caller learns
 * `expired_token` rather than a confusing `invalid_grant`.
 */
import type { MfaRequiredBody, RequirementType, VerifyFailure } from '../types.js';
import { opaqueToken } from './random.js';
import { computeRequirements } from './requirements.js';
import { invalidBearer, invalidRequest, oauthError } from './responses.js';
import type { MfaState, MfaTokenRecord, UserRecord } from './state.js';

/** What a chained flow carries from one mfa_token to the next. */
export type FlowProgress = Pick<MfaTokenRecord, 'verified' | 'amr' | 'recoveryCode'>;

/** Issues an mfa_token; `progress` is the flow so far when a chained flow continues. */
export function issueToken(
  state: MfaState,
  user: UserRecord,
  clientId: string,
  context: unknown,
  progress: FlowProgress = { verified: [], amr: [] },
): string {
  sweep(state);
  const token = opaqueToken();
  const expiresAt = state.options.now() + state.options.mfaTokenTtlMs;
  state.tokens.set(token, { ...progress, userId: user.userId, clientId, context, expiresAt });
  return token;
}

/** The 403 `mfa_required` body for a token, with the requirements left in its flow. */
export function mfaRequiredBody(
  token: string,
  user: UserRecord,
  verified: RequirementType[],
): MfaRequiredBody {
  return {
    error: 'mfa_required',
    error_description: 'Multifactor authentication required',
    mfa_token: token,
    mfa_requirements: computeRequirements(user, verified),
  };
}

/** Why a presented mfa_token cannot be used. */
export type TokenProblem = 'missing' | 'unknown' | 'expired' | 'other-client';

/** A usable mfa_token with its user, or the problem. */
export type TokenLookup =
  | { ok: true; token: string; record: MfaTokenRecord; user: UserRecord }
  | { ok: false; problem: TokenProblem };

/** Resolves a presented mfa_token; with `clientId`, a token issued to another client is refused. */
export function lookupToken(state: MfaState, token: string | undefined, clientId?: string): TokenLookup {
  if (token === undefined || token === '') return { ok: false, problem: 'missing' };
  const record = state.tokens.get(token);
  const user = record && state.users.get(record.userId);
  if (!record || !user) return { ok: false, problem: 'unknown' };
  if (record.expiresAt <= state.options.now()) return { ok: false, problem: 'expired' };
  if (clientId !== undefined && record.clientId !== clientId) return { ok: false, problem: 'other-client' };
  return { ok: true, token, record, user };
}

/**
 * The answer for an unusable mfa_token sent in a request body (challenge, token-endpoint grants): 400 when
 * missing, 403 `expired_token` when expired, 403 `invalid_grant` otherwise, as Auth0's token endpoint does.
 */
export function tokenGrantError(problem: TokenProblem): VerifyFailure {
  switch (problem) {
    case 'missing':
      return invalidRequest('mfa_token is required');
    case 'expired':
      return oauthError(403, 'expired_token', 'mfa_token is expired');
    case 'unknown':
      return oauthError(403, 'invalid_grant', 'Malformed mfa_token');
    case 'other-client':
      return oauthError(403, 'invalid_grant', 'mfa_token was not issued to this client');
  }
}

/** The answer for an unusable mfa_token sent as a bearer token: always 401 `invalid_token` (RFC 6750). */
export function tokenBearerError(problem: TokenProblem): VerifyFailure {
  switch (problem) {
    case 'missing':
      return invalidBearer('A bearer token is required');
    case 'expired':
      return invalidBearer('mfa_token is expired');
    case 'unknown':
      return invalidBearer('Malformed mfa_token');
    case 'other-client':
      return invalidBearer('mfa_token was not issued to this client');
  }
}

/** Drops tokens and oob_codes that expired longer ago than a token lives, bounding memory. */
function sweep(state: MfaState): void {
  const horizon = state.options.now() - state.options.mfaTokenTtlMs;
  for (const [token, record] of state.tokens) if (record.expiresAt < horizon) state.tokens.delete(token);
  for (const [code, record] of state.oob) if (record.expiresAt < horizon) state.oob.delete(code);
}
