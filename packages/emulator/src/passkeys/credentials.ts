/** A passkey a user registered: what verifying its assertions needs. */
export interface StoredPasskey {
  /** The credential id (base64url). */
  id: string;
  userId: string;
  /** The WebAuthn user handle given at creation (base64url): an assertion's `userHandle` must match. */
  userHandle: string;
  publicKey: Uint8Array;
  /** The last signature counter seen; an assertion must go past it (unless both are 0). */
  counter: number;
  transports?: string[];
}

/** The tenant's passkeys, by credential id. */
export class PasskeyCredentials {
  readonly #byId = new Map<string, StoredPasskey>();

  add(passkey: StoredPasskey): void {
    this.#byId.set(passkey.id, passkey);
  }

  find(id: string): StoredPasskey | undefined {
    return this.#byId.get(id);
  }

  /** Records the counter of an accepted assertion. */
  used(id: string, counter: number): void {
    const passkey = this.#byId.get(id);
    if (passkey) passkey.counter = counter;
  }
}
