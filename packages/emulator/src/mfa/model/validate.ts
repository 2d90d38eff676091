/**
 * Checks of the MFA API's request fields at the boundary (email and phone numbers: lib/addresses.ts).
 */

/** A JSON body seen as a record, or `undefined` when it is not a JSON object. */
export function asRecord(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.fromEntries(Object.entries(body));
}

/** A string field, or `undefined` when absent or empty; `null` when present with another type. */
export function stringField(body: Record<string, unknown>, name: string): string | undefined | null {
  const value = body[name];
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value : null;
}

/**
 * A field that Auth0 documents as an array of strings. A single string is accepted too (form-encoded
 * bodies and some SDKs send one); `null` means present but malformed.
 */
export function stringListField(body: Record<string, unknown>, name: string): string[] | undefined | null {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  return null;
}
