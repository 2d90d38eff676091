import type { EmulatorConnection, EmulatorConnectionAccount, EmulatorTokenExchangeProfile } from './types.js';
import { argumentError, integer, list, object, optionalString, string, strings } from '../lib/validate.js';

/** `config.connections`: the federated connections of Token Vault, names unique. */
export function parseConnections(value: unknown): EmulatorConnection[] {
  const connections = list(value, 'config.connections').map((item, i) => {
    const field = `config.connections[${i}]`;
    const raw = object(item, field);
    const connection: EmulatorConnection = {
      name: string(raw.name, `${field}.name`),
      expires_in: integer(raw.expires_in, `${field}.expires_in`, 3600, { min: 1, unit: 'seconds' }),
    };
    if (raw.users !== undefined) connection.users = strings(raw.users, `${field}.users`);
    const scope = optionalString(raw.scope, `${field}.scope`);
    if (scope) connection.scope = scope;
    if (raw.accounts !== undefined) connection.accounts = parseAccounts(raw.accounts, `${field}.accounts`);
    return connection;
  });
  const seen = new Set<string>();
  for (const { name } of connections) {
    if (seen.has(name)) throw argumentError(`connection "${name}" is declared twice`);
    seen.add(name);
  }
  return connections;
}

/** A connection's `accounts` (account linking): ids and usernames unique on it. */
function parseAccounts(value: unknown, field: string): EmulatorConnectionAccount[] {
  const accounts = list(value, field).map((item, i) => {
    const at = `${field}[${i}]`;
    const raw = object(item, at);
    const account: EmulatorConnectionAccount = {
      user_id: string(raw.user_id, `${at}.user_id`),
      username: string(raw.username, `${at}.username`),
      password: string(raw.password, `${at}.password`),
    };
    const name = optionalString(raw.name, `${at}.name`);
    if (name) account.name = name;
    const email = optionalString(raw.email, `${at}.email`);
    if (email) account.email = email;
    return account;
  });
  for (const key of ['user_id', 'username'] as const) {
    const seen = new Set<string>();
    for (const account of accounts) {
      if (seen.has(account[key])) throw argumentError(`${field}: ${key} "${account[key]}" is declared twice`);
      seen.add(account[key]);
    }
  }
  return accounts;
}

/** `config.token_exchange_profiles`: one way to validate each subject token type, types unique. */
export function parseExchangeProfiles(value: unknown): EmulatorTokenExchangeProfile[] {
  const profiles = list(value, 'config.token_exchange_profiles').map((item, i) => {
    const field = `config.token_exchange_profiles[${i}]`;
    const raw = object(item, field);
    const profile: EmulatorTokenExchangeProfile = {
      subject_token_type: string(raw.subject_token_type, `${field}.subject_token_type`),
    };
    if (raw.subject_tokens !== undefined) {
      const map = object(raw.subject_tokens, `${field}.subject_tokens`);
      profile.subject_tokens = Object.fromEntries(
        Object.entries(map).map(([token, user]) => [token, string(user, `${field}.subject_tokens.<token>`)]),
      );
    }
    if (raw.jwt !== undefined) {
      const jwt = object(raw.jwt, `${field}.jwt`);
      const issuer = optionalString(jwt.issuer, `${field}.jwt.issuer`);
      profile.jwt = { jwk: object(jwt.jwk, `${field}.jwt.jwk`), ...(issuer ? { issuer } : {}) };
    }
    if (!profile.subject_tokens && !profile.jwt) {
      throw argumentError(`${field} needs subject_tokens or jwt: how its subject tokens are validated`);
    }
    return profile;
  });
  const seen = new Set<string>();
  for (const { subject_token_type: type } of profiles) {
    if (seen.has(type)) throw argumentError(`token exchange profile "${type}" is declared twice`);
    seen.add(type);
  }
  return profiles;
}
