import type { SessionData } from '../../types.js';
import type { Auth0Error } from '../../errors/index.js';
import { argumentError } from '../../lib/validate.js';
import { safeReturnTo } from './return-to.js';

/** What {@link OnCallback} is told about the login the callback completed, or failed to complete. */
export interface OnCallbackContext {
  /**
   * Where the login lands by default: the `returnTo` the login kept (already checked to be a path on
   * this app), else `defaultReturnTo`. After an error, `defaultReturnTo`.
   */
  returnTo: string;
  /** The app's origin (`appBaseUrl`). */
  appBaseUrl: string;
}

/**
 * Decides where the browser goes after a login callback (nextjs-auth0's `onCallback`). Called with
 * `error` `null` and the new session once the login succeeded (the session is written already, so
 * the app's own reads see it), or with the error and `session` `null` once it failed. Returns a path
 * on this app to redirect to, or `undefined` for the default: the context's `returnTo` after a
 * login, the error page after a failure. A value that is not a path on this app (an absolute URL,
 * `//host`, `/\host`) is treated as `undefined`: never an open redirect.
 */
export type OnCallback = (
  error: Auth0Error | null,
  context: OnCallbackContext,
  session: SessionData | null,
) => string | undefined | Promise<string | undefined>;

/** Checks the `onCallback` option. */
export function checkOnCallback(value: OnCallback | undefined): OnCallback | undefined {
  if (value !== undefined && typeof value !== 'function')
    throw argumentError('"onCallback" must be a function', 'ERR_INVALID_ARG_TYPE');
  return value;
}

/**
 * Runs `hook` and answers the path it chose, or `undefined` for the default (nothing chosen, or
 * a value that is not a path on this app).
 *
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` when the hook answers something other than a string or
 *   `undefined` (a framework response, say), and whatever the hook throws.
 */
export async function chosenPath(
  hook: OnCallback,
  error: Auth0Error | null,
  context: OnCallbackContext,
  session: SessionData | null,
): Promise<string | undefined> {
  const chosen: unknown = await hook(error, context, session);
  if (chosen === undefined) return undefined;
  if (typeof chosen !== 'string')
    throw argumentError(
      '"onCallback" must return a path on this app (such as "/welcome") or undefined, not a response',
      'ERR_INVALID_ARG_TYPE',
    );
  const path = safeReturnTo(chosen, '');
  return path === '' ? undefined : path;
}
