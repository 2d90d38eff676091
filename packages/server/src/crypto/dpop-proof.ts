import { base64url, SignJWT } from 'jose';
import type * as NodeCryptoModule from 'node:crypto';
import { isRecord } from '../lib/is-record.js';
import type { DpopKey } from './dpop-key.js';

/** The claims of one DPoP proof that vary by request (RFC 9449 section 4.2). */
export interface DpopProofClaims {
  /** The HTTP method, upper case. */
  htm: string;
  /** The target URI without query and fragment. */
  htu: string;
  /** The access token the request carries: the proof gets its `ath` (SHA-256, base64url). */
  accessToken?: string | undefined;
  /** The server's last `DPoP-Nonce`, when it asked for one. */
  nonce?: string | undefined;
}

/** Signs DPoP proofs with one key. */
export type DpopProofSigner = (claims: DpopProofClaims) => Promise<string>;

type NodeSign = Pick<typeof NodeCryptoModule, 'sign' | 'createHash' | 'KeyObject'>;

const encoder = new TextEncoder();

/**
 * A proof signer over `key`, reading `iat` from `now` (milliseconds; the SDK's clock). ES256 signs
 * synchronously with `node:crypto` where `process.getBuiltinModule` finds it (the same JWS bytes,
 * without Web Crypto's round trip); every other case signs with jose over Web Crypto.
 */
export function createDpopProofSigner(key: DpopKey, now: () => number = Date.now): DpopProofSigner {
  const header = base64url.encode(JSON.stringify({ alg: key.alg, typ: 'dpop+jwt', jwk: key.jwk }));
  const node = key.alg === 'ES256' ? nodeSign() : undefined;
  const nodeKey = node?.KeyObject.from(key.privateKey);
  // Apps send the same access token many times in a row: its hash is kept for the next proof.
  let last: { token: string; ath: Promise<string> | string } | undefined;
  const athOf = (token: string) => {
    if (last?.token !== token) last = { token, ath: node ? nodeAth(node, token) : webAth(token) };
    return last.ath;
  };
  return async ({ htm, htu, accessToken, nonce }) => {
    const ath = accessToken === undefined ? undefined : athOf(accessToken);
    const payload = {
      iat: Math.floor(now() / 1000),
      jti: crypto.randomUUID(),
      htm,
      htu,
      ...(nonce === undefined ? {} : { nonce }),
      ...(ath === undefined ? {} : { ath: typeof ath === 'string' ? ath : await ath }),
    };
    if (node && nodeKey) {
      const input = `${header}.${base64url.encode(JSON.stringify(payload))}`;
      const signature = node.sign('sha256', encoder.encode(input), {
        key: nodeKey,
        dsaEncoding: 'ieee-p1363',
      });
      return `${input}.${signature.toString('base64url')}`;
    }
    return new SignJWT(payload)
      .setProtectedHeader({ alg: key.alg, typ: 'dpop+jwt', jwk: key.jwk })
      .sign(key.privateKey);
  };
}

function nodeAth(node: NodeSign, token: string): string {
  return node.createHash('sha256').update(token).digest('base64url');
}

async function webAth(token: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(token))));
}

/** `node:crypto` when the runtime has it (found, never imported: see `runtime.ts`), else `undefined`. */
function nodeSign(): NodeSign | undefined {
  try {
    const proc: unknown = Reflect.get(globalThis, 'process');
    const get = isRecord(proc) ? proc.getBuiltinModule : undefined;
    const mod: unknown = typeof get === 'function' ? get.call(proc, 'node:crypto') : undefined;
    return isNodeSign(mod) ? mod : undefined;
  } catch {
    return undefined;
  }
}

function isNodeSign(mod: unknown): mod is NodeSign {
  return (
    isRecord(mod) &&
    typeof mod.sign === 'function' &&
    typeof mod.createHash === 'function' &&
    typeof mod.KeyObject === 'function'
  );
}
