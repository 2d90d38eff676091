/**
 * The stable `code` of an option or argument `TypeError`, as Node.js and oauth4webapi spell them:
 * `ERR_INVALID_ARG_TYPE` for a value of the wrong type (or a missing one), `ERR_INVALID_ARG_VALUE`
 * for a value of the right type that is not acceptable.
 */
export type ArgumentErrorCode = 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_ARG_VALUE';

/** A `TypeError` about an option or argument, with its {@link ArgumentErrorCode}. */
export type ArgumentError = TypeError & { code: ArgumentErrorCode };

/** The one way this SDK builds an option or argument `TypeError`: the message names the field. */
export function argumentError(
  message: string,
  code: ArgumentErrorCode = 'ERR_INVALID_ARG_VALUE',
): ArgumentError {
  return Object.assign(new TypeError(message), { code });
}

/**
 * Checks that `value` is a non-empty string.
 *
 * @throws {TypeError} naming `field` otherwise (`ERR_INVALID_ARG_TYPE`, or `ERR_INVALID_ARG_VALUE` when empty).
 */
export function requireString(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string') {
    throw argumentError(`"${field}" must be a non-empty string`, 'ERR_INVALID_ARG_TYPE');
  }
  if (value.trim() === '') throw argumentError(`"${field}" must be a non-empty string`);
}

/**
 * Checks that `value` is absent or a non-empty string.
 *
 * @throws {TypeError} naming `field` otherwise.
 */
export function optionalString(value: unknown, field: string): asserts value is string | undefined {
  if (value !== undefined) requireString(value, field);
}
