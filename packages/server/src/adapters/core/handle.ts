import type { ServerClient } from '../../client.js';
import type { SessionData, SessionUpdate } from '../../types.js';
import type { StartInteractiveLoginOptions } from '../../protocol/authorize.js';
import type { GetAccessTokenOptions } from '../../protocol/access-token.js';
import type {
  ConnectedAccountsPage,
  ListConnectedAccountsOptions,
} from '../../protocol/connected-accounts.js';
import type {
  Authenticator,
  Challenge,
  ChallengeOptions,
  DeleteAuthenticatorOptions,
  Enrollment,
  EnrollmentFactor,
  EnrollOptions,
  MfaTokenContext,
  MfaVerifyResult,
  VerifyOptions,
  WaitForApprovalOptions,
  WithMfaToken,
} from '../../mfa/index.js';
import type { MfaTokenInput } from '../../mfa/types.js';
import type { TokenSet, UserClaims } from '../../types.js';
import type { AdapterStoreOptions } from './cookies.js';
import { safeReturnTo } from './return-to.js';

/** `client.mfa`, bound to one request: the same methods without the store options argument. */
export interface BoundMfa {
  listAuthenticators(options: WithMfaToken): Promise<Authenticator[]>;
  getEnrollmentFactors(options: WithMfaToken): Promise<EnrollmentFactor[]>;
  enrollAuthenticator(options: EnrollOptions): Promise<Enrollment>;
  deleteAuthenticator(options: DeleteAuthenticatorOptions): Promise<void>;
  challengeAuthenticator(options: ChallengeOptions): Promise<Challenge>;
  verify(options: VerifyOptions): Promise<MfaVerifyResult>;
  waitForApproval(options: WaitForApprovalOptions): Promise<MfaVerifyResult>;
  encryptMfaToken(input: MfaTokenInput): Promise<string>;
  decryptMfaToken(token: string): Promise<MfaTokenContext>;
}

/** What `login()` of a request handle takes. */
export interface LoginOptions {
  /** A path on this app to land on after the callback; anything else lands on `defaultReturnTo`. */
  returnTo?: string;
  /** Extra `/authorize` parameters for this login (`acr_values`, `max_age`, `audience`, ...). */
  authorizationParams?: StartInteractiveLoginOptions['authorizationParams'];
  /** The organization to log in to (an `org_…` id or a name). */
  organization?: string;
  /** An organization invitation's ticket. */
  invitation?: string;
}

/**
 * The SDK bound to one request (`req.auth0`, `request.auth0`, or `forRequest(request)`): the same
 * operations as {@link ServerClient}, with this request's cookies as the store options.
 */
export interface Auth0RequestHandle {
  /** The client behind every request; its methods take `storeOptions` explicitly. */
  readonly client: ServerClient<AdapterStoreOptions>;
  /** This request's store options, for the client methods not bound here. */
  readonly storeOptions: AdapterStoreOptions;
  /** The session, or `undefined`; never throws for a bad cookie. */
  getSession(): Promise<SessionData | undefined>;
  /** The user's ID token claims, or `undefined`. */
  getUser(): Promise<UserClaims | undefined>;
  /**
   * Changes the session's `user` (see {@link ServerClient.updateSession}); the response carries it.
   *
   * @throws {MissingSessionError} `login_required`; {@link SessionHookError} `session_hook_invalid`.
   */
  updateSession(change: SessionUpdate): Promise<SessionData>;
  /**
   * An access token for `audience` / `scope`, refreshed when near expiry (or now, with `refresh: true`).
   *
   * @throws {LoginRequiredError} `login_required`; {@link MfaRequiredError} `mfa_required` (step-up).
   */
  getAccessToken(options?: GetAccessTokenOptions): Promise<TokenSet>;
  /** Starts a login and returns the URL to send the browser to. */
  login(options?: LoginOptions): Promise<URL>;
  /** The user's connected accounts (My Account API); start connecting one with the `connectAccount` route. */
  listConnectedAccounts(options?: ListConnectedAccountsOptions): Promise<ConnectedAccountsPage>;
  /** Deletes one of the user's connected accounts. */
  deleteConnectedAccount(connectedAccountId: string): Promise<void>;
  /** MFA with the encrypted token, bound to this request's session. */
  readonly mfa: BoundMfa;
}

/** The handle for one request's store options. */
export function bindRequest(
  client: ServerClient<AdapterStoreOptions>,
  storeOptions: AdapterStoreOptions,
  defaultReturnTo: string,
): Auth0RequestHandle {
  const mfa = client.mfa;
  return {
    client,
    storeOptions,
    getSession: () => client.getSession(storeOptions),
    getUser: () => client.getUser(storeOptions),
    updateSession: (change) => client.updateSession(change, storeOptions),
    getAccessToken: (options) => client.getAccessToken(options, storeOptions),
    login: (options = {}) =>
      client.startInteractiveLogin(
        {
          ...(options.authorizationParams ? { authorizationParams: options.authorizationParams } : {}),
          ...(options.organization === undefined ? {} : { organization: options.organization }),
          ...(options.invitation === undefined ? {} : { invitation: options.invitation }),
          appState: { returnTo: safeReturnTo(options.returnTo, defaultReturnTo) },
        },
        storeOptions,
      ),
    listConnectedAccounts: (options) => client.listConnectedAccounts(options, storeOptions),
    deleteConnectedAccount: (id) => client.deleteConnectedAccount(id, storeOptions),
    mfa: {
      listAuthenticators: (o) => mfa.listAuthenticators(o, storeOptions),
      getEnrollmentFactors: (o) => mfa.getEnrollmentFactors(o, storeOptions),
      enrollAuthenticator: (o) => mfa.enrollAuthenticator(o, storeOptions),
      deleteAuthenticator: (o) => mfa.deleteAuthenticator(o, storeOptions),
      challengeAuthenticator: (o) => mfa.challengeAuthenticator(o, storeOptions),
      verify: (o) => mfa.verify(o, storeOptions),
      waitForApproval: (o) => mfa.waitForApproval(o, storeOptions),
      encryptMfaToken: (i) => mfa.encryptMfaToken(i, storeOptions),
      decryptMfaToken: (t) => mfa.decryptMfaToken(t, storeOptions),
    },
  };
}
