import { Auth0Error } from './auth0-error.js';

/**
 * A session does not fit the cookies of a `StatelessStateStore` even after its access token sets
 * were dropped (`size` bytes of `Set-Cookie` headers against a `limit` of 8192): browsers and servers
 * refuse such headers (HTTP 431), which would lock the user out. Keep fewer claims in the session,
 * or keep sessions on the server with a `StatefulStateStore`.
 *
 * @example
 * ```ts
 * if (err instanceof SessionTooLargeError) logger.error(`session of ${err.size} bytes: use a StatefulStateStore`);
 * ```
 */
export class SessionTooLargeError extends Auth0Error {
  readonly code = 'session_too_large' as const;
  /** Bytes of `Set-Cookie` headers the session needed. */
  readonly size: number;
  /** The cap, in bytes. */
  readonly limit: number;

  constructor(size: number, limit: number) {
    super(
      `The session needs ${size} bytes of cookies, over the ${limit}-byte cap, even without access tokens: keep fewer claims in it, or use a StatefulStateStore`,
    );
    this.size = size;
    this.limit = limit;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), size: this.size, limit: this.limit };
  }
}
