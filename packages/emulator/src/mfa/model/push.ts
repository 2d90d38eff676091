/**
 * The push state machine: pending until the user approves or denies on their phone (here: the dev
 * endpoints), and a polling discipline like the device flow's (RFC 8628 section 3.5): a poll sooner than
 * the interval after the previous one answers `slow_down`.
 */
import type { HandlerResult, VerifyFailure } from '../types.js';
import { json, oauthError } from './responses.js';
import type { MfaState, OobRecord } from './state.js';

type PushRecord = Extract<OobRecord, { kind: 'push' }>;

/**
 * One poll of the mfa-oob grant on a push transaction. Resolves to `approved` or to the error to answer.
 * Answers are checked before the interval: once the user answered there is nothing left to throttle.
 */
export function pollPush(state: MfaState, record: PushRecord): 'approved' | VerifyFailure {
  if (record.state === 'approved') return 'approved';
  if (record.state === 'denied')
    return oauthError(403, 'invalid_grant', 'The push notification was rejected');
  const now = state.options.now();
  const tooSoon = record.lastPollAt !== undefined && now - record.lastPollAt < state.options.pushIntervalMs;
  // Every poll restarts the interval, so a client that keeps hammering keeps being told to slow down.
  record.lastPollAt = now;
  if (tooSoon)
    return oauthError(400, 'slow_down', 'You are polling faster than allowed; wait longer between polls');
  return oauthError(400, 'authorization_pending', 'The push notification has not been answered yet');
}

/**
 * The user's answer to a push, as the dev endpoints `POST /__dev/push/:oob_code/approve|deny` receive it.
 * 200 with the new state; 404 for an unknown oob_code or one that is not a push; 400 `expired_token` once
 * it expired; 409 when the push was already answered the other way.
 */
export function answerPush(state: MfaState, oobCode: string, answer: 'approved' | 'denied'): HandlerResult {
  const record = state.oob.get(oobCode);
  if (!record || record.kind !== 'push') {
    return json(404, { error: 'not_found', error_description: 'No push challenge has this oob_code' });
  }
  if (record.expiresAt <= state.options.now()) {
    return json(400, { error: 'expired_token', error_description: 'The push challenge has expired' });
  }
  if (record.state !== 'pending' && record.state !== answer) {
    return json(409, {
      error: 'invalid_request',
      error_description: `The push challenge was already ${record.state}`,
    });
  }
  record.state = answer;
  state.options.log(`[mfa] push for ${record.userId} ${answer}`);
  return json(200, { oob_code: oobCode, status: answer });
}
