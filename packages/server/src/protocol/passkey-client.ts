import type { Transport } from '../http/index.js';
import type { AuthorizationParameters } from '../types.js';
import { withOpenid } from './authorize.js';
import type { ExchangedCode } from './callback.js';
import {
  passkeyGrant,
  requestPasskeyChallenge,
  requestPasskeyRegistration,
  type PasskeyChallengeOptions,
  type PasskeyChallengeResponse,
  type PasskeyGetTokenOptions,
  type PasskeyGetTokenResult,
  type PasskeyRegisterOptions,
  type PasskeyRegisterResponse,
} from './passkey.js';

/** What `ServerClient` hands its passkey client. */
export interface PasskeyClientDeps<TStoreOptions> {
  /** The funnel of the request's Auth0 domain (a `domain` resolver's, from `storeOptions`). */
  transport: (storeOptions: TStoreOptions | undefined) => Promise<Transport>;
  /** The configured authorization parameters: the default `scope` and `audience`. */
  defaults: AuthorizationParameters;
  /** Writes the login's new session (the client's one write path for logins). */
  logIn(
    answer: ExchangedCode,
    target: { audience: string | undefined; scope: string; organization: string | undefined },
    storeOptions: TStoreOptions | undefined,
  ): Promise<void>;
  /** Throws when the store needs `storeOptions` and none were given. */
  needStoreOptions(storeOptions: TStoreOptions | undefined, method: string): void;
}

const stringParam = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * `client.passkey`: sign-up and login with a passkey through Auth0's native passkey API (the peer's
 * `client.passkey`). `register` and `challenge` ask for WebAuthn options and write nothing; `getToken`
 * exchanges the browser's credential for tokens and writes the session.
 */
export class PasskeyClient<TStoreOptions = unknown> {
  readonly #deps: PasskeyClientDeps<TStoreOptions>;

  /** @internal built by `ServerClient`. */
  constructor(deps: PasskeyClientDeps<TStoreOptions>) {
    this.#deps = deps;
  }

  /**
   * Asks for a sign-up challenge (`POST /passkey/register`, with the client secret): return
   * `authnParamsPublicKey` to the browser for `navigator.credentials.create()` and keep `authSession`
   * for {@link PasskeyClient.getToken}. No user exists until `getToken` succeeds.
   *
   * @param storeOptions resolve the domain (a `domain` resolver's argument); nothing is read or written.
   * @throws {TypeError} without `email`, `phoneNumber` or `username`, or with a malformed option.
   * @throws {PasskeyRegisterError} `passkey_register_error`: refused (`error` `invalid_signup` when the user exists).
   * @throws {RequestError} on transport failures or an answer without the options.
   * @example
   * ```ts
   * const { authSession, authnParamsPublicKey } = await client.passkey.register({ email, name });
   * ```
   */
  async register(
    options: PasskeyRegisterOptions,
    storeOptions?: TStoreOptions,
  ): Promise<PasskeyRegisterResponse> {
    return requestPasskeyRegistration(await this.#deps.transport(storeOptions), options);
  }

  /**
   * Asks for a login challenge (`POST /passkey/challenge`): return `authnParamsPublicKey` to the
   * browser for `navigator.credentials.get()` and keep `authSession` for {@link PasskeyClient.getToken}.
   *
   * @param storeOptions resolve the domain (a `domain` resolver's argument); nothing is read or written.
   * @throws {PasskeyChallengeError} `passkey_challenge_error`: refused; {@link RequestError}.
   * @example
   * ```ts
   * const { authSession, authnParamsPublicKey } = await client.passkey.challenge();
   * ```
   */
  async challenge(
    options?: PasskeyChallengeOptions,
    storeOptions?: TStoreOptions,
  ): Promise<PasskeyChallengeResponse> {
    return requestPasskeyChallenge(await this.#deps.transport(storeOptions), options);
  }

  /**
   * Exchanges the browser's credential (from a sign-up or a login challenge) for tokens with the
   * webauthn grant, validates the ID token and writes a new session, as a login does.
   *
   * @throws {TypeError} naming the option that is missing or malformed.
   * @throws {PasskeyGetTokenError} `passkey_get_token_error`: the credential or auth session was refused (`error` `invalid_grant`).
   * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token; no session is written.
   * @throws {OrganizationValidationError} the ID token lacks the `organization` asked for; no session is written.
   * @throws {IdTokenValidationError}; {@link RequestError}; {@link StoreError}.
   * @example
   * ```ts
   * await client.passkey.getToken({ authSession, credential: req.body.credential }, { req, res });
   * ```
   */
  async getToken(
    options: PasskeyGetTokenOptions,
    storeOptions?: TStoreOptions,
  ): Promise<PasskeyGetTokenResult> {
    this.#deps.needStoreOptions(storeOptions, 'passkey.getToken');
    const target = {
      audience: options?.audience ?? stringParam(this.#deps.defaults.audience),
      scope: withOpenid(options?.scope ?? stringParam(this.#deps.defaults.scope)),
    };
    const answer = await passkeyGrant(await this.#deps.transport(storeOptions), options, target);
    await this.#deps.logIn(answer, { ...target, organization: options.organization }, storeOptions);
    const details = answer.response.authorization_details;
    return Array.isArray(details) ? { authorizationDetails: details } : {};
  }
}
