import { isRecord } from '../lib/is-record.js';
import type { ConnectionTokenSet, StateData } from '../types.js';

/**
 * The session's token for `connection`, or `undefined`. An entry of another shape (a store's
 * corrupted record) reads as none, so it is fetched again rather than trusted.
 */
export function findConnectionTokenSet(
  state: StateData | undefined,
  connection: string,
): ConnectionTokenSet | undefined {
  const sets: unknown = state?.connectionTokenSets;
  if (!Array.isArray(sets)) return undefined;
  for (const set of sets as unknown[]) {
    if (
      isRecord(set) &&
      set.connection === connection &&
      typeof set.accessToken === 'string' &&
      typeof set.expiresAt === 'number'
    ) {
      return {
        accessToken: set.accessToken,
        expiresAt: set.expiresAt,
        scope: typeof set.scope === 'string' ? set.scope : undefined,
        connection,
        ...(typeof set.loginHint === 'string' ? { loginHint: set.loginHint } : {}),
      };
    }
  }
  return undefined;
}

/** The session with `set` in place of its connection's previous token (never mutates `state`). */
export function withConnectionTokenSet(state: StateData, set: ConnectionTokenSet): StateData {
  const others = Array.isArray(state.connectionTokenSets)
    ? state.connectionTokenSets.filter((s) => !isRecord(s) || s.connection !== set.connection)
    : [];
  return { ...state, connectionTokenSets: [...others, set] };
}
