import { RequestError, ServerError } from '../errors/index.js';
import { abortable, aborted, delay } from '../http/index.js';
import type { MfaVerifyResult } from './types.js';

/** RFC 8628 section 3.5: each `slow_down` lengthens the interval by five seconds. */
const SLOW_DOWN_STEP_MS = 5000;
const DEFAULT_INTERVAL_MS = 5000;

/** When {@link pollForApproval} stops waiting. */
export interface PollOptions {
  intervalMs?: number | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Calls `attempt` until the push is answered: again after the interval on `authorization_pending`,
 * after a longer one on `slow_down`; any other failure (`invalid_grant` for a rejected push,
 * `expired_token` for an expired challenge) ends the wait, as do the timeout and the signal (a
 * `request_aborted` RequestError).
 */
export async function pollForApproval(
  attempt: () => Promise<MfaVerifyResult>,
  options: PollOptions,
): Promise<MfaVerifyResult> {
  const { signal } = options;
  let interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason);
    let last: ServerError;
    try {
      return await abortable(attempt(), signal);
    } catch (err) {
      if (!(err instanceof ServerError)) throw err;
      if (err.error === 'slow_down') interval += SLOW_DOWN_STEP_MS;
      else if (err.error !== 'authorization_pending') throw err;
      last = err;
    }
    if (deadline !== undefined && Date.now() + interval > deadline) {
      throw new RequestError(
        'request_timeout',
        `The push notification was not answered within ${options.timeoutMs} ms`,
        { error: last.error, errorDescription: last.errorDescription, status: last.status },
      );
    }
    await delay(interval, signal);
  }
}
