import type { EmulatorConnection } from './types.js';
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
