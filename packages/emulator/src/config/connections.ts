import type { EmulatorConnection, EmulatorTokenExchangeProfile } from './types.js';
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
    return connection;
  });
  const seen = new Set<string>();
  for (const { name } of connections) {
    if (seen.has(name)) throw argumentError(`connection "${name}" is declared twice`);
    seen.add(name);
  }
  return connections;
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
