import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyResolver } from '../../src/http/index.js';

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

const sign = (key: { kid: string; privateKey: CryptoKey }) =>
  new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);

describe('createKeyResolver', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches the key set once for many verifications', async () => {
    const k1 = await keyPair('k1');
    let loads = 0;
    const resolver = createKeyResolver(async () => {
      loads++;
      return { keys: [k1.jwk] };
    });
    const token = await sign(k1);
    await Promise.all([jwtVerify(token, resolver), jwtVerify(token, resolver), jwtVerify(token, resolver)]);
    expect(loads).toBe(1);
  });

  it('refetches once when a token names an unknown kid (key rotation)', async () => {
    const k1 = await keyPair('k1');
    const k2 = await keyPair('k2');
    let set: JSONWebKeySet = { keys: [k1.jwk] };
    let loads = 0;
    const resolver = createKeyResolver(async () => {
      loads++;
      return set;
    });
    await jwtVerify(await sign(k1), resolver);
    set = { keys: [k1.jwk, k2.jwk] };
    await jwtVerify(await sign(k2), resolver);
    expect(loads).toBe(2);
  });

  it('fails after one refetch when the kid is still unknown', async () => {
    const k1 = await keyPair('k1');
    const stranger = await keyPair('zz');
    let loads = 0;
    const resolver = createKeyResolver(async () => {
      loads++;
      return { keys: [k1.jwk] };
    });
    await expect(jwtVerify(await sign(stranger), resolver)).rejects.toThrow();
    expect(loads).toBe(2);
  });

  it('refetches for unknown kids at most once per 30 s, so forged tokens cannot drive fetches', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const k1 = await keyPair('k1');
    let loads = 0;
    const resolver = createKeyResolver(async () => {
      loads++;
      return { keys: [k1.jwk] };
    });
    await jwtVerify(await sign(k1), resolver);
    for (const kid of ['forged-1', 'forged-2', 'forged-3']) {
      await expect(jwtVerify(await sign(await keyPair(kid)), resolver)).rejects.toThrow();
    }
    expect(loads).toBe(2);
    vi.setSystemTime(Date.now() + 30_001);
    await expect(jwtVerify(await sign(await keyPair('forged-4')), resolver)).rejects.toThrow();
    expect(loads).toBe(3);
  });

  it('does not keep a failed fetch', async () => {
    const k1 = await keyPair('k1');
    let fail = true;
    const resolver = createKeyResolver(async () => {
      if (fail) throw new Error('down');
      return { keys: [k1.jwk] };
    });
    const token = await sign(k1);
    await expect(jwtVerify(token, resolver)).rejects.toThrow('down');
    fail = false;
    await expect(jwtVerify(token, resolver)).resolves.toBeTruthy();
  });
});
