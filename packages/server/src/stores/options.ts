import { isRecord } from '../lib/is-record.js';
import { argumentError } from '../lib/validate.js';

/**
 * The secret(s) a cookie store encrypts with; the same shape as `@auth0/auth0-server-js`.
 *
 * @example
 * ```ts
 * const options: EncryptedStoreOptions = { secret: [process.env.NEW_SECRET!, process.env.OLD_SECRET!] };
 * ```
 */
export interface EncryptedStoreOptions {
  /**
   * At least 32 characters each. With several, the first encrypts and every one decrypts, so a secret
   * is rotated by putting the new one first and removing the old one once its cookies have expired.
   */
  secret: string | string[];
}

/**
 * Checks the two arguments every cookie store is built with, so that a missing one fails at
 * construction with its name rather than on the first request.
 *
 * @throws {TypeError} naming `options`, or `cookieHandler` when it lacks one of the four methods.
 */
export function checkStoreArguments(options: unknown, cookieHandler: unknown): void {
  if (typeof options !== 'object' || options === null)
    throw argumentError('"options" must be an object', 'ERR_INVALID_ARG_TYPE');
  if (
    !isRecord(cookieHandler) ||
    !COOKIE_HANDLER_METHODS.every((method) => typeof cookieHandler[method] === 'function')
  ) {
    throw argumentError(
      `"cookieHandler" must have the methods ${COOKIE_HANDLER_METHODS.join(', ')}`,
      'ERR_INVALID_ARG_TYPE',
    );
  }
}

const COOKIE_HANDLER_METHODS = ['getCookie', 'getCookies', 'setCookie', 'deleteCookie'] as const;

/**
 * The secrets as a non-empty list.
 *
 * @throws {TypeError} naming `secret` when it is empty or a secret is shorter than 32 characters.
 */
export function secretsOf(secret: unknown): string[] {
  const secrets: unknown[] = Array.isArray(secret) ? secret : [secret];
  if (secrets.length === 0) throw argumentError('"secret" must hold at least one secret');
  return secrets.map((s) => {
    if (typeof s !== 'string' || s.length < 32) {
      throw argumentError('"secret" must be a string of at least 32 characters, or an array of such strings');
    }
    return s;
  });
}
