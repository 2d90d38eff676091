import { SessionHookError } from '../errors/index.js';
import type { BeforeSessionSavedHook, SessionData, StateData } from '../types.js';
import type { NextSession, SessionAccess } from './access.js';
import { RedeemedSession, savedAs, startsNewSession, userKept } from './rules.js';

/** The session without the SDK's internal fields: what `getSession` returns and the hook receives. */
export function publicSession(state: StateData | undefined): SessionData | undefined {
  return state && viewOf(state);
}

function viewOf(state: StateData): SessionData {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- leaving `internal` out is the point
  const { internal, ...session } = state;
  return session;
}

/**
 * The sessions with the app's `beforeSessionSaved` hook run on every write that brings new user
 * claims: a new session (a login of any kind) or a new ID token (a refresh, an MFA grant, an account
 * link). The hook runs inside the owner's locked update, on the session the write rule made, and
 * `savedAs` (rules.ts) applies what it returned; a hook that fails writes nothing, except after a
 * refresh: its refresh token is spent, so the new tokens are kept with the claims the session had,
 * and the error is thrown once they are written.
 */
export function withBeforeSave<O>(
  sessions: SessionAccess<O>,
  hook: BeforeSessionSavedHook,
): SessionAccess<O> {
  return {
    get: (storeOptions) => sessions.get(storeOptions),
    async update(fn, storeOptions) {
      let failure: SessionHookError | undefined;
      const after = await sessions.update(async (current) => {
        const next = await fn(current);
        if (next instanceof RedeemedSession) {
          if (!bringsClaims(current, next.session)) return next;
          try {
            return userKept(next, savedAs(next.session, await run(hook, next.session)).user);
          } catch (err) {
            if (!(err instanceof SessionHookError)) throw err;
            failure = err;
            return userKept(next, current?.user, true);
          }
        }
        if (!isWrite(next) || !bringsClaims(current, next)) return next;
        return savedAs(next, await run(hook, next));
      }, storeOptions);
      if (failure) throw failure;
      return after;
    },
  };
}

const isWrite = (next: NextSession): next is StateData => next !== null && next !== undefined;

/** Whether writing `next` over `current` puts new user claims in the session. */
function bringsClaims(current: StateData | undefined, next: StateData): boolean {
  // A rule that files an ID token's claims puts that claims object in `user`; every other write
  // carries the user it was given along.
  return (
    next !== current &&
    (startsNewSession(current, next) || next.user !== current?.user || next.idToken !== current?.idToken)
  );
}

/**
 * Calls the hook with a copy of the session (a hook that edits what it is given edits nothing the
 * SDK still holds); a failure becomes `session_hook_failed`, its message without the session's tokens.
 */
async function run(hook: BeforeSessionSavedHook, next: StateData): Promise<unknown> {
  try {
    return await hook(structuredClone(viewOf(next)), next.idToken);
  } catch (err) {
    throw new SessionHookError(
      'session_hook_failed',
      'The beforeSessionSaved hook threw: its session was not saved',
      { cause: withoutTokens(err, next) },
    );
  }
}

/**
 * `err`'s name and message (cut to 200 characters, as `sanitize` does), with every token of `state`
 * that the message quotes replaced first: the hook had them all at hand.
 */
function withoutTokens(err: unknown, state: StateData): Error {
  if (!(err instanceof Error)) return new Error('Unknown failure');
  const tokens = [
    state.idToken,
    state.refreshToken,
    ...state.tokenSets.map((set) => set.accessToken),
    ...(state.connectionTokenSets ?? []).map((set) => set.accessToken),
  ].filter((token): token is string => typeof token === 'string' && token.length > 0);
  let message = err.message;
  for (const token of tokens) message = message.split(token).join('[token]');
  const copy = new Error(message.slice(0, 200));
  copy.name = err.name;
  return copy;
}
