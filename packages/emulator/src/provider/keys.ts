import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'oidc-provider';

/**
 * The RS256 signing key of one start. A supplied key with a `kid` (a key file's) keeps it, so an app's
 * cached JWKS stays right across restarts; otherwise the `kid` is fresh, so tokens from an earlier run
 * do not verify against this one. The key itself is new unless the caller supplies one.
 */
export async function generateSigningKeys(supplied?: RsaPrivateJwk): Promise<{ keys: JWK[] }> {
  const jwk = supplied ?? (await newRsaJwk());
  const { kty, n, e, d, p, q, dp, dq, qi } = jwk;
  const kid = supplied?.kid ?? randomBytes(8).toString('hex');
  return { keys: [{ kty, n, e, d, p, q, dp, dq, qi, kid, alg: 'RS256', use: 'sig' }] };
}

async function newRsaJwk(): Promise<RsaPrivateJwk> {
  const jwk = await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey);
  if (!isRsaPrivateJwk(jwk)) throw new Error('jose exported an RSA key without its private members');
  return jwk;
}

let reusable: Promise<RsaPrivateJwk> | undefined;

/**
 * The key material a start without a key of its own signs with: the key kept in `file` (made there on
 * first use, as {@link signingKeyFile} does), read once per process, without its `kid`, so each start
 * still publishes a fresh `kid` and tokens of an earlier run do not verify (generating an RSA key is the
 * slow part of a start). Where the file cannot be written (a read-only home), the key is generated once
 * per process instead.
 */
export function reusableSigningKey(file: string): Promise<RsaPrivateJwk> {
  reusable ??= signingKeyFile(file).then(
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- leaving the file's `kid` out is the point
    ({ kid, ...key }) => key,
    () => newRsaJwk(),
  );
  return reusable;
}

/**
 * The signing key kept in `file` (a private JWK with its `kid`, the key's RFC 7638 thumbprint), made
 * and written there (mode 0600) on first use. Several processes starting at once agree on one key: the
 * file appears whole or not at all (written aside, then hard-linked into place).
 *
 * @throws Error naming the file when it holds something other than an RSA private key.
 */
export async function signingKeyFile(file: string): Promise<RsaPrivateJwk & { kid: string }> {
  const existing = await readKeyFile(file);
  if (existing) return existing;
  const jwk = await newRsaJwk();
  const key = { ...jwk, kid: await calculateJwkThumbprint({ kty: jwk.kty, n: jwk.n, e: jwk.e }) };
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(aside, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(aside, file);
    return key;
  } catch (error) {
    if (!(error instanceof Error && Reflect.get(error, 'code') === 'EEXIST')) throw error;
    const other = await readKeyFile(file);
    if (!other) throw new Error(`${file} appeared but holds no signing key`);
    return other;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

async function readKeyFile(file: string): Promise<(RsaPrivateJwk & { kid: string }) | undefined> {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && Reflect.get(error, 'code') === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isRsaPrivateJwk(parsed) || typeof parsed.kid !== 'string')
    throw new Error(`${file} is not an RSA private key as a JWK with a kid: delete it to make a new one`);
  return { ...parsed, kid: parsed.kid };
}

const RSA_PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** An RSA private key as a JWK, with the CRT members Node.js needs to sign, and its `kid` if it has one. */
export type RsaPrivateJwk = JsonWebKey & { kty: 'RSA'; kid?: string } & Record<
    (typeof RSA_PRIVATE_MEMBERS)[number],
    string
  >;

export function isRsaPrivateJwk(value: unknown): value is RsaPrivateJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk: Record<string, unknown> = { ...value };
  return jwk.kty === 'RSA' && RSA_PRIVATE_MEMBERS.every((member) => typeof jwk[member] === 'string');
}

/** Keys for oidc-provider's signed cookies. */
export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
