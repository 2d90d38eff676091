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
 * The secrets as a non-empty list.
 *
 * @throws {TypeError} naming `secret` when it is empty or a secret is shorter than 32 characters.
 */
export function secretsOf(secret: unknown): string[] {
  const secrets: unknown[] = Array.isArray(secret) ? secret : [secret];
  if (secrets.length === 0) throw new TypeError('"secret" must hold at least one secret');
  return secrets.map((s) => {
    if (typeof s !== 'string' || s.length < 32) {
      throw new TypeError('"secret" must be a string of at least 32 characters, or an array of such strings');
    }
    return s;
  });
}
