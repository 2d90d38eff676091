import { isRecord } from '../lib/is-record.js';
import type { StateData } from '../types.js';
import { argumentError } from '../lib/validate.js';

/** Whether a decrypted value has the shape of a session, so a payload of another kind reads as none. */
export function isStateData(value: unknown): value is StateData {
  if (!isRecord(value) || !Array.isArray(value.tokenSets)) return false;
  const { internal } = value;
  return isRecord(internal) && typeof internal.sid === 'string' && typeof internal.createdAt === 'number';
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
