import { createSealer, type KeyPurpose, type Sealer } from '../crypto/index.js';
import { requireObject, secretList } from '../lib/validate.js';
import type {
  LogoutTokenClaims,
  StateData,
  StateStore,
  TransactionData,
  TransactionStore,
} from '../types.js';
import type { EncryptedStoreOptions } from './options.js';

/**
 * The base of a custom store written against `@auth0/auth0-server-js`'s `AbstractStateStore` /
 * `AbstractTransactionStore`: the same constructor (`{ secret }`) and the same protected
 * `encrypt(identifier, data, expiration)` / `decrypt(identifier, value)`, with this SDK's encryption
 * (keys derived once per secret and purpose, `A256GCM`, rotation by a list of secrets). A value is
 * bound to its identifier, as the peer's is by its salt: sealed for one, it does not open as another.
 * Values the peer encrypted are not read (users log in once after the switch).
 */
abstract class AbstractStore<TData, TStoreOptions> {
  /** As the peer keeps them: the options given, `secret` included. */
  protected readonly options: EncryptedStoreOptions;
  readonly #sealer: Sealer;

  /** @throws {TypeError} naming `secret` unless it is one or more strings of at least 32 characters. */
  constructor(options: EncryptedStoreOptions, purpose: KeyPurpose) {
    requireObject(options, 'options');
    this.options = options;
    this.#sealer = createSealer(secretList(options.secret), purpose);
  }

  abstract set(
    identifier: string,
    data: TData,
    removeIfExists?: boolean,
    storeOptions?: TStoreOptions,
  ): Promise<void>;
  abstract get(identifier: string, storeOptions?: TStoreOptions): Promise<TData | undefined>;
  abstract delete(identifier: string, storeOptions?: TStoreOptions): Promise<void>;

  /** `data` sealed for `identifier` until `expiration` (Unix seconds, as the peer takes it). */
  protected encrypt(identifier: string, data: TData, expiration: number): Promise<string> {
    const ttl = Math.max(1, Math.ceil(expiration - Date.now() / 1000));
    return this.#sealer.seal({ i: identifier, d: data }, ttl);
  }

  /** What `encrypt` sealed for `identifier`, or `undefined` for an expired, tampered or foreign value. */
  protected async decrypt(identifier: string, value: string): Promise<TData | undefined> {
    const opened = await this.#sealer.unseal<{ i?: unknown; d?: TData }>(value);
    return opened.ok && opened.payload.i === identifier ? opened.payload.d : undefined;
  }
}

/** `@auth0/auth0-server-js`'s `AbstractStateStore`, sealing with this SDK's session keys. */
export abstract class AbstractStateStore<TStoreOptions = unknown>
  extends AbstractStore<StateData, TStoreOptions>
  implements StateStore<TStoreOptions>
{
  /** @throws {TypeError} naming `secret`. */
  constructor(options: EncryptedStoreOptions) {
    super(options, 'session');
  }

  abstract deleteByLogoutToken(claims: LogoutTokenClaims, storeOptions?: TStoreOptions): Promise<void>;
}

/** `@auth0/auth0-server-js`'s `AbstractTransactionStore`, sealing with this SDK's transaction keys. */
export abstract class AbstractTransactionStore<TStoreOptions = unknown>
  extends AbstractStore<TransactionData, TStoreOptions>
  implements TransactionStore<TStoreOptions>
{
  /** @throws {TypeError} naming `secret`. */
  constructor(options: EncryptedStoreOptions) {
    super(options, 'transaction');
  }
}
