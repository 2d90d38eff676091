/**
 * The emulator's checks of configuration and options, in one place with one wording: every
 * `TypeError` starts with the field's full path (`config.users[1].email must be ...`) and carries a
 * stable `code`, as Node.js spells them.
 */

/** `ERR_INVALID_ARG_TYPE` for a value of the wrong type or a missing one, `ERR_INVALID_ARG_VALUE` otherwise. */
export type ArgumentErrorCode = 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_ARG_VALUE';

/** The one way the emulator builds a configuration or option `TypeError`. */
export function argumentError(
  message: string,
  code: ArgumentErrorCode = 'ERR_INVALID_ARG_VALUE',
  options?: ErrorOptions,
): TypeError & { code: ArgumentErrorCode } {
  return Object.assign(new TypeError(message, options), { code });
}

type Json = Record<string, unknown>;

/** Whether `value` is a JSON object (not `null`, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as a JSON object. */
export function object(value: unknown, field: string): Json {
  if (!isObject(value)) throw argumentError(`${field} must be an object`, 'ERR_INVALID_ARG_TYPE');
  return value;
}

/** `value` as an array; `[]` when absent. */
export function list(value: unknown, field: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw argumentError(`${field} must be an array`, 'ERR_INVALID_ARG_TYPE');
  return value;
}

/** `value` as a non-empty string. */
export function string(value: unknown, field: string): string {
  if (typeof value !== 'string')
    throw argumentError(`${field} must be a non-empty string`, 'ERR_INVALID_ARG_TYPE');
  if (value === '') throw argumentError(`${field} must be a non-empty string`);
  return value;
}

/** `value` as a non-empty string, or `undefined` when absent. */
export function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : string(value, field);
}

/** `value` as an array of non-empty strings; `[]` when absent. */
export function strings(value: unknown, field: string): string[] {
  return list(value, field).map((item, i) => string(item, `${field}[${i}]`));
}

/** `value` as a number of at least 0 (fractions allowed), or `fallback` when absent. */
export function nonNegativeNumber(value: unknown, field: string, fallback: number, unit?: 'seconds'): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw argumentError(
    `${field} must be a number of at least 0${unit ? ` (${unit})` : ''}`,
    typeof value === 'number' ? 'ERR_INVALID_ARG_VALUE' : 'ERR_INVALID_ARG_TYPE',
  );
}

/** `value` as an integer from `min` to `max`, or `fallback` when absent. */
export function integer(
  value: unknown,
  field: string,
  fallback: number,
  range: { min: number; max?: number; unit?: 'seconds' },
): number {
  if (value === undefined) return fallback;
  const { min, max = Number.MAX_SAFE_INTEGER, unit } = range;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  const bounds = range.max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  throw argumentError(
    `${field} must be an integer ${bounds}${unit ? ` (${unit})` : ''}`,
    typeof value === 'number' ? 'ERR_INVALID_ARG_VALUE' : 'ERR_INVALID_ARG_TYPE',
  );
}
