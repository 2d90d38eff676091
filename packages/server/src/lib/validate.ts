/**
 * Checks that `value` is a non-empty string.
 *
 * @throws {TypeError} naming `field` otherwise.
 */
export function requireString(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`"${field}" must be a non-empty string`);
  }
}

/**
 * Checks that `value` is absent or a non-empty string.
 *
 * @throws {TypeError} naming `field` otherwise.
 */
export function optionalString(value: unknown, field: string): asserts value is string | undefined {
  if (value !== undefined) requireString(value, field);
}
