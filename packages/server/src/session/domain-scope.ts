import type { StateData } from '../types.js';
import type { NextSession, SessionAccess } from './access.js';
import { RedeemedSession } from './rules.js';

/** The domain a view of the sessions is for. */
export interface SessionDomain {
  /** What a session made on this domain records in `domain` (the origin, `https://tenant.auth0.com`). */
  recorded: string;
  /** Whether a recorded value names this domain (the peer records the bare host). */
  owns(recorded: unknown): boolean;
  /**
   * Whether a session that recorded no domain (written before sessions recorded one) counts as this
   * domain's: true for a client with one static domain, false for a resolving client.
   */
  ownsUnrecorded: boolean;
}

/**
 * The sessions as one domain sees them, over the one owner: a session made on another domain reads
 * as no session (so its tokens never reach this domain's endpoints, and it is never refreshed here),
 * and every session written through this view records this domain. Writes still go through the
 * owner's locked `update(fn)`; `fn` sees `undefined` where the store holds another domain's session,
 * which only a new session (a login here) replaces.
 */
export function scopeToDomain<O>(sessions: SessionAccess<O>, domain: SessionDomain): SessionAccess<O> {
  const mine = (state: StateData | undefined): StateData | undefined =>
    state && (state.domain === undefined ? domain.ownsUnrecorded : domain.owns(state.domain))
      ? state
      : undefined;
  const record = (next: NextSession): NextSession => {
    if (next === null || next === undefined || next instanceof RedeemedSession) return next;
    return next.domain === domain.recorded ? next : { ...next, domain: domain.recorded };
  };
  return {
    get: (storeOptions) => sessions.get(storeOptions).then(mine),
    update: async (fn, storeOptions) => {
      const after = await sessions.update(async (current) => {
        const own = mine(current);
        const next = await fn(own);
        // "Leave it as it was", or ending a session this domain does not see, leaves the other
        // domain's session alone.
        if (next === own || (next === null && own === undefined)) return current;
        return record(next);
      }, storeOptions);
      return mine(after);
    },
  };
}
