import { Auth0Error } from './auth0-error.js';

/**
 * The login callback could not be completed.
 *
 * - `missing_transaction`: no login transaction matches the callback's `state` (the transaction
 *   cookie named in `transaction` is missing or expired, the callback was already used, or the
 *   state was tampered with).
 * - `invalid_callback`: the callback URL carries an `error` from the server (then `error` and
 *   `errorDescription` are set) or lacks a code.
 *
 * @example
 * ```ts
 * if (err instanceof CallbackError && err.code === 'missing_transaction') return res.redirect('/auth/login');
 * ```
 */
export class CallbackError extends Auth0Error {
  readonly code: 'missing_transaction' | 'invalid_callback';
  /** The name of the transaction cookie (or store key) that was looked up, when that failed. */
  readonly transaction: string | undefined;

  /** @param details the server's answer, and the `transaction` key that was looked up. */
  constructor(
    code: CallbackError['code'],
    message: string,
    details: ConstructorParameters<typeof Auth0Error>[1] & { transaction?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, details, options);
    this.code = code;
    this.transaction = details.transaction;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), transaction: this.transaction };
  }
}
