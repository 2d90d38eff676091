import type * as NodeCryptoModule from 'node:crypto';
import { isRecord } from '../lib/is-record.js';

/** The part of `node:crypto` the synchronous AES-GCM path uses (a type only: nothing is imported). */
export type NodeCrypto = Pick<typeof NodeCryptoModule, 'createCipheriv' | 'createDecipheriv'>;

/** What {@link detectNodeCrypto} needs of `globalThis.process`. */
export interface ProcessLike {
  getBuiltinModule?: (id: string) => unknown;
}

// GCM specification test case 14: AES-256, zero key, zero IV, one zero block.
const KAT_CIPHERTEXT = 'cea7403d4d606b6e074ec5d3baf39d18';
const KAT_TAG = 'd0d1c8a799996bf0265b98b5d48ab919';

/**
 * `node:crypto` when the runtime has it and its AES-256-GCM gives the known answer, else
 * `undefined` (Web Crypto then serves). Found at run time through `process.getBuiltinModule`
 * (Node 20.16+, Bun, Deno, workerd with `nodejs_compat`), never imported, so the bundle loads where
 * there is no `node:` module at all (workerd without `nodejs_compat`, browsers).
 */
export function detectNodeCrypto(proc: ProcessLike | undefined): NodeCrypto | undefined {
  try {
    const mod = proc?.getBuiltinModule?.('node:crypto');
    if (!isNodeCrypto(mod)) return undefined;
    const zero = new Uint8Array(32);
    const cipher = mod.createCipheriv('aes-256-gcm', zero, zero.subarray(0, 12));
    const ciphertext = cipher.update(zero.subarray(0, 16), undefined, 'hex') + cipher.final('hex');
    return ciphertext === KAT_CIPHERTEXT && hex(cipher.getAuthTag()) === KAT_TAG ? mod : undefined;
  } catch {
    return undefined;
  }
}

function isNodeCrypto(mod: unknown): mod is NodeCrypto {
  return (
    isRecord(mod) && typeof mod.createCipheriv === 'function' && typeof mod.createDecipheriv === 'function'
  );
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

let found: { crypto: NodeCrypto | undefined } | undefined;

/** {@link detectNodeCrypto} for this runtime, once. */
export function nodeCrypto(): NodeCrypto | undefined {
  const proc: unknown = Reflect.get(globalThis, 'process');
  found ??= { crypto: detectNodeCrypto(isRecord(proc) ? processLike(proc) : undefined) };
  return found.crypto;
}

function processLike(proc: Record<string, unknown>): ProcessLike {
  const get = proc.getBuiltinModule;
  return typeof get === 'function' ? { getBuiltinModule: (id) => get.call(proc, id) } : {};
}
