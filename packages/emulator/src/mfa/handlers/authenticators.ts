/** `GET /mfa/authenticators` and `DELETE /mfa/authenticators/{id}`. */
import type { HandlerResult } from '../types.js';
import { viewOf } from '../model/authenticators.js';
import { dropOobOf } from '../model/oob.js';
import { asHandlerResult, json } from '../model/responses.js';
import type { MfaState } from '../model/state.js';
import { lookupToken, tokenBearerError } from '../model/tokens.js';

/** Who is asking: the bearer mfa_token, or the user of an access token the host verified for the MFA API. */
export type AuthenticatorsAuth = { mfaToken: string } | { userId: string };

/**
 * Lists the user's authenticators, pending and recovery-code ones included (Auth0 shows them with
 * `active: false` / `authenticator_type: "recovery-code"`). 401 `invalid_token` for an unusable mfa_token;
 * a user unknown to the MFA module simply has none.
 */
export function listAuthenticators(state: MfaState, auth: AuthenticatorsAuth): HandlerResult {
  let userId: string;
  if ('mfaToken' in auth) {
    const found = lookupToken(state, auth.mfaToken);
    if (!found.ok) return asHandlerResult(tokenBearerError(found.problem));
    userId = found.user.userId;
  } else {
    userId = auth.userId;
  }
  const user = state.users.get(userId);
  return json(200, user ? [...user.authenticators.values()].map(viewOf) : []);
}

/**
 * Removes one of the user's authenticators: 204, or 404 when the user has no authenticator with that id.
 * A recovery-code authenticator also answers 404: Auth0 documents only 204, 401 and 404 for this endpoint
 * and says recovery codes cannot be deleted this way, so it stays within the documented statuses.
 */
export function deleteAuthenticator(state: MfaState, auth: { userId: string }, id: string): HandlerResult {
  const user = state.users.get(auth.userId);
  const authenticator = user?.authenticators.get(id);
  if (!user || !authenticator)
    return json(404, { error: 'not_found', error_description: 'Authenticator not found' });
  if (authenticator.kind === 'recovery-code') {
    return json(404, {
      error: 'not_found',
      error_description:
        'Recovery code authenticators cannot be deleted; use the recovery code to get a new one',
    });
  }
  user.authenticators.delete(id);
  dropOobOf(state, id);
  return { status: 204 };
}
