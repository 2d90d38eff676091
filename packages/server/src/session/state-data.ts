import { isRecord } from '../lib/is-record.js';
import type { StateData } from '../types.js';
import { argumentError } from '../lib/validate.js';

/**
 * Whether a value has the fields the SDK reads from a session, with their types, so a payload of
 * another kind (a corrupted record, another version's shape) reads as none instead of crashing the
 * token operations that trust those fields.
 */
export function isStateData(value: unknown): value is StateData {
  if (!isRecord(value) || !Array.isArray(value.tokenSets)) return false;
  const { internal } = value;
  const optional = (v: unknown, type: 'string' | 'number') => v === undefined || typeof v === type;
  return (
    isRecord(internal) &&
    typeof internal.sid === 'string' &&
    typeof internal.createdAt === 'number' &&
    (value.user === undefined || isRecord(value.user)) &&
    optional(value.idToken, 'string') &&
    optional(value.refreshToken, 'string') &&
    value.tokenSets.every(
      (t) =>
        isRecord(t) &&
        typeof t.audience === 'string' &&
        typeof t.accessToken === 'string' &&
        typeof t.expiresAt === 'number' &&
        optional(t.tokenType, 'string') &&
        (t.scope === undefined || t.scope === null || typeof t.scope === 'string'),
    )
  );
}

/**
 * Checks a session given to a store's `set`.
 *
 * @throws {TypeError} when `data` lacks `internal.sid`, `internal.createdAt` or `tokenSets`.
 */
export function assertStateData(data: unknown): asserts data is StateData {
  if (!isStateData(data)) {
    throw argumentError(
      '"data" must be a session with internal.sid, internal.createdAt and tokenSets',
      'ERR_INVALID_ARG_TYPE',
    );
  }
}
