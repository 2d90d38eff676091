import type { StateData } from '../types.js';

/** Whether a decrypted value has the shape of a session, so a payload of another kind reads as none. */
export function isStateData(value: unknown): value is StateData {
  if (typeof value !== 'object' || value === null) return false;
  const internal: unknown = Reflect.get(value, 'internal');
  return (
    Array.isArray(Reflect.get(value, 'tokenSets')) &&
    typeof internal === 'object' &&
    internal !== null &&
    typeof Reflect.get(internal, 'sid') === 'string' &&
    typeof Reflect.get(internal, 'createdAt') === 'number'
  );
}

/**
 * Checks a session given to a store's `set`.
 *
 * @throws TypeError when `data` lacks `internal.sid`, `internal.createdAt` or `tokenSets`.
 */
export function assertStateData(data: unknown): asserts data is StateData {
  if (!isStateData(data)) {
    throw new TypeError('"data" must be a session with internal.sid, internal.createdAt and tokenSets');
  }
}
