import * as oauth from 'oauth4webapi';
import type { DpopKey } from '../crypto/index.js';
import { DPoPError } from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';

/**
 * oauth4webapi's DPoP handle over `key` (RFC 9449), for every token-endpoint call: it adds a proof to
 * each request and keeps the last `DPoP-Nonce` each origin answered with (in memory, for up to 100
 * origins). The proofs' `iat` is read from `now` (milliseconds), the SDK's clock.
 */
export function dpopHandle(key: DpopKey, now: () => number): oauth.DPoPHandle {
  return oauth.DPoP({}, key, {
    [oauth.modifyAssertion]: (_header, payload) => {
      payload.iat = Math.floor(now() / 1000);
    },
  });
}

/**
 * Runs a DPoP request and, when the server answers `use_dpop_nonce` (its new nonce is then in the
 * handle), runs it once more. A server checks the proof before the grant, so nothing was spent.
 */
export async function withNonceRetry<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (!oauth.isDPoPNonceError(err)) throw err;
    return operation();
  }
}

/**
 * A token answer to a request that carried a proof, checked: a `Bearer` access token means the server
 * did not bind it. Token exchange answers (`issued_token_type`, such as a federated connection's
 * upstream token) are not Auth0 tokens bound to this client and pass as they are.
 *
 * @throws {DPoPError} `dpop_token_type_mismatch`.
 */
export function checkDpopBound<T>(answer: T): T {
  if (
    isRecord(answer) &&
    typeof answer.access_token === 'string' &&
    answer.token_type === 'bearer' &&
    answer.issued_token_type === undefined
  )
    throw new DPoPError(
      'dpop_token_type_mismatch',
      'The token request carried a DPoP proof but the server answered a Bearer token: enable DPoP for the application and API, or turn useDpop off',
    );
  return answer;
}
