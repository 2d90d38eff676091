import { randomBytes } from 'node:crypto';

/** Auth0's token type of a session transfer token. */
export const SESSION_TRANSFER_TOKEN_TYPE = 'urn:auth0:params:oauth:token-type:session_transfer_token';
/** How long a session transfer token may be redeemed at /authorize, in seconds (Auth0: about a minute). */
export const SESSION_TRANSFER_TTL = 60;

/**
 * The session transfer tokens issued by the token-exchange grant, each redeemable once at
 * /authorize, by the client it was issued to, within {@link SESSION_TRANSFER_TTL} seconds.
 */
export class SessionTransfers {
  readonly #tokens = new Map<string, { userId: string; clientId: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new token for `userId`, redeemable by `clientId`. */
  issue(userId: string, clientId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { userId, clientId, expiresAt: this.now() + SESSION_TRANSFER_TTL * 1000 });
    return token;
  }

  /** The user of `token` when `clientId` may redeem it now; the token is spent either way. */
  redeem(token: string, clientId: string): string | undefined {
    const found = this.#tokens.get(token);
    this.#tokens.delete(token);
    if (!found || found.clientId !== clientId || found.expiresAt <= this.now()) return undefined;
    return found.userId;
  }
}
