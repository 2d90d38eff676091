import { Auth0Error } from './auth0-error.js';

/**
 * A back-channel logout request could not be honoured.
 *
 * - `logout_token_invalid`: the logout token failed validation (signature, `iss`, `aud`, `iat`,
 *   `events`, a `nonce` present, neither `sid` nor `sub`, a replayed `jti`); `claim` names which.
 * - `backchannel_logout_unsupported`: the state store cannot find sessions by `sid`/`sub` (a
 *   stateless cookie store lives in the browser, out of the server's reach).
 *
 * @example
 * ```ts
 * if (err instanceof BackchannelLogoutError) res.status(400).json({ error: err.code, claim: err.claim });
 * ```
 */
export class BackchannelLogoutError extends Auth0Error {
  readonly code: 'logout_token_invalid' | 'backchannel_logout_unsupported';
  /** The claim that failed validation, when one did. */
  readonly claim: string | undefined;

  /** @param claim the claim that failed, for `logout_token_invalid`. */
  constructor(
    code: BackchannelLogoutError['code'],
    message: string,
    claim?: string,
    options?: { cause?: unknown },
  ) {
    super(message, {}, options);
    this.code = code;
    this.claim = claim;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), claim: this.claim };
  }
}
