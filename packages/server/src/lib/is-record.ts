/**
 * Whether `value` is a plain JSON object (not `null`, not an array), so that its members can be read
 * as `unknown` and checked one by one: how every answer from the server and every decrypted payload
 * is read before it is trusted.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
