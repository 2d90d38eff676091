import { exportJWK, generateKeyPair, jwtVerify, EmbeddedJWK, decodeJwt } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDpopKeyPair, createDpopProofSigner, importDpopKey } from '../../src/crypto/index.js';

const claims = { htm: 'GET', htu: 'https://api.example.com/accounts', accessToken: 'an-access-token' };

describe('DPoP proofs', () => {
  afterEach(() => vi.restoreAllMocks());

  it("a proof's iat comes from the clock it is given, and it verifies with the embedded key", async () => {
    const key = await importDpopKey(checkDpopKeyPair(await generateKeyPair('ES256', { extractable: true })));
    const proof = await createDpopProofSigner(key, () => 1_700_000_000_999)(claims);
    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      currentDate: new Date(1_700_000_000_000),
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ iat: 1_700_000_000, htm: 'GET', htu: claims.htu });
    expect(payload.jti).toEqual(expect.any(String));
  });

  it('every proof has its own jti', async () => {
    const key = await importDpopKey(await generateKeyPair('ES256', { extractable: true }));
    const sign = createDpopProofSigner(key);
    const [a, b] = await Promise.all([sign(claims), sign(claims)]);
    expect(decodeJwt(a).jti).not.toBe(decodeJwt(b).jti);
  });

  it.each(['ES384', 'Ed25519'] as const)('signs with a %s key through Web Crypto', async (alg) => {
    const pair = await generateKeyPair(alg, { extractable: true });
    const key = await importDpopKey(checkDpopKeyPair({ ...(await exportJWK(pair.privateKey)) }));
    expect(key.alg).toBe(alg);
    const { protectedHeader } = await jwtVerify(await createDpopProofSigner(key)(claims), EmbeddedJWK);
    expect(protectedHeader.alg).toBe(alg);
  });

  it('takes a pair of Node.js KeyObjects', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const key = await importDpopKey(checkDpopKeyPair({ privateKey, publicKey }));
    expect(key.alg).toBe('ES256');
    await expect(jwtVerify(await createDpopProofSigner(key)(claims), EmbeddedJWK)).resolves.toBeDefined();
  });

  it("'generate' makes a key for this process and warns once", async () => {
    // The warning is once per module instance, and test files share workers: take a fresh instance.
    vi.resetModules();
    const fresh = await import('../../src/crypto/dpop-key.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await fresh.importDpopKey('generate');
    const b = await fresh.importDpopKey('generate');
    expect(a.thumbprint).not.toBe(b.thumbprint);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/for this process only/);
  });

  it('refuses an RSA key and a public key without its private half, naming dpopKeyPair', async () => {
    const rsa = await generateKeyPair('PS256', { extractable: true });
    expect(() => checkDpopKeyPair(rsa)).toThrow(/"dpopKeyPair"/);
    const ec = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(ec.publicKey);
    expect(() => checkDpopKeyPair(publicJwk)).toThrow(/"dpopKeyPair"/);
  });
});
