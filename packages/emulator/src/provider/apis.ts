import type { ResourceServer } from 'oidc-provider';
import type { EmulatorApi, EmulatorTtl } from '../config/types.js';

/** Scopes of Auth0's MFA API (`{issuer}mfa/`), which manages a user's authenticators. */
export const MFA_API_SCOPES = ['read:authenticators', 'remove:authenticators', 'enroll'];

/** The scopes of the emulator's Management API subset, all granted to a `management_api` client. */
export const MANAGEMENT_SCOPES = [
  'read:users',
  'create:users',
  'update:users',
  'delete:users',
  'read:authentication_methods',
  'delete:authentication_methods',
  'read:organizations',
  'create:organizations',
  'update:organizations',
  'delete:organizations',
  'read:organization_members',
  'create:organization_members',
  'delete:organization_members',
  'read:organization_invitations',
  'create:organization_invitations',
  'delete:organization_invitations',
];

/** Scopes of Auth0's My Account API (`{issuer}me/`) that manage the user's connected accounts. */
export const MY_ACCOUNT_SCOPES = [
  'create:me:connected_accounts',
  'read:me:connected_accounts',
  'delete:me:connected_accounts',
];

/** The My Account API's audience for an issuer: `https://{domain}/me/`. */
export function myAccountAudience(issuer: string): string {
  return `${issuer}me/`;
}

/** The Management API's audience (identifier) for an issuer: `https://{domain}/api/v2/`. */
export function managementAudience(issuer: string): string {
  return `${issuer}api/v2/`;
}

/** The APIs access tokens can be issued for, including the built-in MFA, Management and My Account APIs. */
export class ApiRegistry {
  readonly mfaAudience: string;
  readonly managementAudience: string;
  readonly #apis = new Map<string, EmulatorApi>();
  readonly #ttl: EmulatorTtl;

  constructor(issuer: string, apis: EmulatorApi[], ttl: EmulatorTtl) {
    this.mfaAudience = `${issuer}mfa/`;
    this.#ttl = ttl;
    for (const api of apis) this.#apis.set(api.audience, api);
    this.#apis.set(this.mfaAudience, { audience: this.mfaAudience, mfa: 'off', scopes: MFA_API_SCOPES });
    this.managementAudience = managementAudience(issuer);
    this.#apis.set(this.managementAudience, {
      audience: this.managementAudience,
      mfa: 'off',
      scopes: MANAGEMENT_SCOPES,
    });
    const me = myAccountAudience(issuer);
    this.#apis.set(me, { audience: me, mfa: 'off', scopes: MY_ACCOUNT_SCOPES });
  }

  /** The API with this identifier, the MFA API included. */
  get(audience: string): EmulatorApi | undefined {
    return this.#apis.get(audience);
  }

  /** Whether a refresh_token grant for this audience needs a grant that passed MFA (step-up). */
  requiresMfa(audience: string | undefined): boolean {
    const mfa = audience === undefined ? undefined : this.#apis.get(audience)?.mfa;
    return mfa === 'required' || mfa === 'always';
  }

  /** Whether every user grant and browser login for this audience asks for MFA (`mfa: "always"`). */
  requiresMfaAlways(audience: string | undefined): boolean {
    return audience !== undefined && this.#apis.get(audience)?.mfa === 'always';
  }

  /** What oidc-provider needs to mint a JWT access token whose `aud` is the API's identifier. */
  resourceServer(audience: string): ResourceServer | undefined {
    const api = this.#apis.get(audience);
    if (!api) return undefined;
    return {
      audience: api.audience,
      scope: api.scopes.join(' '),
      accessTokenFormat: 'jwt',
      accessTokenTTL: this.#ttl.accessToken,
      jwt: { sign: { alg: 'RS256' } },
    };
  }
}
