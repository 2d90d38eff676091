import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/** What `navigator.credentials.create()` / `.get()` answer, serialized (binary fields base64url). */
export interface TestPasskeyCredential {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment: 'platform';
  response: {
    clientDataJSON: string;
    attestationObject?: string;
    authenticatorData?: string;
    signature?: string;
    userHandle?: string;
    transports?: string[];
  };
  clientExtensionResults: Record<string, unknown>;
}

interface StoredKey {
  id: Buffer;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  counter: number;
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter >>> 0);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

/**
 * A software WebAuthn authenticator for tests (ES256, `none` attestation, discoverable credentials,
 * user verification): it answers a server's creation and request options as a browser's
 * `navigator.credentials.create()` / `.get()` would, from the origin given. Node only.
 *
 * @example
 * ```ts
 * const authenticator = new TestAuthenticator();
 * const credential = authenticator.create(challenge.authnParamsPublicKey, 'http://localhost:3000');
 * ```
 */
export class TestAuthenticator {
  readonly #keys: StoredKey[] = [];
  /** Set to keep the signature counter from advancing (a cloned authenticator). */
  freezeCounter = false;

  /** Makes a credential for `options` (WebAuthn creation options JSON) as `origin` would. */
  create(
    options: { challenge: string; rp: { id?: string }; user: { id: string } },
    origin: string,
  ): TestPasskeyCredential {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ]);
    const id = randomBytes(16);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const attested = Buffer.concat([Buffer.alloc(16), length, id, Buffer.from(isoCBOR.encode(cose))]);
    const key: StoredKey = { id, rpId, userHandle: options.user.id, privateKey, counter: 0 };
    this.#keys.push(key);
    const authData = authenticatorData(rpId, FLAG_UP | FLAG_UV | FLAG_AT, key.counter, attested);
    const attestation = new Map<string, unknown>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', new Uint8Array(authData)],
    ]);
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: clientData('webauthn.create', options.challenge, origin),
        attestationObject: b64url(isoCBOR.encode(attestation as never)),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    };
  }

  /** Signs `options` (WebAuthn request options JSON) with this authenticator's credential for its rpId. */
  get(options: { challenge: string; rpId?: string }, origin: string): TestPasskeyCredential {
    const rpId = options.rpId ?? new URL(origin).hostname;
    const key = this.#keys.findLast((candidate) => candidate.rpId === rpId);
    if (!key) throw new Error(`the test authenticator has no credential for ${rpId}`);
    if (!this.freezeCounter) key.counter += 1;
    const authData = authenticatorData(rpId, FLAG_UP | FLAG_UV, key.counter);
    const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(Buffer.from(clientDataJSON, 'base64url'))]),
      key.privateKey,
    );
    return {
      id: b64url(key.id),
      rawId: b64url(key.id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON,
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: key.userHandle,
      },
      clientExtensionResults: {},
    };
  }
}

function clientData(type: string, challenge: string, origin: string): string {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false })).toString('base64url');
}
