import { Auth0Error } from './auth0-error.js';

/**
 * The app's `beforeSessionSaved` hook failed: nothing was written (after a refresh, whose refresh
 * token is spent, the new tokens are kept with the claims the session already had).
 *
 * - `session_hook_failed`: the hook threw or its promise rejected. `cause` holds its error's name
 *   and message, with any token of the session it was given cut out.
 * - `session_hook_invalid`: it (or the change given to `updateSession`, which nothing was written
 *   for either) returned something other than a session that differs only in `user`, or changed a
 *   claim the SDK reads (`sub`, `iss`, `sid`). The message names the fields.
 *
 * @example
 * ```ts
 * if (err instanceof SessionHookError) return res.status(500).send('Sign-in is unavailable');
 * ```
 */
export class SessionHookError extends Auth0Error {
  readonly code: 'session_hook_failed' | 'session_hook_invalid';

  constructor(code: SessionHookError['code'], message: string, options?: { cause?: Error }) {
    super(message, {}, options);
    this.code = code;
  }
}
