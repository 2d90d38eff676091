import { randomBytes } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type { Transport } from '../http/index.js';
import { verifyIdTokenSignature } from '../protocol/id-token.js';
import type { SessionAccess } from '../session/access.js';
import type { StateData, TokenSet, UserClaims } from '../types.js';

/** Claims that describe the ID token itself rather than the user; not kept in `user`. */
const PROTOCOL_CLAIMS = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'azp',
  'at_hash',
  'c_hash',
]);

/**
 * Stores a completed MFA grant's tokens in the current session under `tokenSet.audience`, keeps a
 * rotated refresh token, and, when there is no session yet and the answer has an ID token, verifies
 * that ID token and creates the session from it. Without a session or an ID token nothing is stored.
 */
export async function persistMfaTokens<O>(
  transport: Transport,
  sessions: SessionAccess<O>,
  response: oauth.TokenEndpointResponse,
  tokenSet: TokenSet,
  storeOptions: O | undefined,
): Promise<void> {
  await sessions.update(async (state) => {
    const next = state ? merge(state, response, tokenSet) : await firstSession(transport, response, tokenSet);
    if (next) await sessions.set(next, storeOptions);
  }, storeOptions);
}

function merge(state: StateData, response: oauth.TokenEndpointResponse, tokenSet: TokenSet): StateData {
  const tokenSets = state.tokenSets.filter((t) => t.audience !== tokenSet.audience);
  tokenSets.push(tokenSet);
  return {
    ...state,
    refreshToken: response.refresh_token ?? state.refreshToken,
    tokenSets,
  };
}

async function firstSession(
  transport: Transport,
  response: oauth.TokenEndpointResponse,
  tokenSet: TokenSet,
): Promise<StateData | undefined> {
  if (response.id_token === undefined) return undefined;
  await verifyIdTokenSignature(transport, response.id_token);
  // Claims oauth4webapi already checked (iss, aud, exp, iat, azp) while processing the response.
  const claims = oauth.getValidatedIdTokenClaims(response);
  if (!claims) return undefined;
  const user: UserClaims = { sub: claims.sub };
  for (const [name, value] of Object.entries(claims)) {
    if (!PROTOCOL_CLAIMS.has(name)) user[name] = value;
  }
  return {
    user,
    idToken: response.id_token,
    refreshToken: response.refresh_token,
    tokenSets: [tokenSet],
    internal: { sid: randomBytes(32).toString('base64url'), createdAt: Math.floor(Date.now() / 1000) },
  };
}
