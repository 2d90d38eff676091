/** How a client authenticates at the token, PAR, revocation and MFA endpoints. */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt' | 'none';

/** A relying party registered with the emulator (Auth0 "application"). */
export interface EmulatorClient {
  client_id: string;
  /** Required unless `token_endpoint_auth_method` is `private_key_jwt` or `none`. */
  client_secret?: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  backchannel_logout_uri?: string;
  /** Defaults to `client_secret_post` when a secret is set, to `none` otherwise. */
  token_endpoint_auth_method: ClientAuthMethod;
  /** Public keys for `private_key_jwt`. */
  jwks?: { keys: JsonWebKey[] };
  name?: string;
}

/** A factor a user already has when the emulator starts. */
export type EmulatorAuthenticatorSeed =
  | { type: 'otp'; secret?: string }
  | { type: 'sms' | 'voice'; phone_number: string }
  | { type: 'email'; email?: string }
  | { type: 'push' };

/** A user of the emulated tenant's database connection. */
export interface EmulatorUser {
  user_id: string;
  email: string;
  password: string;
  name?: string;
  /** `required`: every login and password grant must pass a second factor. */
  mfa: 'required' | 'off';
  /** How many distinct factors one MFA transaction needs (2 for chained MFA). */
  mfa_factors: number;
  authenticators: EmulatorAuthenticatorSeed[];
}

/** An API (resource server) that access tokens can be requested for with `audience`. */
/** How an API asks for a second factor; see {@link EmulatorApi.mfa}. */
export type ApiMfaSetting = 'required' | 'always' | 'off';

export interface EmulatorApi {
  audience: string;
  /**
   * `required` (the contract's step-up): a refresh_token grant for this audience answers
   * `mfa_required` unless the refresh token's grant already passed MFA. `always`: in addition, every
   * user grant and browser login that asks for this audience asks for MFA, as an Auth0 Action calling
   * multifactor for the API would.
   */
  mfa: ApiMfaSetting;
  /** Scopes this API defines; requested scopes outside this list are dropped from its tokens. */
  scopes: string[];
}

/** Token lifetimes in seconds. */
export interface EmulatorTtl {
  accessToken: number;
  idToken: number;
  refreshToken: number;
}

/** Knobs of the MFA module that tests shorten. */
export interface EmulatorMfaOptions {
  pushIntervalSeconds?: number;
  oobTtlSeconds?: number;
  mfaTokenTtlSeconds?: number;
}

/** The emulator's whole configuration after validation and defaults. */
export interface EmulatorConfig {
  /** Tenant name shown in authenticator apps. */
  tenant: string;
  clients: EmulatorClient[];
  users: EmulatorUser[];
  apis: EmulatorApi[];
  ttl: EmulatorTtl;
  mfa: EmulatorMfaOptions;
}

/** The configuration as written in the JSON file or passed to `startEmulator`: everything but ids optional. */
export interface EmulatorConfigInput {
  tenant?: string;
  clients?: Array<Partial<EmulatorClient> & { client_id: string }>;
  users?: Array<Partial<EmulatorUser> & { user_id: string; email: string; password: string }>;
  apis?: Array<Partial<EmulatorApi> & { audience: string }>;
  ttl?: Partial<EmulatorTtl>;
  mfa?: EmulatorMfaOptions;
}
