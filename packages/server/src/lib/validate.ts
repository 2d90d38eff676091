import { isRecord } from './is-record.js';

/**
 * The boundary checks of the SDK, in one place with one wording: every option or argument `TypeError`
 * names its field in double quotes and carries an {@link ArgumentErrorCode}.
 */

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

/** Checks that `value` is a non-empty string. */
export function requireString(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string') {
    throw argumentError(`"${field}" must be a non-empty string`, 'ERR_INVALID_ARG_TYPE');
  }
  if (value.trim() === '') throw argumentError(`"${field}" must be a non-empty string`);
}

/** Checks that `value` is absent or a non-empty string. */
export function optionalString(value: unknown, field: string): asserts value is string | undefined {
  if (value !== undefined) requireString(value, field);
}

/** Checks that `value` is an object (not `null`). */
export function requireObject(value: unknown, field: string): asserts value is object {
  if (typeof value !== 'object' || value === null) {
    throw argumentError(`"${field}" must be an object`, 'ERR_INVALID_ARG_TYPE');
  }
}

/** Checks that `value` is an object with every method in `methods`. */
export function requireMethods(value: unknown, field: string, methods: readonly string[]): void {
  if (!isRecord(value) || !methods.every((m) => typeof value[m] === 'function')) {
    throw argumentError(`"${field}" must have the methods ${methods.join(', ')}`, 'ERR_INVALID_ARG_TYPE');
  }
}

/** What a number option counts, named in the message. */
export type NumberUnit = 'seconds' | 'milliseconds';

/**
 * A number greater than 0, or `fallback` when `value` is `undefined`. Infinity and `NaN` are refused.
 */
export function positiveNumber(value: unknown, field: string, fallback: number, unit?: NumberUnit): number {
  return checkedNumber(value, field, fallback, unit, 'a positive number', (n) => n > 0);
}

/** A number of at least 0, or `fallback` when `value` is `undefined`. Infinity and `NaN` are refused. */
export function nonNegativeNumber(
  value: unknown,
  field: string,
  fallback: number,
  unit?: NumberUnit,
): number {
  return checkedNumber(value, field, fallback, unit, 'a number of at least 0', (n) => n >= 0);
}

function checkedNumber(
  value: unknown,
  field: string,
  fallback: number,
  unit: NumberUnit | undefined,
  what: string,
  accept: (n: number) => boolean,
): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && accept(value)) return value;
  throw argumentError(
    `"${field}" must be ${what}${unit ? ` of ${unit}` : ''}`,
    typeof value === 'number' ? 'ERR_INVALID_ARG_VALUE' : 'ERR_INVALID_ARG_TYPE',
  );
}

/** RFC 6265 section 4.1.1: a cookie name is an HTTP token. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Checks that `value` is a cookie name (an HTTP token: letters, digits and ``!#$%&'*+-.^_`|~``). */
export function requireCookieName(value: unknown, field: string): asserts value is string {
  requireString(value, field);
  if (!COOKIE_NAME.test(value)) throw argumentError(`"${field}" must be a valid cookie name`);
}

/** The fewest characters a secret that derives encryption keys may have. */
export const MIN_SECRET_LENGTH = 32;

/**
 * `secret` (a string, or a non-empty array of strings, each of at least {@link MIN_SECRET_LENGTH}
 * characters) as a list: the first encrypts, all decrypt.
 */
export function secretList(secret: unknown, field = 'secret'): string[] {
  const list = typeof secret === 'string' ? [secret] : secret;
  if (!Array.isArray(list) || list.length === 0) {
    throw argumentError(
      `"${field}" must be a string of at least ${MIN_SECRET_LENGTH} characters, or a non-empty array of them`,
      Array.isArray(list) ? 'ERR_INVALID_ARG_VALUE' : 'ERR_INVALID_ARG_TYPE',
    );
  }
  return list.map((s: unknown, i) => {
    if (typeof s !== 'string' || s.length < MIN_SECRET_LENGTH) {
      throw argumentError(
        `"${field}"${Array.isArray(secret) ? `[${i}]` : ''} must be a string of at least ${MIN_SECRET_LENGTH} characters`,
        typeof s === 'string' ? 'ERR_INVALID_ARG_VALUE' : 'ERR_INVALID_ARG_TYPE',
      );
    }
    return s;
  });
}

/**
 * A copy of `value` without its empty-string fields: an empty string reads as absent (as
 * `@auth0/auth0-server-js` users write `process.env.AUDIENCE ?? ''`), never as a value sent to the server.
 */
export function withoutEmpty<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy)) {
    if (Reflect.get(copy, key) === '') Reflect.deleteProperty(copy, key);
  }
  return copy;
}
