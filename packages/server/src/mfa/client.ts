import { asPeerOperation, MfaTokenInvalidError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import type { StateData } from '../types.js';
import { toTokenResponse } from '../protocol/token-response.js';
import { audienceToSend, DEFAULT_AUDIENCE } from '../session/index.js';
import { pollForApproval } from './approval.js';
import { mfaGrant } from './grant.js';
import {
  challenge,
  enroll,
  enrollmentFactors,
  listAuthenticators,
  mfaApiAudience,
  removeAuthenticator,
  type EnrollmentFactor,
} from './operations.js';
import type {
  ChallengeOptions,
  DeleteAuthenticatorOptions,
  EnrollOptions,
  MfaClientOptions,
  MfaDomainParts,
  VerifyOptions,
  WaitForApprovalOptions,
  WithMfaToken,
} from './options.js';
import { persistMfaTokens } from './persist.js';
import type { MfaBinding } from './required.js';
import { argumentError, requireString } from '../lib/validate.js';
import { challengeTypeOf, checkPollOptions, credentialOf, enrollmentOf } from './check-options.js';
import type {
  Authenticator,
  Challenge,
  Enrollment,
  MfaSessionBinding,
  MfaTokenContext,
  MfaTokenInput,
  MfaVerifyResult,
} from './types.js';
import { redactedView } from '../lib/redact.js';

/**
 * `client.mfa`: finishes a multi-factor authentication the server asked for with `mfa_required`.
 * Every `mfaToken` is the encrypted token of an `MfaRequiredError`, passed as it is; the raw token is
 * decrypted here, checked against this client, issuer and session, and only sent to the server.
 *
 * Every method that takes an `mfaToken` throws `MfaTokenExpiredError` (`mfa_token_expired`) for an
 * expired token and `MfaTokenInvalidError` (`mfa_token_invalid`) for a tampered one, one sealed with a
 * key not configured, or one bound to another client, issuer or session; every method that calls the
 * server throws `RequestError` (`request_failed`, `request_timeout`, `invalid_response`) when the
 * exchange fails. The `@throws` of each method list only what it adds.
 *
 * @example
 * ```ts
 * try {
 *   await client.getAccessToken({ audience }, storeOptions);
 * } catch (err) {
 *   if (err instanceof MfaRequiredError) {
 *     await client.mfa.verify({ mfaToken: err.mfaToken, otp }, storeOptions);
 *   }
 * }
 * ```
 */
export class MfaClient<TStoreOptions = unknown> {
  readonly #deps: MfaClientOptions<TStoreOptions>;
  /** The transport, tokens and session view of the request's domain. */
  readonly #at: (storeOptions: TStoreOptions | undefined) => Promise<MfaDomainParts<TStoreOptions>>;

  /** Built by the ServerClient, as `client.mfa`. */
  constructor(options: MfaClientOptions<TStoreOptions>) {
    this.#deps = options;
    this.#at = 'at' in options ? (o) => options.at(o) : () => Promise.resolve(options);
  }

  /**
   * Encrypts a raw mfa token, bound to this client, the issuer and the current session if any.
   *
   * @throws {TypeError} when `mfaToken` is not a non-empty string.
   * @example
   * ```ts
   * const sealed = await client.mfa.encryptMfaToken({ mfaToken: raw, audience }, storeOptions);
   * ```
   */
  async encryptMfaToken(input: MfaTokenInput, storeOptions?: TStoreOptions): Promise<string> {
    requireString(input?.mfaToken, 'mfaToken');
    const { tokens, sessions } = await this.#at(storeOptions);
    return tokens.encrypt(input, bindingOf(await sessions.get(storeOptions)));
  }

  /**
   * Decrypts an encrypted mfa token and checks its expiry (1 s tolerance) and what it is bound to.
   *
   * @throws {MfaTokenExpiredError} `mfa_token_expired`; {@link MfaTokenInvalidError} `mfa_token_invalid`.
   * @example
   * ```ts
   * const { audience, mfaRequirements } = await client.mfa.decryptMfaToken(err.mfaToken, storeOptions);
   * ```
   */
  async decryptMfaToken(token: string, storeOptions?: TStoreOptions): Promise<MfaTokenContext> {
    // The encrypted token comes back from the browser: a missing one is bad input, not a programming error.
    if (typeof token !== 'string' || token === '') throw new MfaTokenInvalidError('No mfa token was given');
    const { tokens, sessions } = await this.#at(storeOptions);
    return tokens.decrypt(token, bindingOf(await sessions.get(storeOptions)));
  }

  /**
   * Lists the user's authenticators, narrowed to the factors the challenge requirements name.
   *
   * @throws {ServerError} `server_error`, with the server's `error` (`invalid_token`, ...).
   * @example
   * ```ts
   * const authenticators = await client.mfa.listAuthenticators({ mfaToken }, storeOptions);
   * ```
   */
  async listAuthenticators(options: WithMfaToken, storeOptions?: TStoreOptions): Promise<Authenticator[]> {
    return asPeerOperation('mfa_list_authenticators_error', async () =>
      listAuthenticators(await this.#transport(storeOptions), await this.#open(options, storeOptions)),
    );
  }

  /**
   * The factors the user must enroll (`mfa_requirements.enroll`), each with the `factorType`s of
   * {@link enrollAuthenticator} that satisfy it. No network.
   *
   * @example
   * ```ts
   * const factors = await client.mfa.getEnrollmentFactors({ mfaToken }, storeOptions);
   * ```
   */
  async getEnrollmentFactors(
    options: WithMfaToken,
    storeOptions?: TStoreOptions,
  ): Promise<EnrollmentFactor[]> {
    return enrollmentFactors(await this.#open(options, storeOptions));
  }

  /**
   * Enrolls a factor: an authenticator app (`otp`), `sms` or `voice` to `phoneNumber`, `email`, or
   * Guardian `push`. Confirm it with {@link verify} (OTP code, or the returned `oobCode`).
   *
   * @throws {TypeError} naming `factorType`, `phoneNumber` or `email` when missing or malformed.
   * @throws {ServerError} `server_error`, with the server's `error`.
   * @example
   * ```ts
   * const { barcodeUri } = await client.mfa.enrollAuthenticator({ mfaToken, factorType: 'otp' }, storeOptions);
   * ```
   */
  async enrollAuthenticator(options: EnrollOptions, storeOptions?: TStoreOptions): Promise<Enrollment> {
    const factor = enrollmentOf(options);
    return asPeerOperation('mfa_enrollment_error', async () =>
      enroll(await this.#transport(storeOptions), await this.#open(options, storeOptions), factor),
    );
  }

  /**
   * Deletes an authenticator. Without `accessToken`, gets one for the MFA API (audience
   * `https://{domain}/mfa/`, scope `remove:authenticators`) through the session.
   *
   * @throws {TypeError} naming `authenticatorId`, or when no access token can be obtained.
   * @throws {ServerError} `server_error`, with the server's `error` (404, 401, ...).
   * @throws {MfaRequiredError} `mfa_required` when getting the MFA API token needs MFA itself.
   * @example
   * ```ts
   * await client.mfa.deleteAuthenticator({ authenticatorId: 'sms|dev_123' }, storeOptions);
   * ```
   */
  async deleteAuthenticator(
    options: DeleteAuthenticatorOptions,
    storeOptions?: TStoreOptions,
  ): Promise<void> {
    requireString(options?.authenticatorId, 'authenticatorId');
    let accessToken = options.accessToken;
    if (accessToken === undefined) {
      const { getAccessToken } = this.#deps;
      if (!getAccessToken)
        throw argumentError(
          '"accessToken" is required: this MfaClient has no session access',
          'ERR_INVALID_ARG_TYPE',
        );
      const audience = mfaApiAudience(await this.#transport(storeOptions));
      ({ accessToken } = await getAccessToken({ audience, scope: 'remove:authenticators' }, storeOptions));
    }
    requireString(accessToken, 'accessToken');
    const token = accessToken;
    await asPeerOperation('mfa_delete_authenticator_error', async () =>
      removeAuthenticator(await this.#transport(storeOptions), options.authenticatorId, token),
    );
  }

  /**
   * Asks the server to challenge an authenticator: sends the SMS, voice call, email or push, and
   * returns the `oobCode` to verify with. OTP needs no challenge.
   *
   * @throws {TypeError} naming `challengeType`.
   * @throws {ServerError} `server_error` (`unsupported_challenge_type`, `association_required`, ...).
   * @example
   * ```ts
   * const { oobCode } = await client.mfa.challengeAuthenticator({ mfaToken, challengeType: 'oob', authenticatorId }, storeOptions);
   * ```
   */
  async challengeAuthenticator(options: ChallengeOptions, storeOptions?: TStoreOptions): Promise<Challenge> {
    const challengeType = challengeTypeOf(options?.challengeType);
    if (options.authenticatorId !== undefined) requireString(options.authenticatorId, 'authenticatorId');
    return asPeerOperation('mfa_challenge_error', async () =>
      challenge(await this.#transport(storeOptions), await this.#open(options, storeOptions), {
        challengeType,
        ...(options.authenticatorId !== undefined && { authenticatorId: options.authenticatorId }),
      }),
    );
  }

  /**
   * Completes the MFA with an OTP, an OOB code (and binding code) or a recovery code, sending the
   * bound audience and scope. With `persist` (default) the tokens go into the session under that
   * audience, a rotated refresh token is kept, and after a first login the session is created from
   * the verified ID token. A wrong code changes nothing.
   *
   * @throws {TypeError} unless exactly one of `otp`, `oobCode`, `recoveryCode` is given, or naming an
   *   `audience` / `scope` override that is not a non-empty string.
   * @throws {MfaRequiredError} `mfa_required`: a further factor is needed (chained MFA); bound the same way.
   * @throws {ServerError} `server_error` with `error` `invalid_grant`, `expired_token`, `too_many_attempts`
   * (with `retryAfter`), `authorization_pending`, `slow_down`.
   * @throws {IdTokenValidationError} `id_token_invalid` when creating the session, or
   *   `id_token_user_mismatch` when the ID token names another user or issuer than the session's.
   * @throws {MfaTokenInvalidError} `mfa_token_invalid` also when a token sealed without a session is
   *   verified inside one and the answer has no ID token to show it is the same user.
   * @example
   * ```ts
   * const result = await client.mfa.verify({ mfaToken, otp: '123456' }, storeOptions);
   * ```
   */
  async verify(options: VerifyOptions, storeOptions?: TStoreOptions): Promise<MfaVerifyResult> {
    const credential = credentialOf(options);
    const { context, audience, scope, response } = await asPeerOperation('mfa_verify_error', async () => {
      const context = await this.#open(options, storeOptions);
      const audience = options.audience ?? context.audience ?? this.#deps.defaultAudience ?? DEFAULT_AUDIENCE;
      const scope = options.scope ?? context.scope;
      // Chained MFA: a further mfa_required is sealed for the same audience, scope and session.
      const binding: MfaBinding = { audience, scope, session: context.session };
      const sent = { audience: audienceToSend(audience), scope };
      const response = await mfaGrant(
        await this.#transport(storeOptions),
        context.mfaToken,
        credential,
        sent,
        binding,
      );
      return { context, audience, scope, response };
    });

    const result: MfaVerifyResult = { ...toTokenResponse(response), audience };
    const grantedScope = result.scope ?? scope;
    if (grantedScope !== undefined) result.scope = grantedScope;
    if (typeof response.recovery_code === 'string') result.recoveryCode = response.recovery_code;

    if (options.persist ?? true) {
      const target = { audience, scope, expiresAt: result.expiresAt, sessionBound: !!context.session };
      const { transport, sessions } = await this.#at(storeOptions);
      await persistMfaTokens(transport, sessions, response, target, storeOptions);
    }
    return result;
  }

  /**
   * Waits for the user to approve a push: polls {@link verify} with the `oobCode`, every `intervalMs`
   * (default 5000, +5000 after each `slow_down`), until approved, rejected (`invalid_grant`), the
   * challenge expires (`expired_token`), `timeoutMs` passes or `signal` aborts.
   * An abort during a poll returns at once; that poll's answer, if it is the approval, is still stored.
   *
   * @throws {ServerError} `server_error` with `error` `invalid_grant` (rejected) or `expired_token`.
   * @throws {RequestError} `request_timeout` when the next poll would fall after `timeoutMs`.
   * @throws {RequestError} `request_aborted` at once when `signal` aborts (its reason as `cause`).
   * @example
   * ```ts
   * const result = await client.mfa.waitForApproval({ mfaToken, oobCode, timeoutMs: 60_000 }, storeOptions);
   * ```
   */
  async waitForApproval(
    options: WaitForApprovalOptions,
    storeOptions?: TStoreOptions,
  ): Promise<MfaVerifyResult> {
    checkPollOptions(options);
    const { mfaToken, oobCode, persist, audience, scope } = options;
    return pollForApproval(
      () =>
        this.verify(
          {
            mfaToken,
            oobCode,
            ...(persist !== undefined && { persist }),
            ...(audience !== undefined && { audience }),
            ...(scope !== undefined && { scope }),
          },
          storeOptions,
        ),
      options,
    );
  }

  async #transport(storeOptions: TStoreOptions | undefined): Promise<Transport> {
    return (await this.#at(storeOptions)).transport;
  }

  /** The checked context of the encrypted token in `options`. */
  async #open(options: WithMfaToken, storeOptions: TStoreOptions | undefined): Promise<MfaTokenContext> {
    return this.decryptMfaToken(options?.mfaToken, storeOptions);
  }
}

/** What a token minted or presented in the current session is bound to: its `sid` and user. */
function bindingOf(state: StateData | undefined): MfaSessionBinding | undefined {
  return state ? { sid: state.internal.sid, sub: state.user?.sub } : undefined;
}

// Logged, the MFA client shows nothing it holds: no mfa token, session or client secret.
redactedView(MfaClient, () => ({}));
