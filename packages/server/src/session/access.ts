import type { StateData } from '../types.js';

/**
 * How operations outside the session code (the MFA client, the token refresh) read and write the
 * current session. The ServerClient implements it over its state store and `stateIdentifier`.
 */
export interface SessionAccess<TStoreOptions> {
  /** The current session, or `undefined` (no, expired, tampered or foreign cookie). Never throws. */
  get(storeOptions?: TStoreOptions): Promise<StateData | undefined>;
  /**
   * Writes the session (creating it when there is none). `newSession` says that `state` starts a new
   * session (a login, or another user): the store then drops what the request's identifier pointed
   * at and issues a new id, so that an id planted before the login is worthless after it.
   */
  set(state: StateData, storeOptions?: TStoreOptions, newSession?: boolean): Promise<void>;
  /**
   * Runs `fn` so that, per session, one such update runs at a time (in this process, and across
   * processes where the store offers a lock). `fn` receives the session as it is inside the lock.
   */
  update<T>(fn: (state: StateData | undefined) => Promise<T>, storeOptions?: TStoreOptions): Promise<T>;
}
