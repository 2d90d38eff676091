import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, parseConfig, type EmulatorConfigInput } from 'auth0-emulator';
import { configHelp } from '../src/config/schema.js';
import { USAGE } from '../src/cli/usage.js';

type Client = NonNullable<EmulatorConfigInput['clients']>[number];
type User = NonNullable<EmulatorConfigInput['users']>[number];
type Api = NonNullable<EmulatorConfigInput['apis']>[number];

// Every field of the input types, set: `Required<...>` makes the compiler list a field the types gain.
const client = {
  client_id: 'app',
  client_secret: 'app-secret-at-least-32-characters!!',
  token_endpoint_auth_method: 'client_secret_post',
  jwks: { keys: [] },
  redirect_uris: ['http://127.0.0.1:3000/auth/callback'],
  post_logout_redirect_uris: ['http://127.0.0.1:3000/'],
  backchannel_logout_uri: 'http://127.0.0.1:3000/auth/backchannel-logout',
  name: 'App',
  management_api: true,
  dpop_bound_access_tokens: true,
  organization_usage: 'allow',
  organization_require_behavior: 'no_prompt',
  initiate_login_uri: 'http://127.0.0.1:3000/auth/login',
  passkey_origins: ['http://localhost:3000'],
  passkey_rp_id: 'localhost',
} satisfies Required<Client>;
const user = {
  user_id: 'auth0|alice',
  email: 'alice@example.com',
  password: 'Passw0rd!',
  name: 'Alice',
  mfa: 'off',
  mfa_factors: 1,
  email_verified: true,
  blocked: false,
  app_metadata: {},
  user_metadata: {},
  authenticators: [{ type: 'push' }],
} satisfies Required<User>;
const api = { audience: 'https://api.example.com', scopes: ['read'], mfa: 'off' } satisfies Required<Api>;
const full = {
  tenant: 't',
  clients: [client],
  users: [user],
  apis: [api],
  connections: [
    {
      name: 'google-oauth2',
      users: ['auth0|alice'],
      expires_in: 60,
      scope: 'calendar',
      accounts: [{ user_id: '1001', username: 'alice-gh', password: 'pw', name: 'Alice', email: 'a@x.test' }],
    },
  ],
  token_exchange_profiles: [
    {
      subject_token_type: 'urn:acme:legacy',
      subject_tokens: { t: 'auth0|alice' },
      jwt: { jwk: {}, issuer: 'x' },
    },
  ],
  organizations: [
    { id: 'org_acme', name: 'acme', display_name: 'Acme', members: ['auth0|alice'], clients: ['app'] },
  ],
  ttl: { accessToken: 60, idToken: 60, refreshToken: 60 },
  mfa: { pushIntervalSeconds: 1, oobTtlSeconds: 60, mfaTokenTtlSeconds: 60 },
  custom_domains: ['tenant-b.localhost'],
} satisfies Required<EmulatorConfigInput>;

const keys = (node: { properties?: object } | undefined) => Object.keys(node?.properties ?? {}).sort();

describe('the configuration schema', () => {
  it('config.schema.json in the package is CONFIG_SCHEMA (regenerate it from dist when this fails)', () => {
    const file: unknown = JSON.parse(readFileSync(new URL('../config.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(CONFIG_SCHEMA);
  });

  it('names exactly the fields of the configuration types, at every level', () => {
    const { properties } = CONFIG_SCHEMA;
    expect(keys(CONFIG_SCHEMA).filter((k) => k !== '$schema')).toEqual(Object.keys(full).sort());
    expect(keys(properties.clients.items)).toEqual(Object.keys(client).sort());
    expect(keys(properties.users.items)).toEqual(Object.keys(user).sort());
    expect(keys(properties.apis.items)).toEqual(Object.keys(api).sort());
    expect(keys(properties.connections.items)).toEqual(Object.keys(full.connections[0]!).sort());
    expect(keys(properties.connections.items.properties?.accounts?.items)).toEqual(
      Object.keys(full.connections[0]!.accounts[0]!).sort(),
    );
    expect(keys(properties.ttl)).toEqual(Object.keys(full.ttl).sort());
    expect(keys(properties.mfa)).toEqual(Object.keys(full.mfa).sort());
  });

  it('describes what parseConfig accepts, "$schema" included', () => {
    expect(() =>
      parseConfig({ $schema: './node_modules/auth0-emulator/config.schema.json', ...full }),
    ).not.toThrow();
  });

  it('--help lists the configuration from the schema, every field with its description', () => {
    expect(USAGE).toContain(configHelp());
    for (const [name, node] of Object.entries(CONFIG_SCHEMA.properties.users.items.properties ?? {})) {
      const first = node.description?.split(' ')[0] ?? '';
      expect(configHelp()).toMatch(new RegExp(`^ {4}${name}(\\[\\])? +${first}`, 'm'));
    }
  });
});
