import type { JWK } from 'jose';

/** How a client authenticates at the token, PAR, revocation and MFA endpoints. */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt' | 'none';

/** A relying party registered with the emulator (Auth0 "application"). */
export interface EmulatorClient {
  /** Unique among the clients. */
  client_id: string;
  /** Required unless `token_endpoint_auth_method` is `private_key_jwt` or `none`. */
  client_secret?: string;
  /** Callback URLs allowed at /authorize; none makes a non-interactive client (no authorization_code). */
  redirect_uris: string[];
  /** Where /oidc/logout and /v2/logout may send the browser back (`post_logout_redirect_uri`, `returnTo`). */
  post_logout_redirect_uris: string[];
  /** Receives a logout token when the user's session ends; loopback URLs are allowed. */
  backchannel_logout_uri?: string;
  /** Defaults to `client_secret_post` when a secret is set, to `none` otherwise. */
  token_endpoint_auth_method: ClientAuthMethod;
  /** Public keys for `private_key_jwt`. */
  jwks?: { keys: JsonWebKey[] };
  /** The registered `client_name`; defaults to `client_id`. */
  name?: string;
  /**
   * May ask for client_credentials tokens for the Management API (`{issuer}api/v2/`), with every scope
   * the emulator's subset of it knows (Auth0's "client grant"). Needs a confidential client. Defaults to false.
   */
  management_api?: boolean;
  /**
   * Every token request must carry a DPoP proof (RFC 9449) with a nonce of this server, and the
   * tokens are bound to its key (Auth0's "Require Token Sender-Constraining" with DPoP). Defaults to
   * false: a proof is still accepted, and binds the tokens, from any client.
   */
  dpop_bound_access_tokens?: boolean;
  /**
   * Whether logins into an organization are refused (`deny`, the default), allowed (`allow`) or
   * required (`require`), as Auth0's `organization_usage`.
   */
  organization_usage: OrganizationUsage;
  /**
   * With `require`, what a login without `organization` gets (Auth0's `organization_require_behavior`):
   * `no_prompt` (the default) refuses it with `invalid_request`; `pre_login_prompt` asks for the
   * organization on the login page.
   */
  organization_require_behavior: OrganizationRequireBehavior;
  /**
   * The app's login route (Auth0's "Application Login URI"), which invitation links point to. Defaults
   * to `/auth/login` on the origin of the first redirect URI.
   */
  initiate_login_uri?: string;
  /**
   * The origins (`https://app.example.com`) its passkeys may be made and used on (the WebAuthn answer's
   * `clientDataJSON.origin`). Defaults to the origins of its redirect URIs.
   */
  passkey_origins?: string[];
  /** The WebAuthn rpID its passkeys are scoped to. Defaults to the host name of the first passkey origin. */
  passkey_rp_id?: string;
}

/** Auth0's `organization_usage` of an application. */
export type OrganizationUsage = 'deny' | 'allow' | 'require';

/** Auth0's `organization_require_behavior` of an application (the ones the emulator offers). */
export type OrganizationRequireBehavior = 'no_prompt' | 'pre_login_prompt';

/** An organization (Auth0 Organizations, for B2B apps): its members log in to it by id or by name. */
export interface EmulatorOrganization {
  /** `org_…`, unique among the organizations: the `org_id` claim. */
  id: string;
  /** Lower case, unique: the `org_name` claim, and what a login may give instead of the id. */
  name: string;
  /** Shown on the login page; defaults to `name`. */
  display_name: string;
  /** The `user_id`s of its members. */
  members: string[];
  /**
   * The `client_id`s that may log users in to it; absent, every client whose `organization_usage` is
   * not `deny` may.
   */
  clients?: string[];
}

/** A factor a user already has when the emulator starts. */
export type EmulatorAuthenticatorSeed =
  | { type: 'otp'; secret?: string }
  | { type: 'sms' | 'voice'; phone_number: string }
  | { type: 'email'; email?: string }
  | { type: 'push' };

/** A user of the emulated tenant's database connection. */
export interface EmulatorUser {
  /** The `sub` of the user's tokens, for example `auth0|alice`. Unique among the users. */
  user_id: string;
  /** The login name (case-insensitive, unique) and the `email` claim. */
  email: string;
  password: string;
  /** The `name` claim; defaults to `email`. */
  name?: string;
  /** `required`: every login and password grant must pass a second factor. Defaults to `off`. */
  mfa: 'required' | 'off';
  /** How many distinct factors one MFA transaction needs: 1 (default), or 2 for chained MFA. */
  mfa_factors: number;
  /** Factors already enrolled at start; a user with any also gets a recovery code. */
  authenticators: EmulatorAuthenticatorSeed[];
  /** The `email_verified` claim. Defaults to true. */
  email_verified?: boolean;
  /** A blocked user cannot log in (pages and grants answer "user is blocked"). Defaults to false. */
  blocked?: boolean;
  /** What the Management API answers as `app_metadata`. */
  app_metadata?: Record<string, unknown>;
  /** What the Management API answers as `user_metadata`. */
  user_metadata?: Record<string, unknown>;
}

/** How an API asks for a second factor; see {@link EmulatorApi.mfa}. */
export type ApiMfaSetting = 'required' | 'always' | 'off';

/** An API (resource server) that access tokens can be requested for with `audience`. */
export interface EmulatorApi {
  /** The API identifier: the `audience` parameter and the access token's `aud`. */
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

/**
 * A federated connection whose users' upstream tokens Auth0 keeps (Token Vault): the emulator
 * stands in for the upstream provider, minting a fake opaque token per exchange.
 */
export interface EmulatorConnection {
  /** The connection's name, the `connection` parameter (`google-oauth2`, ...). Unique. */
  name: string;
  /** The users (`user_id`s) with an account on it; defaults to every user. */
  users?: string[];
  /** Lifetime of the upstream tokens, in seconds. Defaults to 3600. */
  expires_in: number;
  /** The scope the upstream tokens carry, when set. */
  scope?: string;
  /**
   * Accounts on the upstream provider that a user can sign in with on the connection's login page to
   * link them to their user (account linking: `/authorize` with `link_account`). None by default: the
   * connection then cannot be linked.
   */
  accounts?: EmulatorConnectionAccount[];
}

/** An account on a connection's upstream provider (a GitHub account, say), for account linking. */
export interface EmulatorConnectionAccount {
  /** The provider's id of the account: the linked identity's `user_id`. Unique on the connection. */
  user_id: string;
  /** What the connection's login page asks for. Unique on the connection. */
  username: string;
  password: string;
  /** The identity's `profileData.name`; defaults to `username`. */
  name?: string;
  /** The identity's `profileData.email`, when set. */
  email?: string;
}

/**
 * A Token Exchange Profile (Custom Token Exchange): which subject token type it takes and how a
 * subject token of that type is validated, standing in for the tenant's Action.
 */
export interface EmulatorTokenExchangeProfile {
  /** The `subject_token_type` it answers for. Unique. */
  subject_token_type: string;
  /** A fixed map from subject token to `user_id`, for tests. */
  subject_tokens?: Record<string, string>;
  /** A JWT signed by this public key (and `issuer`, when set) whose `sub` is a `user_id`. */
  jwt?: { jwk: JWK; issuer?: string };
}

/** Token lifetimes in seconds, shortened in tests to make tokens expire. */
export interface EmulatorTtl {
  /** Access tokens, client_credentials ones included. Defaults to 86400 (a day). */
  accessToken: number;
  /** Defaults to 36000 (ten hours). */
  idToken: number;
  /** Refresh tokens, and the grants and sessions behind them. Defaults to 2592000 (30 days). */
  refreshToken: number;
}

/** Knobs of the MFA module that tests shorten. */
export interface EmulatorMfaOptions {
  /** Minimum seconds between two polls of a push challenge before `slow_down`. Defaults to 5. */
  pushIntervalSeconds?: number;
  /** Lifetime of an oob_code (SMS, voice or email code, push). Defaults to 300. */
  oobTtlSeconds?: number;
  /** Lifetime of an mfa_token. Defaults to 600. */
  mfaTokenTtlSeconds?: number;
}

/** The emulator's whole configuration after validation and defaults. */
export interface EmulatorConfig {
  /** Tenant name shown in authenticator apps (the label and issuer of enrollment `barcode_uri`s). */
  tenant: string;
  clients: EmulatorClient[];
  users: EmulatorUser[];
  apis: EmulatorApi[];
  organizations: EmulatorOrganization[];
  /** Federated connections for Token Vault; none by default. */
  connections: EmulatorConnection[];
  /** Token Exchange Profiles for Custom Token Exchange; none by default. */
  token_exchange_profiles: EmulatorTokenExchangeProfile[];
  ttl: EmulatorTtl;
  mfa: EmulatorMfaOptions;
  /**
   * More host names the emulator answers on, on the same port, each its own issuer
   * (`http://<name>:<port>/`) with its own signing key id, browser sessions and tokens: Auth0's custom
   * domains. Users, MFA, organizations and the statistics are the tenant's, shared by every domain.
   * `localhost` or names under `.localhost`. None by default.
   */
  custom_domains: string[];
}

/**
 * The configuration as written in the JSON file or passed to `startEmulator`: everything but ids (and
 * a user's email and password) optional. {@link parseConfig} validates it and applies the defaults.
 */
export interface EmulatorConfigInput {
  tenant?: string;
  clients?: Array<Partial<EmulatorClient> & { client_id: string }>;
  users?: Array<Partial<EmulatorUser> & { user_id: string; email: string; password: string }>;
  apis?: Array<Partial<EmulatorApi> & { audience: string }>;
  organizations?: Array<Partial<EmulatorOrganization> & { id: string; name: string }>;
  connections?: Array<Partial<EmulatorConnection> & { name: string }>;
  token_exchange_profiles?: EmulatorTokenExchangeProfile[];
  ttl?: Partial<EmulatorTtl>;
  mfa?: EmulatorMfaOptions;
  custom_domains?: string[];
}
