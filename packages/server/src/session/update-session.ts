import { MissingSessionError } from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';
import { argumentError } from '../lib/validate.js';
import type { SessionData, SessionUpdate } from '../types.js';
import type { SessionAccess } from './access.js';
import { publicSession } from './before-save.js';
import { userUpdated } from './rules.js';

/**
 * The app's change to the current session (`updateSession`), through the owner's one locked update:
 * the function form runs inside the lock on the session as it is then, so two updates never lose one
 * another. `sessions` is the view without `beforeSessionSaved` (nextjs-auth0 does not run it here).
 *
 * @throws {TypeError} `change` is neither a session object nor a function.
 * @throws {MissingSessionError} `login_required`; {@link SessionHookError} `session_hook_invalid`.
 */
export async function updateSession<O>(
  sessions: SessionAccess<O>,
  change: SessionUpdate,
  storeOptions: O | undefined,
): Promise<SessionData> {
  if (typeof change !== 'function' && !isRecord(change)) {
    throw argumentError(
      '"change" of updateSession must be a session object or a function that returns one',
      'ERR_INVALID_ARG_TYPE',
    );
  }
  const after = await sessions.update(async (current) => {
    const view = publicSession(current);
    const result = typeof change === 'function' && view?.user ? await change(structuredClone(view)) : change;
    return userUpdated(current, result);
  }, storeOptions);
  const session = publicSession(after);
  if (!session) throw new MissingSessionError('The session ended during the update: log in again');
  return session;
}
