import { resolveConfig, storeOptionsCheck, type ResolvedConfig, type ServerClientOptions } from './config.js';
import { asPeerOperation } from './errors/index.js';
import { isAppFailure } from './errors/store-error.js';
import { createDpopProofSigner, importDpopKey } from './crypto/index.js';
import { createClientAuth, createFunnelFetch } from './http/index.js';
import { redactedView } from './lib/redact.js';
import { ReplayCache } from './lib/replay-cache.js';
import { argumentError, optionalString, requireString, withoutEmpty } from './lib/validate.js';
import { SingleFlight } from './lib/single-flight.js';
import { MfaClient } from './mfa/index.js';
import { CookieTransactionStore, StatelessStateStore } from './stores/index.js';
import { TransactionBinding } from './stores/transaction-binding.js';
import { getAccessToken, type GetAccessTokenOptions, type SharedRefresh } from './protocol/access-token.js';
import { buildAuthorizationRequest, type StartInteractiveLoginOptions } from './protocol/authorize.js';
import {
  getAccessTokenForConnection,
  type AccessTokenForConnectionOptions,
} from './protocol/connection-token.js';
import { validateLogoutToken } from './protocol/backchannel-logout.js';
import { exchangeCode, type ExchangedCode } from './protocol/callback.js';
import { LoginTransactions } from './protocol/login-transactions.js';
import {
  checkBackchannelOptions,
  pollBackchannelOnce,
  saveBackchannelLogin,
  startBackchannelLogin,
  waitForBackchannelLogin,
  type BackchannelLoginStart,
  type BackchannelPollResult,
  type LoginBackchannelOptions,
  type LoginBackchannelResult,
} from './protocol/ciba.js';
import {
  completeConnectAccount,
  deleteConnectedAccount,
  isConnectAccount,
  listConnectedAccounts,
  myAccountAudience,
  startConnectAccount,
  CONNECT_ACCOUNT_FLOW,
  type CompleteConnectAccountResult,
  type ConnectAccountOptions,
  type ConnectedAccountsPage,
  type ListConnectedAccountsOptions,
  type MyAccountContext,
} from './protocol/connected-accounts.js';
import { DatabaseClient } from './protocol/database.js';
import { PasskeyClient } from './protocol/passkey-client.js';
import {
  linkFlowOf,
  saveLinkedSession,
  startLinking,
  type LinkFlow,
  type StartLinkUserOptions,
  type StartUnlinkUserOptions,
} from './protocol/link-user.js';
import { DPoPHeaderSource, type DPoPHeaders, type GetDPoPHeadersOptions } from './protocol/dpop.js';
import {
  exchangeMagicLinkCode,
  MAGIC_LINK_FLOW,
  passwordlessOtpGrant,
  startPasswordless,
  type CompletePasswordlessOptions,
  type CompletePasswordlessResult,
  type StartPasswordlessOptions,
} from './protocol/passwordless.js';
import { withOpenid } from './protocol/authorize.js';
import { buildLogoutUrl, type LogoutOptions } from './protocol/logout.js';
import {
  checkExchangeOptions,
  loginWithTokenExchange,
  tokenExchange,
  type CustomTokenExchangeOptions,
  type ExchangedTokens,
} from './protocol/token-exchange.js';
import { refreshTokenGrant } from './protocol/refresh.js';
import {
  revokeRefreshToken,
  revokeSessionRefreshToken,
  type RevokeRefreshTokenOptions,
} from './protocol/revoke.js';
import {
  buildSessionTransferRedirect,
  requestSessionTransferToken,
  type RequestSessionTransferTokenOptions,
  type SessionTransferTokenResult,
} from './protocol/session-transfer.js';
import { toTokenResponse, type TokenResponse } from './protocol/token-response.js';
import type { SessionOwner } from './session/access.js';
import { cookieAttributes, secureByDefault } from './session/lifetime.js';
import { createSessionOwner } from './session/owner.js';
import { loggedIn } from './session/rules.js';
import { publicSession, withBeforeSave } from './session/before-save.js';
import { updateSession } from './session/update-session.js';
import { Domains } from './protocol/domains.js';
import { domainParts, type DomainParts } from './client-domains.js';
import { RefreshShare } from './session/shared-refresh.js';
import { DEFAULT_AUDIENCE } from './session/token-sets.js';
import type {
  ConnectionTokenSet,
  ReplayStore,
  SessionData,
  SessionUpdate,
  StateData,
  StateStore,
  TokenSet,
  TransactionData,
  TransactionStore,
  UserClaims,
} from './types.js';

/**
 * The server-side Auth0 client: interactive login, sessions, access tokens, logout and MFA.
 *
 * A thin facade: it validates the configuration once and wires it into the protocol functions that
 * do the work.
 *
 * @example
 * ```ts
 * const client = new ServerClient({ domain, clientId, clientSecret, secret, stateStore, transactionStore,
 *   authorizationParams: { redirect_uri: 'https://app.example.com/auth/callback' } });
 * ```
 */
export class ServerClient<TStoreOptions = unknown> {
  /** Multi-factor authentication: list, enroll, challenge and verify factors with an encrypted mfa token. */
  readonly mfa: MfaClient<TStoreOptions>;
  /** Database connections: `signUp` and `changePassword` (the peer's `client.database`); no session involved. */
  readonly database: DatabaseClient<TStoreOptions>;
  /** Passkeys through Auth0's native passkey API: `register`, `challenge`, `getToken` (the peer's `client.passkey`). */
  readonly passkey: PasskeyClient<TStoreOptions>;

  readonly #config: ResolvedConfig<TStoreOptions>;
  /** Discovery, keys, mfa tokens and the sessions view, per Auth0 domain. */
  readonly #domains: Domains<TStoreOptions, DomainParts<TStoreOptions>>;
  readonly #transactions: LoginTransactions<TStoreOptions>;
  readonly #sessions: SessionOwner<TStoreOptions>;
  readonly #replay: ReplayStore;
  readonly #needStoreOptions: (storeOptions: TStoreOptions | undefined, method: string) => void;
  readonly #dpopHeaders: DPoPHeaderSource;

  static {
    // Logged, the client shows which tenant and application it is for, never its secrets or stores.
    redactedView(ServerClient, (client) => ({
      issuer: client.#config.issuer?.href ?? '(resolved per request)',
      clientId: client.#config.clientId,
    }));
  }

  /**
   * @throws {TypeError} naming the option that is missing or malformed.
   */
  constructor(options: ServerClientOptions<TStoreOptions>) {
    const config = resolveConfig(options);
    this.#config = config;
    this.#needStoreOptions = storeOptionsCheck(config);
    const stores = resolveStores(config);
    this.#transactions = new LoginTransactions(
      stores.transactionStore,
      config.cookieHandler &&
        new TransactionBinding(
          config.cookieHandler,
          cookieAttributes(transactionCookies(config), secureByDefault(appOrigin(config))),
        ),
      config.transactionIdentifier,
    );
    this.#replay = config.replayStore ?? new ReplayCache();
    const dpopKey = config.dpopKeyPair && importDpopKey(config.dpopKeyPair);
    this.#dpopHeaders = new DPoPHeaderSource(dpopKey?.then((key) => createDpopProofSigner(key)));
    this.#sessions = createSessionOwner({
      store: stores.stateStore,
      identifier: config.stateIdentifier,
      coordinator: config.coordinator,
    });
    const refresh = {
      flights: new SingleFlight<SharedRefresh>(),
      share:
        config.coordinator && new RefreshShare(config.coordinator, config.secrets, config.refreshShareTtl),
    };
    const shared = {
      sessions: config.beforeSessionSaved
        ? withBeforeSave(this.#sessions, config.beforeSessionSaved)
        : this.#sessions,
      appSessions: this.#sessions,
      refresh,
      clientAuth: createClientAuth(config.clientAuth),
      fetch: createFunnelFetch({ fetch: config.fetch, timeoutMs: config.httpTimeout }),
      dpop: dpopKey && { key: dpopKey, now: Date.now },
    };
    this.#domains = new Domains(config.domain, (issuer, recorded) =>
      domainParts(config, shared, issuer, recorded),
    );
    this.database = new DatabaseClient(async (o) => (await this.#at(o)).transport, config.clientId);
    this.passkey = new PasskeyClient({
      transport: async (o) => (await this.#at(o)).transport,
      defaults: config.authorizationParams,
      logIn: async (answer, target, o) => this.#logIn(await this.#at(o), answer, target, o),
      needStoreOptions: this.#needStoreOptions,
    });
    this.mfa = new MfaClient({
      at: (o) => this.#at(o),
      getAccessToken: (opts, storeOptions) => this.getAccessToken(opts, storeOptions),
      defaultAudience: config.authorizationParams.audience,
    });
  }

  /**
   * Starts a login: keeps a transaction (PKCE verifier, state, nonce, appState) under
   * `<transactionIdentifier>.<state>` and returns the URL to redirect the browser to. With a
   * `cookieHandler`, the transaction is bound to this browser (whatever the transaction store): only
   * a callback in the same browser completes it, and a browser keeps at most three pending logins,
   * the newest.
   *
   * @throws {TypeError} when no `redirect_uri` is configured or given, or when `storeOptions` are given
   *   (a browser's request) with a server-side `transactionStore` and no `cookieHandler` to bind to it.
   * @throws {RequestError} `request_failed` / `request_timeout` / `invalid_response` (discovery, PAR).
   * @throws {ServerError} `server_error` when the PAR endpoint refuses the request.
   * @example
   * ```ts
   * res.redirect((await client.startInteractiveLogin({ appState: { returnTo: '/' } }, { req, res })).href);
   * ```
   */
  async startInteractiveLogin(
    options: StartInteractiveLoginOptions = {},
    storeOptions?: TStoreOptions,
  ): Promise<URL> {
    this.#needStoreOptions(storeOptions, 'startInteractiveLogin');
    this.#transactions.needBinding(storeOptions);
    const { transport, recorded } = await this.#at(storeOptions);
    const started = await buildAuthorizationRequest(
      transport,
      this.#config.authorizationParams,
      options,
      this.#config.organization,
    );
    await this.#transactions.keep(started.state, { ...started.transaction, domain: recorded }, storeOptions);
    return started.url;
  }

  /**
   * Completes a login from the callback URL: finds the transaction by `state`, deletes it (a callback
   * URL works once), exchanges the code, validates the ID token and writes a new session.
   *
   * @throws {CallbackError} `missing_transaction` (its `transaction` names the key looked up) or
   *   `invalid_callback` (the server's `error` / `errorDescription`, or no well-formed state, or no
   *   code). Values from the callback URL are never in the message.
   * @throws {IdTokenValidationError} `id_token_invalid`, naming the claim.
   * @throws {ServerError} `server_error` when the code is refused; {@link RequestError} on transport failures.
   * @throws {StoreError} `store_unavailable` when the transaction or session store fails (not `missing_transaction`).
   * @example
   * ```ts
   * const { appState } = await client.completeInteractiveLogin<{ returnTo: string }>(fullUrl, { req, res });
   * ```
   */
  completeInteractiveLogin<TAppState = unknown>(
    url: string | URL,
    storeOptions?: TStoreOptions,
  ): Promise<{ appState?: TAppState }> {
    return asPeerOperation('token_by_code_error', () =>
      this.#complete<TAppState>(url, storeOptions, 'completeInteractiveLogin', hasVerifier),
    );
  }

  /**
   * The callback of a login, or of a link or unlink (a transaction `accepts` takes): a login writes a
   * new session, a link updates the session it was started from, for the same user only.
   */
  async #complete<TAppState>(
    url: string | URL,
    storeOptions: TStoreOptions | undefined,
    method: string,
    accepts: (transaction: TransactionData) => transaction is TransactionData & { codeVerifier: string },
  ): Promise<{ appState?: TAppState }> {
    this.#needStoreOptions(storeOptions, method);
    const callback = new URL(url);
    // A magic link's transaction has no verifier: it completes only by completePasswordlessMagicLink.
    const { transaction, at } = await this.#takeTransaction(callback, storeOptions, accepts);
    const answer = await exchangeCode(at.transport, callback, transaction, transaction.codeVerifier);
    if (linkFlowOf(transaction) === undefined) await this.#logIn(at, answer, transaction, storeOptions);
    else {
      const target = { audience: transaction.audience ?? this.#defaultAudience, scope: transaction.scope };
      await saveLinkedSession(at.sessions, answer, target, storeOptions);
    }
    return transaction.appState === undefined ? {} : { appState: appStateOf<TAppState>(transaction) };
  }

  /**
   * Starts linking another account to the logged-in user (Auth0 account linking): the user signs in
   * to `connection` (GitHub, Google, ...) at Auth0, which links that account to them. The request
   * carries the session's ID token as `id_token_hint`; its transaction is kept and bound to this
   * browser as a login's. Complete it with {@link completeLinkUser} (or `completeInteractiveLogin`,
   * which recognises it) at the `redirect_uri`.
   *
   * @throws {MissingSessionError} `login_required`: no session, or one without an ID token.
   * @throws {TypeError} naming `connection` or `connectionScope`.
   * @throws {RequestError} when discovery fails (also a {@link StartLinkUserError}); {@link StoreError}.
   * @example
   * ```ts
   * res.redirect((await client.startLinkUser({ connection: 'github', appState: { returnTo: '/profile' } }, { req, res })).href);
   * ```
   */
  startLinkUser(options: StartLinkUserOptions, storeOptions?: TStoreOptions): Promise<URL> {
    return this.#startLinking('link', options, storeOptions, 'startLinkUser');
  }

  /**
   * Completes a link at its callback: exchanges the code and updates the session with the new ID
   * token (its `identities` list the linked account) and tokens. The session keeps its id, and only
   * an answer for the session's own user is taken.
   *
   * @throws {CallbackError} `missing_transaction` (no link of this browser has this `state`) or
   *   `invalid_callback` (the server's `error`: `access_denied` when the user cancelled or the account
   *   is linked to another user).
   * @throws {IdTokenValidationError} `id_token_user_mismatch`: the answer is for another user than the
   *   session's, which is left as it was.
   * @throws {MissingSessionError} the session ended meanwhile; {@link ServerError}; {@link RequestError}; {@link StoreError}.
   */
  async completeLinkUser<TAppState = unknown>(
    url: string | URL,
    storeOptions?: TStoreOptions,
  ): Promise<{ appState: TAppState | undefined }> {
    return this.#completeLinking<TAppState>('link', url, storeOptions, 'completeLinkUser');
  }

  /**
   * Starts unlinking the user's account on `connection`, as {@link startLinkUser} starts a link
   * (Auth0 asks the user to confirm). Complete it with {@link completeUnlinkUser}.
   *
   * @throws as {@link startLinkUser}.
   */
  startUnlinkUser(options: StartUnlinkUserOptions, storeOptions?: TStoreOptions): Promise<URL> {
    return this.#startLinking('unlink', options, storeOptions, 'startUnlinkUser');
  }

  /**
   * Completes an unlink at its callback, as {@link completeLinkUser} completes a link: the session's
   * user no longer lists the account in `identities`.
   *
   * @throws as {@link completeLinkUser}.
   */
  async completeUnlinkUser<TAppState = unknown>(
    url: string | URL,
    storeOptions?: TStoreOptions,
  ): Promise<{ appState: TAppState | undefined }> {
    return this.#completeLinking<TAppState>('unlink', url, storeOptions, 'completeUnlinkUser');
  }

  #startLinking(
    flow: LinkFlow,
    options: StartLinkUserOptions | StartUnlinkUserOptions,
    storeOptions: TStoreOptions | undefined,
    method: string,
  ): Promise<URL> {
    return asPeerOperation('start_link_user_error', async () => {
      this.#needStoreOptions(storeOptions, method);
      this.#transactions.needBinding(storeOptions);
      const { transport, sessions, recorded } = await this.#at(storeOptions);
      const context = { transport, sessions, defaults: this.#config.authorizationParams };
      const started = await startLinking(context, flow, options, storeOptions);
      await this.#transactions.keep(
        started.state,
        { ...started.transaction, domain: recorded },
        storeOptions,
      );
      return started.url;
    });
  }

  async #completeLinking<TAppState>(
    flow: LinkFlow,
    url: string | URL,
    storeOptions: TStoreOptions | undefined,
    method: string,
  ): Promise<{ appState: TAppState | undefined }> {
    const accepts = (t: TransactionData): t is TransactionData & { codeVerifier: string } =>
      hasVerifier(t) && linkFlowOf(t) === flow;
    const { appState } = await asPeerOperation('token_by_code_error', () =>
      this.#complete<TAppState>(url, storeOptions, method, accepts),
    );
    return { appState };
  }

  /**
   * Starts a passwordless login: sends an email code, an SMS code or an email magic link
   * (`POST /passwordless/start`, with the client's authentication). A code needs no state here:
   * complete it with {@link ServerClient.completePasswordless}. A magic link keeps a transaction like
   * an interactive login's, bound to this browser when a `cookieHandler` is configured, whose `state`
   * the link carries; complete it with {@link ServerClient.completePasswordlessMagicLink} at
   * `redirectUri`.
   *
   * @throws {TypeError} naming the option that is missing or malformed (a phone number not in E.164).
   * @throws {PasswordlessStartError} `passwordless_start_failed`: the server refused (`error` says why).
   * @throws {RequestError} on transport failures; {@link StoreError} when the transaction cannot be kept.
   * @example
   * ```ts
   * await client.startPasswordless({ connection: 'email', email, send: 'link', redirectUri }, { req, res });
   * ```
   */
  async startPasswordless(options: StartPasswordlessOptions, storeOptions?: TStoreOptions): Promise<void> {
    const link = options?.connection === 'email' && options.send === 'link';
    if (link) {
      this.#needStoreOptions(storeOptions, 'startPasswordless');
      this.#transactions.needBinding(storeOptions);
    }
    const { transport, recorded } = await this.#at(storeOptions);
    const started = await startPasswordless(transport, this.#config.authorizationParams, options);
    if (started)
      await this.#transactions.keep(
        started.state,
        { ...started.transaction, domain: recorded },
        storeOptions,
      );
  }

  /**
   * Completes an email or SMS code login with Auth0's `passwordless/otp` grant, validates the ID token
   * and writes a new session (as a login does: a new session id).
   *
   * @throws {TypeError} naming the option that is missing or malformed.
   * @throws {PasswordlessVerifyError} `passwordless_verify_failed`: wrong, expired or used-up code (`error` `invalid_grant`).
   * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token; no session is written.
   * @throws {IdTokenValidationError} `id_token_invalid`; {@link RequestError}; {@link StoreError}.
   * @example
   * ```ts
   * await client.completePasswordless({ connection: 'email', email, verificationCode: form.code }, { req, res });
   * ```
   */
  async completePasswordless(
    options: CompletePasswordlessOptions,
    storeOptions?: TStoreOptions,
  ): Promise<CompletePasswordlessResult> {
    this.#needStoreOptions(storeOptions, 'completePasswordless');
    const params = { ...this.#config.authorizationParams, ...options?.authorizationParams };
    const target = {
      audience: typeof params.audience === 'string' ? params.audience : undefined,
      scope: withOpenid(typeof params.scope === 'string' ? params.scope : undefined),
    };
    const at = await this.#at(storeOptions);
    const answer = await passwordlessOtpGrant(at.transport, options, target);
    await this.#logIn(at, answer, target, storeOptions);
    return {};
  }

  /**
   * Completes a magic-link login at its `redirectUri`: finds the transaction by `state`, checks that
   * this browser started it, spends it, exchanges the code (without PKCE, as Auth0's link has none),
   * validates the ID token and writes a new session.
   *
   * @throws {CallbackError} `missing_transaction` (no magic link of this browser has this `state`, or
   *   it was used) or `invalid_callback` (the server's `error`, or no code).
   * @throws {IdTokenValidationError}; {@link ServerError} when the code is refused; {@link RequestError}; {@link StoreError}.
   * @example
   * ```ts
   * await client.completePasswordlessMagicLink(new URL(req.url, 'https://app.example.com'), { req, res });
   * ```
   */
  async completePasswordlessMagicLink(
    url: string | URL,
    storeOptions?: TStoreOptions,
  ): Promise<CompletePasswordlessResult> {
    this.#needStoreOptions(storeOptions, 'completePasswordlessMagicLink');
    const callback = new URL(url);
    const { transaction, at } = await this.#takeTransaction(callback, storeOptions, isMagicLink);
    const answer = await exchangeMagicLinkCode(at.transport, callback, transaction);
    const target = { audience: transaction.audience, scope: transaction.scope };
    await this.#logIn(at, answer, target, storeOptions);
    return {};
  }

  /**
   * The logged-in user's claims, or `undefined` without a (valid) session. Never throws for a bad cookie.
   *
   * @example
   * ```ts
   * const user = await client.getUser({ req, res });
   * ```
   */
  async getUser(storeOptions?: TStoreOptions): Promise<UserClaims | undefined> {
    this.#needStoreOptions(storeOptions, 'getUser');
    return (await this.#readSession(storeOptions))?.user;
  }

  /**
   * The session, or `undefined`: an expired, tampered or foreign cookie reads as no session and
   * never throws.
   *
   * @example
   * ```ts
   * const session = await client.getSession({ req, res });
   * ```
   */
  getSession(storeOptions?: TStoreOptions): Promise<SessionData | undefined> {
    try {
      this.#needStoreOptions(storeOptions, 'getSession');
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return this.#readSession(storeOptions).then(publicSession);
  }

  /**
   * Changes the session's `user` (nextjs-auth0's `updateSession`): typically after the app edited the
   * profile through the Management API. `change` is the session to write, or a function from the
   * session as it is inside the session's lock to the one to write: concurrent updates in function
   * form are all applied. Only `user` may differ; `sub`, `iss` and `sid` are kept (put back when
   * left out). Nothing is written when it throws. `beforeSessionSaved` does not run, as in
   * nextjs-auth0. A later refresh keeps these claims unless it brings a new ID token, whose claims
   * then replace them.
   *
   * @returns the session as written.
   * @throws {TypeError} `change` is neither a session nor a function.
   * @throws {MissingSessionError} `login_required`: no session, or one without an ID token.
   * @throws {SessionHookError} `session_hook_invalid`: another field, or `sub` / `iss` / `sid`, changed.
   * @throws {StoreError} `store_unavailable` or `lock_timeout`.
   * @example
   * ```ts
   * await client.updateSession((session) => ({ ...session, user: { ...session.user, name } }), { req, res });
   * ```
   */
  async updateSession(change: SessionUpdate, storeOptions?: TStoreOptions): Promise<SessionData> {
    this.#needStoreOptions(storeOptions, 'updateSession');
    const { appSessions } = await this.#at(storeOptions);
    return updateSession(appSessions, change, storeOptions);
  }

  /**
   * An access token for `audience` (default: the configured one) and `scope`: the stored one while it
   * is more than `tokenRefreshLeeway` seconds from expiry, else a refreshed one. With `refresh: true`
   * (our addition) it refreshes even a valid token, unless another caller obtained one after this
   * call started. Concurrent callers share one refresh; a failed refresh leaves the session as it was.
   *
   * @throws {TypeError} naming `audience`, `scope` or `refresh` when one has the wrong type.
   * @throws {LoginRequiredError} `login_required`: no session, no refresh token, or `invalid_grant`.
   * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token bound to this session.
   * @throws {IdTokenValidationError} `id_token_invalid`, or `id_token_user_mismatch` when the refreshed ID
   *   token names another user or issuer; {@link OrganizationValidationError} when it leaves the session's
   *   organization; {@link DPoPError} `dpop_key_required` for a `DPoP` token set and no DPoP key. Nothing is written.
   * @throws {ServerError} `server_error`; {@link RequestError} `request_failed` / `request_timeout` / `invalid_response`.
   * @throws {StoreError} `store_unavailable` / `lock_timeout`: the session store or lock failed (retryable).
   * @example
   * ```ts
   * const { accessToken } = await client.getAccessToken({ audience: 'https://api.example.com' }, { req, res });
   * // After changing the user's roles, a token that carries them:
   * const renewed = await client.getAccessToken({ audience: 'https://api.example.com', refresh: true }, { req, res });
   * ```
   */
  async getAccessToken(options: GetAccessTokenOptions = {}, storeOptions?: TStoreOptions): Promise<TokenSet> {
    this.#needStoreOptions(storeOptions, 'getAccessToken');
    options = withoutEmpty(options ?? {});
    optionalString(options.audience, 'audience');
    optionalString(options.scope, 'scope');
    if (options.refresh !== undefined && typeof options.refresh !== 'boolean')
      throw argumentError('"refresh" must be a boolean', 'ERR_INVALID_ARG_TYPE');
    const query = options;
    return asPeerOperation('token_by_refresh_token_error', async () =>
      getAccessToken((await this.#at(storeOptions)).accessTokens, query, storeOptions),
    );
  }

  /**
   * The `Authorization: DPoP <token>` and `DPoP` (a new proof for this method and URL, with `ath` and
   * the API's last nonce) headers of an API call with a DPoP-bound access token (`useDpop`).
   *
   * @throws {TypeError} naming `method`, `url`, `accessToken` or `nonce`; or `dpopKeyPair` when the key
   *   cannot be imported.
   * @throws {DPoPError} `dpop_key_required` when the client is not configured with `useDpop`.
   * @example
   * ```ts
   * const { accessToken } = await client.getAccessToken({ audience }, { req, res });
   * const headers = await client.getDPoPHeaders({ method: 'GET', url, accessToken });
   * const answer = await fetch(url, { headers });
   * ```
   */
  getDPoPHeaders(options: GetDPoPHeadersOptions): Promise<DPoPHeaders> {
    return this.#dpopHeaders.headers(options);
  }

  /**
   * Logs a user in with Client-Initiated Backchannel Authentication (CIBA): asks Auth0 to have the
   * user approve on their own device (`/bc-authorize`, showing `bindingMessage`), waits for the answer
   * by polling the token endpoint (every `interval` seconds, longer after `slow_down`, until
   * `expires_in` runs out or `signal` aborts), then writes the session as a login does.
   *
   * @throws {TypeError} naming a missing or malformed option.
   * @throws {BackchannelAuthenticationError} `access_denied` (the user said no) or `expired_token`.
   * @throws {RequestError} `request_aborted` when `signal` aborts; `request_failed` / `request_timeout` / `invalid_response`.
   * @throws {ServerError} `server_error` when the server refuses the request (`unknown_user_id`, ...).
   * @throws {IdTokenValidationError} `id_token_invalid`; {@link StoreError} when the session cannot be written.
   * @example
   * ```ts
   * const { authorizationDetails } = await client.loginBackchannel(
   *   { bindingMessage: 'Pay 42 EUR: 7F3K', loginHint: { sub: 'auth0|alice' }, signal: AbortSignal.timeout(120_000) },
   *   { req, res },
   * );
   * ```
   */
  async loginBackchannel(
    options: LoginBackchannelOptions,
    storeOptions?: TStoreOptions,
  ): Promise<LoginBackchannelResult> {
    this.#needStoreOptions(storeOptions, 'loginBackchannel');
    checkBackchannelOptions(options);
    const { transport, sessions } = await this.#at(storeOptions);
    const start = await startBackchannelLogin(transport, this.#config.authorizationParams, options);
    const poll = (interval: number) => pollBackchannelOnce(transport, start.authReqId, interval);
    const tokens = await waitForBackchannelLogin(poll, start, options);
    return saveBackchannelLogin(sessions, tokens, this.#backchannelFiling(start), storeOptions);
  }

  /**
   * The first half of {@link loginBackchannel}, for apps that cannot hold a request open: starts the
   * CIBA request and returns it, to keep server-side and pass to {@link pollBackchannelLogin}.
   *
   * @throws {TypeError}; {@link ServerError}; {@link RequestError}.
   */
  async startBackchannelLogin(
    options: LoginBackchannelOptions,
    storeOptions?: TStoreOptions,
  ): Promise<BackchannelLoginStart> {
    checkBackchannelOptions(options);
    const { transport } = await this.#at(storeOptions);
    return startBackchannelLogin(transport, this.#config.authorizationParams, options);
  }

  /**
   * The second half: polls once for the request `startBackchannelLogin` returned. `pending` says to
   * poll again after `interval` seconds (pass the result's `interval` back in: it grows after
   * `slow_down`); `complete` means the user approved and the session is written.
   *
   * @throws {BackchannelAuthenticationError} `access_denied` or `expired_token`.
   * @throws {ServerError} (an unknown or already collected request); {@link RequestError};
   *   {@link IdTokenValidationError}; {@link StoreError}.
   */
  async pollBackchannelLogin(
    request: Pick<BackchannelLoginStart, 'authReqId' | 'interval' | 'audience'>,
    storeOptions?: TStoreOptions,
  ): Promise<BackchannelPollResult> {
    this.#needStoreOptions(storeOptions, 'pollBackchannelLogin');
    requireString(request?.authReqId, 'authReqId');
    optionalString(request.audience, 'audience');
    const interval = request.interval > 0 ? request.interval : 5;
    const { transport, sessions } = await this.#at(storeOptions);
    const outcome = await pollBackchannelOnce(transport, request.authReqId, interval);
    if (outcome.status === 'pending') return outcome;
    const saved = await saveBackchannelLogin(
      sessions,
      outcome,
      this.#backchannelFiling(request),
      storeOptions,
    );
    return { status: 'complete', ...saved };
  }

  /**
   * The user's access token for a federated connection (Auth0 Token Vault: Google, GitHub, ...):
   * the one kept in the session while it is more than `tokenRefreshLeeway` seconds from expiry,
   * else a new one for the session's refresh token, kept per connection. One request per session
   * and connection, across processes too, as for `getAccessToken`.
   *
   * @throws {LoginRequiredError} `login_required`: no session, or no refresh token in it.
   * @throws {TokenForConnectionError} `token_for_connection_error`: the server refused the exchange.
   * @throws {StoreError} `store_unavailable` / `lock_timeout`; {@link RequestError} on transport failures.
   * @example
   * ```ts
   * const { accessToken } = await client.getAccessTokenForConnection({ connection: 'google-oauth2' }, { req, res });
   * ```
   */
  async getAccessTokenForConnection(
    options: AccessTokenForConnectionOptions,
    storeOptions?: TStoreOptions,
  ): Promise<ConnectionTokenSet> {
    this.#needStoreOptions(storeOptions, 'getAccessTokenForConnection');
    requireString(options?.connection, 'connection');
    optionalString(options.loginHint, 'loginHint');
    return getAccessTokenForConnection((await this.#at(storeOptions)).accessTokens, options, storeOptions);
  }

  /**
   * Starts connecting one of the user's accounts at a connection (Connected Accounts, My Account API):
   * asks the API for a connect ticket with a token from the session (`getAccessToken` for
   * `https://{domain}/me/`, scope `create:me:connected_accounts`), keeps the PKCE verifier and
   * `auth_session` in a transaction bound to this browser like a login's, and returns the URL to send
   * the browser to. It comes back to `redirectUri` with `connect_code`: {@link completeConnectAccount}.
   *
   * @throws {TypeError} naming the option; {@link LoginRequiredError} `login_required` (no session or refresh token).
   * @throws {MyAccountApiError} `my_account_api_error`: the API refused; {@link RequestError}; {@link StoreError}.
   * @example
   * ```ts
   * res.redirect((await client.connectAccount({ connection: 'google-oauth2', scopes: ['openid'] }, { req, res })).href);
   * ```
   */
  async connectAccount(options: ConnectAccountOptions, storeOptions?: TStoreOptions): Promise<URL> {
    this.#needStoreOptions(storeOptions, 'connectAccount');
    this.#transactions.needBinding(storeOptions);
    const at = await this.#at(storeOptions);
    const started = await startConnectAccount(
      this.#myAccount(at, storeOptions),
      options,
      this.#config.authorizationParams.redirect_uri,
    );
    await this.#transactions.keep(
      started.state,
      { ...started.transaction, domain: at.recorded },
      storeOptions,
    );
    return started.url;
  }

  /**
   * Completes a connect request from its callback URL (`connect_code`, `state`): spends the
   * transaction this browser started and files the account with the My Account API.
   *
   * @throws {CallbackError} `missing_transaction` or `invalid_callback` (the server's `error`, such as
   *   `access_denied` when the user refused; no `connect_code`).
   * @throws {MyAccountApiError} `my_account_api_error`; {@link LoginRequiredError}; {@link RequestError}; {@link StoreError}.
   */
  async completeConnectAccount<TAppState = unknown>(
    url: string | URL,
    storeOptions?: TStoreOptions,
  ): Promise<CompleteConnectAccountResult<TAppState>> {
    this.#needStoreOptions(storeOptions, 'completeConnectAccount');
    const callback = new URL(url);
    const { transaction, at } = await this.#takeTransaction(callback, storeOptions, isConnectAccount);
    const account = await completeConnectAccount(this.#myAccount(at, storeOptions), callback, transaction);
    return transaction.appState === undefined
      ? account
      : { ...account, appState: appStateOf<TAppState>(transaction) };
  }

  /**
   * The user's connected accounts, a page at a time (scope `read:me:connected_accounts`).
   *
   * @throws {TypeError}; {@link MyAccountApiError}; {@link LoginRequiredError}; {@link RequestError}.
   */
  async listConnectedAccounts(
    options: ListConnectedAccountsOptions = {},
    storeOptions?: TStoreOptions,
  ): Promise<ConnectedAccountsPage> {
    this.#needStoreOptions(storeOptions, 'listConnectedAccounts');
    return listConnectedAccounts(this.#myAccount(await this.#at(storeOptions), storeOptions), options ?? {});
  }

  /**
   * Deletes one of the user's connected accounts by its `id` (scope `delete:me:connected_accounts`).
   *
   * @throws {TypeError}; {@link MyAccountApiError} (`status` 404: not one of the user's); {@link LoginRequiredError}.
   */
  async deleteConnectedAccount(connectedAccountId: string, storeOptions?: TStoreOptions): Promise<void> {
    this.#needStoreOptions(storeOptions, 'deleteConnectedAccount');
    return deleteConnectedAccount(
      this.#myAccount(await this.#at(storeOptions), storeOptions),
      connectedAccountId,
    );
  }

  /**
   * Exchanges a token from elsewhere for Auth0 tokens (Custom Token Exchange, RFC 8693), with no
   * session involved. The options are checked before any request (see {@link CustomTokenExchangeOptions}).
   *
   * @throws {TypeError} naming the option Auth0 would refuse (a padded or `Bearer ` subject token, a reserved type).
   * @throws {TokenExchangeError} `token_exchange_error`: the server refused the exchange.
   * @throws {IdTokenValidationError} `id_token_invalid`; {@link RequestError} on transport failures.
   * @example
   * ```ts
   * const { accessToken, act } = await client.customTokenExchange({ subjectTokenType: 'urn:acme:legacy-token', subjectToken });
   * ```
   */
  async customTokenExchange(
    options: CustomTokenExchangeOptions,
    storeOptions?: TStoreOptions,
  ): Promise<ExchangedTokens> {
    checkExchangeOptions(options);
    const audience = options.audience ?? this.#config.authorizationParams.audience;
    const { tokens } = await tokenExchange((await this.#at(storeOptions)).transport, {
      ...options,
      ...(audience === undefined ? {} : { audience }),
    });
    return tokens;
  }

  /**
   * Logs a user in from a token from elsewhere (Custom Token Exchange, RFC 8693): `openid` is added
   * to the scope, the ID token is validated and a new session is written, as a login would.
   *
   * @throws {TypeError} naming the option Auth0 would refuse.
   * @throws {TokenExchangeError} `token_exchange_error`: refused, or answered without an ID token.
   * @throws {IdTokenValidationError}; {@link StoreError}; {@link RequestError}.
   * @example
   * ```ts
   * await client.loginWithCustomTokenExchange({ subjectTokenType: 'urn:acme:legacy-token', subjectToken }, { req, res });
   * ```
   */
  async loginWithCustomTokenExchange(
    options: CustomTokenExchangeOptions,
    storeOptions?: TStoreOptions,
  ): Promise<Record<string, never>> {
    this.#needStoreOptions(storeOptions, 'loginWithCustomTokenExchange');
    checkExchangeOptions(options);
    const { transport, sessions } = await this.#at(storeOptions);
    return loginWithTokenExchange(
      {
        transport,
        sessions,
        audience: this.#config.authorizationParams.audience,
        scope: this.#config.authorizationParams.scope,
      },
      options,
      storeOptions,
    );
  }

  /**
   * A session transfer token (native-to-web single sign-on, impersonation by an agent): a Custom
   * Token Exchange for the audience `urn:<domain>:session_transfer`, with `actor` or the session's
   * ID token as the actor. Hand the result to {@link buildSessionTransferRedirect}; never keep it.
   *
   * @throws {TypeError} naming the option, before any request.
   * @throws {TokenExchangeError} `actor_unavailable` (before any request) or `token_exchange_error`.
   * @example
   * ```ts
   * const stt = await client.requestSessionTransferToken({ subjectTokenType: 'urn:acme:customer', subjectToken }, { req, res });
   * res.redirect(client.buildSessionTransferRedirect('https://web.example.com/auth/login', stt).href);
   * ```
   */
  async requestSessionTransferToken(
    options: RequestSessionTransferTokenOptions,
    storeOptions?: TStoreOptions,
  ): Promise<SessionTransferTokenResult> {
    if (options?.actor === undefined) this.#needStoreOptions(storeOptions, 'requestSessionTransferToken');
    const { transport, sessions } = await this.#at(storeOptions);
    return requestSessionTransferToken(
      { transport, sessions, issuer: transport.issuer },
      options,
      storeOptions,
    );
  }

  /**
   * `targetLoginUrl` (the target app's login route: absolute, https or loopback http) with the
   * session transfer token, and `organization`, added to its query. No request, no session change.
   *
   * @throws {TypeError} naming the argument.
   */
  buildSessionTransferRedirect(
    targetLoginUrl: string,
    result: SessionTransferTokenResult,
    options?: { organization?: string },
  ): URL {
    return buildSessionTransferRedirect(targetLoginUrl, result, options);
  }

  /**
   * Exchanges a refresh token for new tokens, with no session involved.
   *
   * @throws {LoginRequiredError} `login_required` when the server answers `invalid_grant`.
   * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token bound to this client and issuer.
   * @throws {IdTokenValidationError} `id_token_invalid`; {@link ServerError}; {@link RequestError}.
   * @example
   * ```ts
   * const tokens = await client.getTokenByRefreshToken({ refreshToken, audience: 'https://api.example.com' });
   * ```
   */
  async getTokenByRefreshToken(
    options: { refreshToken: string; audience?: string; scope?: string },
    storeOptions?: TStoreOptions,
  ): Promise<TokenResponse> {
    requireString(options?.refreshToken, 'refreshToken');
    options = withoutEmpty(options);
    optionalString(options.audience, 'audience');
    optionalString(options.scope, 'scope');
    const audience = options.audience ?? this.#config.authorizationParams.audience;
    const { refreshToken, scope } = options;
    const { response } = await asPeerOperation('token_by_refresh_token_error', async () =>
      refreshTokenGrant(
        (await this.#at(storeOptions)).transport,
        refreshToken,
        { audience, scope },
        { invalidGrant: 'login_required', binding: { audience, scope } },
      ),
    );
    return toTokenResponse(response);
  }

  /**
   * Deletes the session and returns the URL that ends the user's session at Auth0.
   *
   * @throws {RequestError} when discovery fails (the local session is deleted already).
   * @throws {StoreError} `store_unavailable` / `lock_timeout` when the session could not be deleted.
   * @example
   * ```ts
   * res.redirect((await client.logout({ returnTo: 'https://app.example.com/' }, { req, res })).href);
   * ```
   */
  async logout(options: LogoutOptions = {}, storeOptions?: TStoreOptions): Promise<URL> {
    this.#needStoreOptions(storeOptions, 'logout');
    if (options?.returnTo !== undefined && !URL.canParse(options.returnTo)) {
      throw argumentError(
        '"returnTo" must be an absolute URL: join a relative path to your app\'s base URL, new URL(path, appBaseUrl).href (Auth0 refuses a relative one)',
      );
    }
    const { transport, sessions } = await this.#at(storeOptions);
    let ended: StateData | undefined;
    await sessions.update((current) => {
      ended = current;
      return null;
    }, storeOptions);
    const refreshToken = ended?.refreshToken;
    if (options.revokeRefreshToken === true && refreshToken !== undefined) {
      await revokeRefreshToken(transport, refreshToken).catch(() => undefined);
    }
    return buildLogoutUrl(transport, options, ended?.idToken);
  }

  /**
   * Revokes a refresh token at Auth0 (`/oauth/revoke`): the session's, which is then removed from
   * the session, or `options.token`, with no session involved. Every later refresh with it answers
   * `invalid_grant`, so each session that holds it fails with `login_required` on its next refresh,
   * in every instance.
   *
   * @throws {TypeError} when `options.token` is given but empty.
   * @throws {LoginRequiredError} `login_required` when no token is given and the session holds none.
   * @throws {ServerError} `server_error` when the server refuses; {@link RequestError} on transport failures.
   * @throws {StoreError} `store_unavailable` / `lock_timeout` when the session could not be read or written.
   * @example
   * ```ts
   * await client.revokeRefreshToken({}, { req, res }); // the user's "sign out of other devices"
   * ```
   */
  async revokeRefreshToken(
    options: RevokeRefreshTokenOptions = {},
    storeOptions?: TStoreOptions,
  ): Promise<void> {
    optionalString(options?.token, 'token');
    if (options.token !== undefined)
      return revokeRefreshToken((await this.#at(storeOptions)).transport, options.token);
    this.#needStoreOptions(storeOptions, 'revokeRefreshToken');
    const { transport, sessions } = await this.#at(storeOptions);
    return revokeSessionRefreshToken(transport, sessions, storeOptions);
  }

  /**
   * Handles an OIDC back-channel logout: validates the logout token completely, then removes the
   * matching sessions with `stateStore.deleteByLogoutToken`.
   *
   * @throws {BackchannelLogoutError} `logout_token_invalid` (naming the claim) or
   *   `backchannel_logout_unsupported` (a store that cannot find sessions by `sid`/`sub`).
   * @throws {RequestError} when discovery or the JWKS cannot be fetched.
   * @example
   * ```ts
   * await client.handleBackchannelLogout(form.get('logout_token') ?? '');
   * ```
   */
  async handleBackchannelLogout(logoutToken: string, storeOptions?: TStoreOptions): Promise<void> {
    const { transport } = await this.#at(storeOptions);
    const claims = await validateLogoutToken(transport, logoutToken, this.#replay);
    await this.#sessions.deleteByLogoutToken(
      {
        iss: claims.iss,
        ...(claims.sid ? { sid: claims.sid } : {}),
        ...(claims.sub ? { sub: claims.sub } : {}),
      },
      storeOptions,
    );
    // Recorded only now that the logout took effect: a failure before this point records nothing the
    // sender's retry could be refused for. `false` means a concurrent delivery recorded it first.
    await this.#replay.add(claims.replayKey, claims.keepUntil);
  }

  /**
   * The session for the two read-only calls whose contract is "never throws": a store that fails to
   * read reads as no session here, while token operations let a store outage surface as an error.
   */
  #readSession(storeOptions?: TStoreOptions): Promise<StateData | undefined> {
    // A static domain's view is at hand: the per-request read takes no extra step for it. A
    // resolver that fails is the app's error, not "no session".
    const fixed = this.#domains.fixed?.parts.sessions;
    if (fixed) return fixed.get(storeOptions).catch(noSession);
    return this.#at(storeOptions).then(({ sessions }) => sessions.get(storeOptions).catch(noSession));
  }

  /** The transport, mfa tokens and sessions view of the request's domain. */
  async #at(storeOptions: TStoreOptions | undefined): Promise<DomainParts<TStoreOptions>> {
    return (await this.#domains.for(storeOptions)).parts;
  }

  /** Where a CIBA login's tokens go in the session: its audience, and the scope asked for. */
  #backchannelFiling(request: { audience?: string | undefined }): { audience: string; scope?: string } {
    const scope = this.#config.authorizationParams.scope;
    return {
      audience: request.audience ?? this.#defaultAudience,
      ...(typeof scope === 'string' ? { scope } : {}),
    };
  }

  /** The My Account API calls of this request on domain `at`: its tokens come from the session, as any audience's. */
  #myAccount(at: DomainParts<TStoreOptions>, storeOptions: TStoreOptions | undefined): MyAccountContext {
    const audience = myAccountAudience(at.transport.issuer);
    return {
      transport: at.transport,
      accessToken: async (scope) =>
        (await this.getAccessToken({ audience, scope }, storeOptions)).accessToken,
    };
  }

  get #defaultAudience(): string {
    return this.#config.authorizationParams.audience ?? DEFAULT_AUDIENCE;
  }

  /** A login's new session, through the owner's one write path. */
  async #logIn(
    at: DomainParts<TStoreOptions>,
    answer: ExchangedCode,
    target: { audience?: string | undefined; scope?: string | undefined; organization?: string | undefined },
    storeOptions: TStoreOptions | undefined,
  ): Promise<void> {
    const session = loggedIn(
      { tokens: toTokenResponse(answer.response), claims: answer.claims },
      { audience: target.audience ?? this.#defaultAudience, scope: target.scope },
      { organization: target.organization },
    );
    await at.sessions.update(() => session, storeOptions);
  }

  /**
   * The transaction a callback completes, spent (see {@link LoginTransactions.take}), and the domain it
   * started on, whatever this request resolves to.
   */
  async #takeTransaction<T extends TransactionData>(
    callback: URL,
    storeOptions: TStoreOptions | undefined,
    accepts: (transaction: TransactionData) => transaction is T,
  ): Promise<{ transaction: T; at: DomainParts<TStoreOptions> }> {
    const { transaction, ready: at } = await this.#transactions.take(
      callback,
      storeOptions,
      accepts,
      async (found) => {
        const { parts } = await this.#domains.recordedOr(found.domain, storeOptions);
        // Discovery and the keys before the transaction is spent: their outage leaves the login retryable.
        await parts.transport.keys.ready();
        return parts;
      },
    );
    return { transaction, at };
  }
}

/** A read that failed is no session, unless the app's own code (its cookie handler) threw: that is its error. */
const noSession = (err: unknown): undefined => {
  if (isAppFailure(err)) throw err;
  return undefined;
};

/** An interactive login's transaction: it has the PKCE verifier its code exchange sends. */
function hasVerifier(
  transaction: TransactionData,
): transaction is TransactionData & { codeVerifier: string } {
  return (
    typeof transaction.codeVerifier === 'string' &&
    transaction.flow !== MAGIC_LINK_FLOW &&
    transaction.flow !== CONNECT_ACCOUNT_FLOW
  );
}

function isMagicLink(transaction: TransactionData): transaction is TransactionData {
  return transaction.flow === MAGIC_LINK_FLOW && transaction.codeVerifier === undefined;
}

/**
 * The configured stores, or the cookie stores over `cookieHandler`: the whole session encrypted in
 * chunked cookies (`StatelessStateStore`) and one cookie per login (`CookieTransactionStore`). Their
 * cookies are `Secure` unless the redirect URI is plain http on a loopback host.
 */
function resolveStores<O>(config: ResolvedConfig<O>): {
  stateStore: StateStore<O>;
  transactionStore: TransactionStore<O>;
} {
  const { cookieHandler, secrets, session } = config;
  const appBaseUrl = appOrigin(config);
  const stateStore =
    config.stateStore ??
    (cookieHandler && new StatelessStateStore({ ...session, secret: secrets, appBaseUrl }, cookieHandler));
  const transactionStore =
    config.transactionStore ??
    (cookieHandler &&
      new CookieTransactionStore(
        { secret: secrets, appBaseUrl, cookie: transactionCookies(config) },
        cookieHandler,
      ));
  // resolveConfig already demands a store or a cookie handler; this narrows the types.
  if (!stateStore || !transactionStore)
    throw argumentError('"stateStore" and "transactionStore" are required', 'ERR_INVALID_ARG_TYPE');
  return { stateStore, transactionStore };
}

/** The app's origin, from the redirect URI: it decides whether cookies default to `Secure`. */
function appOrigin<O>(config: ResolvedConfig<O>): string | undefined {
  const redirect = config.authorizationParams.redirect_uri;
  return typeof redirect === 'string' ? new URL(redirect).origin : undefined;
}

/**
 * The attributes of the transaction and binding cookies. The callback arrives by a cross-site
 * redirect: they keep `SameSite=Lax` whatever the session cookie uses, and share only where the
 * cookies go.
 */
function transactionCookies<O>(config: ResolvedConfig<O>) {
  const { secure, path, domain } = config.session.cookie ?? {};
  return { secure, path, domain };
}

/**
 * The app state stored with the transaction. It round-trips through the transaction store as the
 * caller gave it; the type parameter is the caller's statement of what it stored.
 */
function appStateOf<TAppState>(transaction: TransactionData): TAppState {
  return transaction.appState as TAppState;
}
