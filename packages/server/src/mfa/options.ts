import type { Transport } from '../http/index.js';
import type { SessionAccess } from '../session/access.js';
import type { TokenSet } from '../types.js';
import type { FactorType } from './factors.js';
import type { MfaTokens } from './tokens.js';

/** What {@link MfaClient} works with on one Auth0 domain. */
export interface MfaDomainParts<TStoreOptions> {
  /** The request funnel; its `onErrorAnswer` must be `tokens.sealRequired`. */
  transport: Transport;
  /** From {@link createMfaTokens}, with the same secrets, client id and issuer. */
  tokens: MfaTokens;
  /** The current session, read to bind and check tokens, written by `verify`. */
  sessions: SessionAccess<TStoreOptions>;
}

/**
 * What {@link MfaClient} needs; the ServerClient wires it from its configuration: the parts of its
 * one domain, or `at`, which gives each call the parts of the request's domain.
 */
export type MfaClientOptions<TStoreOptions> = (
  | MfaDomainParts<TStoreOptions>
  | { at(storeOptions: TStoreOptions | undefined): Promise<MfaDomainParts<TStoreOptions>> }
) & {
  /**
   * The client's `getAccessToken`: `deleteAuthenticator` uses it to get an access token for the MFA
   * API when none is given.
   */
  getAccessToken?: (
    options: { audience: string; scope: string },
    storeOptions?: TStoreOptions,
  ) => Promise<TokenSet>;
  /** The audience tokens are stored under when the mfa token binds none (`authorizationParams.audience`). */
  defaultAudience?: string | undefined;
};

/** The encrypted mfa token a method acts with: the one `MfaRequiredError.mfaToken` carries. */
export interface WithMfaToken {
  /** The encrypted token, as `MfaRequiredError.mfaToken` carries it. */
  mfaToken: string;
}

/** A factor to enroll named this SDK's way. */
export interface EnrollFactorOptions extends WithMfaToken {
  /** The kind of factor to enroll. */
  factorType: FactorType;
  /** E.164 (`+14155550100`), for `sms` and `voice`. */
  phoneNumber?: string;
  /** For `email`; without it, the server uses the user's own address. */
  email?: string;
}

/** An OOB delivery channel as `@auth0/auth0-server-js` names it: `auth0` is Guardian push. */
export type OobChannel = 'sms' | 'voice' | 'email' | 'auth0';

/**
 * A factor to enroll named the way `@auth0/auth0-server-js` (and the MFA API) names it:
 * `{ authenticatorTypes: ['otp'] }`, or `{ authenticatorTypes: ['oob'], oobChannels: [channel] }`.
 */
export type PeerEnrollOptions = WithMfaToken &
  (
    | { authenticatorTypes: ['otp']; oobChannels?: never; phoneNumber?: never; email?: never }
    | {
        authenticatorTypes: ['oob'];
        /** Exactly one channel. */
        oobChannels: [OobChannel];
        /** E.164, for `sms` and `voice`. */
        phoneNumber?: string;
        /** For `email`; without it, the server uses the user's own address. */
        email?: string;
      }
  );

/** Options of {@link MfaClient.enrollAuthenticator}: this SDK's `factorType`, or the peer's `authenticatorTypes`. */
export type EnrollOptions = EnrollFactorOptions | PeerEnrollOptions;

/** Options of {@link MfaClient.challengeAuthenticator}. */
export interface ChallengeOptions extends WithMfaToken {
  /** `oob` sends an SMS, call, email or push; `otp` asks for an authenticator app code. */
  challengeType: 'otp' | 'oob';
  /** Which enrolled authenticator to challenge, from `listAuthenticators`. */
  authenticatorId?: string;
}

/** Options of {@link MfaClient.deleteAuthenticator}. */
export interface DeleteAuthenticatorOptions {
  /** The `id` from `listAuthenticators`. */
  authenticatorId: string;
  /** An access token for the MFA API with scope `remove:authenticators`; fetched via the session when absent. */
  accessToken?: string;
}

/** What every `verify` call may add. */
export interface VerifyCommon extends WithMfaToken {
  /** Store the tokens in the session (creating it after a first login). Default `true`. */
  persist?: boolean;
  /** Overrides the audience bound in the mfa token. */
  audience?: string;
  /** Overrides the scope bound in the mfa token. */
  scope?: string;
  /**
   * As `@auth0/auth0-server-js` names the grant: `otp`, `oob` or `recovery-code`. Optional here (the
   * field given picks the grant); when given, it must match that field.
   */
  factorType?: 'otp' | 'oob' | 'recovery-code';
}

/** Options of {@link MfaClient.verify}: the field given picks the grant. */
export type VerifyOptions = VerifyCommon &
  (
    | { otp: string; oobCode?: never; bindingCode?: never; recoveryCode?: never }
    | { oobCode: string; bindingCode?: string; otp?: never; recoveryCode?: never }
    | { recoveryCode: string; otp?: never; oobCode?: never; bindingCode?: never }
  );

/** Options of {@link MfaClient.waitForApproval}. */
export interface WaitForApprovalOptions extends WithMfaToken {
  /** From the push challenge or enrollment. */
  oobCode: string;
  /** Milliseconds between polls; default 5000, lengthened by 5000 on each `slow_down`. */
  intervalMs?: number;
  /** Gives up after this many milliseconds. */
  timeoutMs?: number;
  /** Stops at once when aborted. */
  signal?: AbortSignal;
  /** As for `verify`: store the tokens in the session. Default `true`. */
  persist?: boolean;
  /** As for `verify`: overrides the audience bound in the mfa token. */
  audience?: string;
  /** As for `verify`: overrides the scope bound in the mfa token. */
  scope?: string;
}
