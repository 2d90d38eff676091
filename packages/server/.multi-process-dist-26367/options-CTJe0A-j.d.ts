/** The secret(s) a cookie store encrypts with; the same shape as `@auth0/auth0-server-js`. */
interface EncryptedStoreOptions {
    /**
     * At least 32 characters each. With several, the first encrypts and every one decrypts, so a secret
     * is rotated by putting the new one first and removing the old one once its cookies have expired.
     */
    secret: string | string[];
}

export type { EncryptedStoreOptions as E };
