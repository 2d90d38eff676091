import type {
  ApiMfaSetting,
  ClientAuthMethod,
  EmulatorApi,
  EmulatorAuthenticatorSeed,
  EmulatorClient,
  EmulatorConfig,
  EmulatorOrganization,
  EmulatorUser,
  OrganizationRequireBehavior,
  OrganizationUsage,
} from './types.js';
import { checkTotpSecret } from '../mfa/index.js';
import { parseConnections, parseExchangeProfiles } from './connections.js';
import { isEmulatorHost } from './hosts.js';
import { argumentError, integer, list, object, optionalString, string, strings } from '../lib/validate.js';

const DEFAULT_TTL = { accessToken: 86_400, idToken: 36_000, refreshToken: 2_592_000 };
const AUTH_METHODS: readonly ClientAuthMethod[] = [
  'client_secret_post',
  'client_secret_basic',
  'private_key_jwt',
  'none',
];

function seconds(value: unknown, field: string, fallback: number): number {
  return integer(value, field, fallback, { min: 1, unit: 'seconds' });
}

function optionalSeconds(value: unknown, field: string): number | undefined {
  return value === undefined ? undefined : seconds(value, field, 0);
}

function mfaSetting(value: unknown, field: string): 'required' | 'off' {
  if (value === undefined || value === 'off') return 'off';
  if (value === 'required') return 'required';
  throw argumentError(`${field} must be "required" or "off"`);
}

function apiMfaSetting(value: unknown, field: string): ApiMfaSetting {
  if (value === 'always') return 'always';
  if (value === undefined || value === 'off' || value === 'required') return mfaSetting(value, field);
  throw argumentError(`${field} must be "required", "always" or "off"`);
}

function authMethod(value: unknown, field: string, hasSecret: boolean): ClientAuthMethod {
  if (value === undefined) return hasSecret ? 'client_secret_post' : 'none';
  const found = AUTH_METHODS.find((method) => method === value);
  if (!found) throw argumentError(`${field} must be one of ${AUTH_METHODS.join(', ')}`);
  return found;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const found = allowed.find((item) => item === value);
  if (!found) throw argumentError(`${field} must be one of ${allowed.join(', ')}`);
  return found;
}

const USAGES: readonly OrganizationUsage[] = ['deny', 'allow', 'require'];
const REQUIRE_BEHAVIORS: readonly OrganizationRequireBehavior[] = ['no_prompt', 'pre_login_prompt'];

function jwks(value: unknown, field: string): { keys: JsonWebKey[] } | undefined {
  if (value === undefined) return undefined;
  const keys = list(object(value, field).keys, `${field}.keys`).map((key, i) =>
    object(key, `${field}.keys[${i}]`),
  );
  // A JWK is an open JSON object; oidc-provider validates its members when the client is loaded.
  return { keys };
}

function parseClient(value: unknown, field: string): EmulatorClient {
  const raw = object(value, field);
  const secret = optionalString(raw.client_secret, `${field}.client_secret`);
  const method = authMethod(raw.token_endpoint_auth_method, `${field}.token_endpoint_auth_method`, !!secret);
  if (method.startsWith('client_secret') && !secret) {
    throw argumentError(`${field}.client_secret is required for ${method}`);
  }
  if (method === 'private_key_jwt' && raw.jwks === undefined) {
    throw argumentError(`${field}.jwks is required for private_key_jwt`);
  }
  const client: EmulatorClient = {
    client_id: string(raw.client_id, `${field}.client_id`),
    redirect_uris: strings(raw.redirect_uris, `${field}.redirect_uris`),
    post_logout_redirect_uris: strings(raw.post_logout_redirect_uris, `${field}.post_logout_redirect_uris`),
    token_endpoint_auth_method: method,
    organization_usage: oneOf(raw.organization_usage, `${field}.organization_usage`, USAGES, 'deny'),
    organization_require_behavior: oneOf(
      raw.organization_require_behavior,
      `${field}.organization_require_behavior`,
      REQUIRE_BEHAVIORS,
      'no_prompt',
    ),
  };
  const loginUri = optionalString(raw.initiate_login_uri, `${field}.initiate_login_uri`);
  if (loginUri) client.initiate_login_uri = absoluteUrl(loginUri, `${field}.initiate_login_uri`);
  if (raw.passkey_origins !== undefined)
    client.passkey_origins = strings(raw.passkey_origins, `${field}.passkey_origins`).map((origin, i) =>
      originOf(origin, `${field}.passkey_origins[${i}]`),
    );
  const rpId = optionalString(raw.passkey_rp_id, `${field}.passkey_rp_id`);
  if (rpId) client.passkey_rp_id = rpId;
  const backchannel = optionalString(raw.backchannel_logout_uri, `${field}.backchannel_logout_uri`);
  const keys = jwks(raw.jwks, `${field}.jwks`);
  const name = optionalString(raw.name, `${field}.name`);
  if (secret) client.client_secret = secret;
  if (backchannel) client.backchannel_logout_uri = backchannel;
  if (keys) client.jwks = keys;
  if (name) client.name = name;
  if (optionalBoolean(raw.management_api, `${field}.management_api`)) {
    if (method === 'none') throw argumentError(`${field}.management_api needs a confidential client`);
    client.management_api = true;
  }
  if (optionalBoolean(raw.dpop_bound_access_tokens, `${field}.dpop_bound_access_tokens`))
    client.dpop_bound_access_tokens = true;
  return client;
}

function parseAuthenticator(value: unknown, field: string): EmulatorAuthenticatorSeed {
  const raw = object(value, field);
  switch (raw.type) {
    case 'otp': {
      const secret = optionalString(raw.secret, `${field}.secret`);
      if (!secret) return { type: 'otp' };
      // The MFA module checks it too, but only after start-up and naming the field from its own root.
      checkTotpSecret(secret, `${field}.secret`);
      return { type: 'otp', secret };
    }
    case 'sms':
    case 'voice':
      return { type: raw.type, phone_number: string(raw.phone_number, `${field}.phone_number`) };
    case 'email': {
      const email = optionalString(raw.email, `${field}.email`);
      return email ? { type: 'email', email } : { type: 'email' };
    }
    case 'push':
      return { type: 'push' };
    default:
      throw argumentError(`${field}.type must be one of otp, sms, voice, email, push`);
  }
}

function parseUser(value: unknown, field: string): EmulatorUser {
  const raw = object(value, field);
  const factors = integer(raw.mfa_factors, `${field}.mfa_factors`, 1, { min: 1, max: 2 }) === 2 ? 2 : 1;
  const user: EmulatorUser = {
    user_id: string(raw.user_id, `${field}.user_id`),
    email: string(raw.email, `${field}.email`),
    password: string(raw.password, `${field}.password`),
    mfa: mfaSetting(raw.mfa, `${field}.mfa`),
    mfa_factors: factors,
    authenticators: list(raw.authenticators, `${field}.authenticators`).map((item, i) =>
      parseAuthenticator(item, `${field}.authenticators[${i}]`),
    ),
  };
  const name = optionalString(raw.name, `${field}.name`);
  if (name) user.name = name;
  const verified = optionalBoolean(raw.email_verified, `${field}.email_verified`);
  const blocked = optionalBoolean(raw.blocked, `${field}.blocked`);
  if (verified !== undefined) user.email_verified = verified;
  if (blocked !== undefined) user.blocked = blocked;
  if (raw.app_metadata !== undefined) user.app_metadata = object(raw.app_metadata, `${field}.app_metadata`);
  if (raw.user_metadata !== undefined)
    user.user_metadata = object(raw.user_metadata, `${field}.user_metadata`);
  return user;
}

function parseApi(value: unknown, field: string): EmulatorApi {
  const raw = object(value, field);
  return {
    audience: string(raw.audience, `${field}.audience`),
    mfa: apiMfaSetting(raw.mfa, `${field}.mfa`),
    scopes: strings(raw.scopes, `${field}.scopes`),
  };
}

/** An origin (scheme, host, port; no path). */
function originOf(value: string, field: string): string {
  if (!URL.canParse(value) || new URL(value).origin !== value.replace(/\/$/, ''))
    throw argumentError(`${field} must be an origin such as https://app.example.com`);
  return new URL(value).origin;
}

function absoluteUrl(value: string, field: string): string {
  if (!URL.canParse(value)) throw argumentError(`${field} must be an absolute URL`);
  return value;
}

function parseOrganization(value: unknown, field: string): EmulatorOrganization {
  const raw = object(value, field);
  const id = string(raw.id, `${field}.id`);
  if (!/^org_[A-Za-z0-9]+$/.test(id))
    throw argumentError(`${field}.id must start with org_ and be alphanumeric`);
  const name = string(raw.name, `${field}.name`);
  // Auth0's rule for organization names: lower case letters, digits, `-` and `_`, never an `org_` id.
  if (!/^[a-z0-9][a-z0-9_-]{0,49}$/.test(name) || name.startsWith('org_'))
    throw argumentError(
      `${field}.name must be 1 to 50 lower-case letters, digits, - or _, not starting with org_`,
    );
  const org: EmulatorOrganization = {
    id,
    name,
    display_name: optionalString(raw.display_name, `${field}.display_name`) ?? name,
    members: strings(raw.members, `${field}.members`),
  };
  if (raw.clients !== undefined) org.clients = strings(raw.clients, `${field}.clients`);
  return org;
}

/** Members and clients of the organizations name declared users and clients. */
function checkOrganizationRefs(config: EmulatorConfig): void {
  const users = new Set(config.users.map((u) => u.user_id));
  const clients = new Set(config.clients.map((c) => c.client_id));
  config.organizations.forEach((org, i) => {
    org.members.forEach((member, j) => {
      if (!users.has(member))
        throw argumentError(`config.organizations[${i}].members[${j}] names no user_id of config.users`);
    });
    org.clients?.forEach((client, j) => {
      if (!clients.has(client))
        throw argumentError(`config.organizations[${i}].clients[${j}] names no client_id of config.clients`);
    });
  });
}

function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw argumentError(`${field} must be true or false`, 'ERR_INVALID_ARG_TYPE');
}

/** `config.custom_domains`: loopback names (`localhost`, `*.localhost`), each once. */
function customDomains(value: unknown): string[] {
  const names = strings(value, 'config.custom_domains').map((name, i) => {
    const lower = name.toLowerCase();
    if (lower === '127.0.0.1' || !isEmulatorHost(lower))
      throw argumentError(`config.custom_domains[${i}] must be localhost or a name under .localhost`);
    return lower;
  });
  unique(names, 'custom domain');
  return names;
}

function unique(values: string[], field: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw argumentError(`${field} "${value}" is declared twice`);
    seen.add(value);
  }
}

/**
 * Validates a configuration object (usually parsed from the `--config` JSON file) and applies defaults.
 *
 * @throws TypeError naming the first invalid field (`config.users[1].email must be a non-empty string`),
 * or a `client_id`, `user_id` or email declared twice.
 * @example
 * ```ts
 * const config = parseConfig(JSON.parse(await readFile('emulator.json', 'utf8')));
 * ```
 */
export function parseConfig(input: unknown): EmulatorConfig {
  const raw = object(input, 'config');
  const ttl = raw.ttl === undefined ? {} : object(raw.ttl, 'config.ttl');
  const mfa = raw.mfa === undefined ? {} : object(raw.mfa, 'config.mfa');
  const config: EmulatorConfig = {
    tenant: optionalString(raw.tenant, 'config.tenant') ?? 'emulator',
    clients: list(raw.clients, 'config.clients').map((c, i) => parseClient(c, `config.clients[${i}]`)),
    users: list(raw.users, 'config.users').map((u, i) => parseUser(u, `config.users[${i}]`)),
    apis: list(raw.apis, 'config.apis').map((a, i) => parseApi(a, `config.apis[${i}]`)),
    organizations: list(raw.organizations, 'config.organizations').map((o, i) =>
      parseOrganization(o, `config.organizations[${i}]`),
    ),
    connections: parseConnections(raw.connections),
    token_exchange_profiles: parseExchangeProfiles(raw.token_exchange_profiles),
    ttl: {
      accessToken: seconds(ttl.accessToken, 'config.ttl.accessToken', DEFAULT_TTL.accessToken),
      idToken: seconds(ttl.idToken, 'config.ttl.idToken', DEFAULT_TTL.idToken),
      refreshToken: seconds(ttl.refreshToken, 'config.ttl.refreshToken', DEFAULT_TTL.refreshToken),
    },
    mfa: {},
    custom_domains: customDomains(raw.custom_domains),
  };
  const push = optionalSeconds(mfa.pushIntervalSeconds, 'config.mfa.pushIntervalSeconds');
  const oob = optionalSeconds(mfa.oobTtlSeconds, 'config.mfa.oobTtlSeconds');
  const token = optionalSeconds(mfa.mfaTokenTtlSeconds, 'config.mfa.mfaTokenTtlSeconds');
  if (push !== undefined) config.mfa.pushIntervalSeconds = push;
  if (oob !== undefined) config.mfa.oobTtlSeconds = oob;
  if (token !== undefined) config.mfa.mfaTokenTtlSeconds = token;
  unique(
    config.clients.map((c) => c.client_id),
    'client_id',
  );
  unique(
    config.users.map((u) => u.user_id),
    'user_id',
  );
  unique(
    config.users.map((u) => u.email.toLowerCase()),
    'email',
  );
  unique(
    config.organizations.map((o) => o.id),
    'organization id',
  );
  unique(
    config.organizations.map((o) => o.name),
    'organization name',
  );
  checkOrganizationRefs(config);
  return config;
}
