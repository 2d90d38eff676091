/** `POST /mfa/challenge`: picking an authenticator for the flow and, for oob ones, sending a code or a push. */
import type { HandlerResult } from '../types.js';
import { startOob } from '../model/oob.js';
import { enrolling } from '../model/requirements.js';
import { asHandlerResult, invalidRequest, json, oauthError } from '../model/responses.js';
import { factorAuthenticators, factorOf, type FactorRecord, type MfaState } from '../model/state.js';
import { lookupToken, tokenGrantError } from '../model/tokens.js';
import { asRecord, stringField } from '../model/validate.js';

type ChallengeType = 'otp' | 'oob';

/**
 * Challenges an authenticator of the mfa_token's user. With `authenticator_id` that one (a pending
 * enrollment too while the flow asks to enroll, to resend its code); otherwise the first active authenticator, in enrollment order, whose
 * factor this flow has not verified yet and whose type `challenge_type` allows (both when absent).
 * 200 `{ challenge_type: "otp" }` (nothing to send), or `{ challenge_type: "oob", oob_code }` plus
 * `binding_method: "prompt"` for sms, voice and email. 400 `unsupported_challenge_type` or
 * `association_required` (no active authenticator); mfa_token problems as the token endpoint answers them.
 */
export function challenge(state: MfaState, auth: { clientId: string }, body: unknown): HandlerResult {
  const fields = asRecord(body);
  if (!fields) return asHandlerResult(invalidRequest('The request body must be a JSON object'));
  const mfaToken = stringField(fields, 'mfa_token');
  if (mfaToken === null) return asHandlerResult(invalidRequest('mfa_token must be a string'));
  const found = lookupToken(state, mfaToken, auth.clientId);
  if (!found.ok) return asHandlerResult(tokenGrantError(found.problem));
  const { user, record } = found;

  const types = parseChallengeType(stringField(fields, 'challenge_type'));
  if (!types) {
    return asHandlerResult(
      oauthError(400, 'unsupported_challenge_type', 'challenge_type must be "otp", "oob" or "otp oob"'),
    );
  }
  const authenticatorId = stringField(fields, 'authenticator_id');
  if (authenticatorId === null) return asHandlerResult(invalidRequest('authenticator_id must be a string'));

  let chosen: FactorRecord | undefined;
  if (authenticatorId !== undefined) {
    const named = user.authenticators.get(authenticatorId);
    if (!named)
      return asHandlerResult(invalidRequest('authenticator_id does not name an authenticator of this user'));
    if (named.kind === 'recovery-code' || !types.includes(typeOf(named))) return unsupported(types);
    if (!named.active && !enrolling(user, record.verified)) {
      return asHandlerResult(
        invalidRequest(
          'authenticator_id names an authenticator that is not confirmed; challenge an active one',
        ),
      );
    }
    chosen = named;
  } else {
    const active = factorAuthenticators(user).filter((a) => a.active);
    if (active.length === 0) {
      return asHandlerResult(
        oauthError(
          400,
          'association_required',
          'The user has no active authenticator; enroll one with /mfa/associate',
        ),
      );
    }
    chosen = active.find((a) => types.includes(typeOf(a)) && !record.verified.includes(factorOf(a.kind)));
    if (!chosen) return unsupported(types);
  }

  if (chosen.kind === 'otp') return json(200, { challenge_type: 'otp' });
  const oob_code = startOob(state, user, chosen);
  if (chosen.kind === 'push') return json(200, { challenge_type: 'oob', oob_code });
  return json(200, { challenge_type: 'oob', oob_code, binding_method: 'prompt' });
}

function parseChallengeType(value: string | undefined | null): ChallengeType[] | undefined {
  if (value === null) return undefined;
  if (value === undefined) return ['otp', 'oob'];
  const types: ChallengeType[] = [];
  for (const part of value.split(/\s+/).filter(Boolean)) {
    if (part !== 'otp' && part !== 'oob') return undefined;
    types.push(part);
  }
  return types.length > 0 ? types : undefined;
}

function typeOf(authenticator: FactorRecord): ChallengeType {
  return authenticator.kind === 'otp' ? 'otp' : 'oob';
}

function unsupported(types: ChallengeType[]): HandlerResult {
  return asHandlerResult(
    oauthError(
      400,
      'unsupported_challenge_type',
      `The user has no authenticator this flow can still challenge with challenge_type "${types.join(' ')}"`,
    ),
  );
}
