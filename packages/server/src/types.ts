/** Claims about the user, from the validated ID token. */
export interface UserClaims {
  sub: string;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  email?: string;
  email_verified?: boolean;
  org_id?: string;
  [key: string]: unknown;
}

/** An access token for one audience (and scope), as kept in the session and returned by `getAccessToken`. */
export interface TokenSet {
  audience: string;
  accessToken: string;
  scope?: string | undefined;
  /** Unix time in seconds. */
  expiresAt: number;
}

/** What the session knows about itself. */
export interface InternalStateData {
  /** The session id: random, stable for the life of the session; what mfa tokens are bound to. */
  sid: string;
  /** Unix time in seconds the session was created (for the absolute lifetime). */
  createdAt: number;
}

/** The session, in the shape `@auth0/auth0-server-js` stores it. */
export interface StateData {
  user: UserClaims | undefined;
  idToken: string | undefined;
  refreshToken: string | undefined;
  tokenSets: TokenSet[];
  internal: InternalStateData;
  [key: string]: unknown;
}

/** A login in flight, kept from `startInteractiveLogin` to `completeInteractiveLogin`. */
export interface TransactionData {
  codeVerifier: string;
  state?: string;
  nonce?: string;
  audience?: string;
  scope?: string;
  redirectUri?: string;
  maxAge?: number;
  appState?: unknown;
  [key: string]: unknown;
}

/** The claims of a validated logout token that identify the sessions to end. */
export interface LogoutTokenClaims {
  sub?: string;
  sid?: string;
  iss?: string;
}

/** A keyed store; the same three methods as `@auth0/auth0-server-js`. */
export interface AbstractDataStore<TData, TStoreOptions = unknown> {
  set(identifier: string, data: TData, removeIfExists?: boolean, storeOptions?: TStoreOptions): Promise<void>;
  get(identifier: string, storeOptions?: TStoreOptions): Promise<TData | undefined>;
  delete(identifier: string, storeOptions?: TStoreOptions): Promise<void>;
}

/** Where sessions live. */
export interface StateStore<TStoreOptions = unknown> extends AbstractDataStore<StateData, TStoreOptions> {
  deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
  /**
   * Optional: runs `fn` while holding a lock on the session `identifier`, so that one refresh runs at
   * a time for a session even across processes (a Redis store implements it). Without it, the client
   * still shares one refresh among concurrent callers in this process.
   */
  withLock?<T>(identifier: string, fn: () => Promise<T>, storeOptions?: TStoreOptions): Promise<T>;
}

/** Where login transactions live. */
export type TransactionStore<TStoreOptions = unknown> = AbstractDataStore<TransactionData, TStoreOptions>;

/** Options for a cookie, as a {@link CookieHandler} receives them. `maxAge` is in seconds. */
export interface CookieSerializeOptions {
  domain?: string;
  expires?: Date;
  httpOnly?: boolean;
  maxAge?: number;
  path?: string;
  secure?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  partitioned?: boolean;
  priority?: 'low' | 'medium' | 'high';
}

/** Reads and writes cookies for a framework; the same interface as `@auth0/auth0-server-js`. */
export interface CookieHandler<TStoreOptions> {
  setCookie(
    name: string,
    value: string,
    options?: CookieSerializeOptions,
    storeOptions?: TStoreOptions,
  ): void;
  getCookie(name: string, storeOptions?: TStoreOptions): string | undefined;
  getCookies(storeOptions?: TStoreOptions): Record<string, string>;
  deleteCookie(name: string, storeOptions?: TStoreOptions, options?: CookieSerializeOptions): void;
}
