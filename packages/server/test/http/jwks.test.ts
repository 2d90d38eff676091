import { jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { RequestError } from '../../src/errors/index.js';
import { createClientAuth, createFunnelFetch, createKeyResolver, Transport } from '../../src/http/index.js';
import { testKeyPair } from '../../../../test/keys.js';

/** The tenant's keys `k1` and `k2` are distinct fixture keys; any other kid is a stranger's key. */
async function keyPair(kid: string) {
  const { privateKey, publicJwk } = await testKeyPair(kid === 'k1' ? 1 : kid === 'k2' ? 2 : 0);
  return { kid, privateKey, jwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' } };
}

const sign = (key: { kid: string; privateKey: CryptoKey }) =>
  new SignJWT({ sub: 'u' }).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);

const ISSUER = 'https://tenant.example.com/';
const JWKS_URI = `${ISSUER}.well-known/jwks.json`;

/** A JWKS endpoint serving `current()`, counting its loads, as a fetch. */
function jwksServer(current: () => JSONWebKeySet | Response) {
  const server = {
    loads: 0,
    fetch: async (url: string): Promise<Response> => {
      if (url.endsWith('/openid-configuration')) {
        return Response.json({ issuer: ISSUER, jwks_uri: JWKS_URI, token_endpoint: `${ISSUER}oauth/token` });
      }
      server.loads++;
      const answer = current();
      return answer instanceof Response ? answer : Response.json(answer);
    },
  };
  return server;
}

/** The resolver over `server`, with the given cache options. */
const resolverOf = (
  server: ReturnType<typeof jwksServer>,
  options?: { cacheMaxAge?: number; cooldown?: number },
) => createKeyResolver(async () => JWKS_URI, server.fetch, options);

describe('createKeyResolver', () => {
  it('fetches the key set once for many verifications', async () => {
    const k1 = await keyPair('k1');
    const server = jwksServer(() => ({ keys: [k1.jwk] }));
    const resolver = resolverOf(server);
    const token = await sign(k1);
    await Promise.all([jwtVerify(token, resolver), jwtVerify(token, resolver), jwtVerify(token, resolver)]);
    expect(server.loads).toBe(1);
  });

  it('refetches once when a token names an unknown kid (key rotation) after the cooldown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const k1 = await keyPair('k1');
    const k2 = await keyPair('k2');
    let set: JSONWebKeySet = { keys: [k1.jwk] };
    const server = jwksServer(() => set);
    const resolver = resolverOf(server, { cooldown: 1_000 });
    await jwtVerify(await sign(k1), resolver);
    set = { keys: [k1.jwk, k2.jwk] };
    vi.setSystemTime(Date.now() + 1_001);
    await jwtVerify(await sign(k2), resolver);
    expect(server.loads).toBe(2);
  });

  it('fails after exactly one refetch when the kid is still unknown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const k1 = await keyPair('k1');
    const stranger = await keyPair('zz');
    const server = jwksServer(() => ({ keys: [k1.jwk] }));
    const resolver = resolverOf(server, { cooldown: 1_000 });
    await jwtVerify(await sign(k1), resolver);
    vi.setSystemTime(Date.now() + 1_001);
    await expect(jwtVerify(await sign(stranger), resolver)).rejects.toThrow();
    expect(server.loads).toBe(2);
  });

  it('refetches for unknown kids at most once per cooldown (default 30 s), so forged tokens cannot drive fetches', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const k1 = await keyPair('k1');
    const server = jwksServer(() => ({ keys: [k1.jwk] }));
    const resolver = resolverOf(server);
    await jwtVerify(await sign(k1), resolver);
    vi.setSystemTime(Date.now() + 30_001);
    for (const kid of ['forged-1', 'forged-2', 'forged-3']) {
      await expect(jwtVerify(await sign(await keyPair(kid)), resolver)).rejects.toThrow();
    }
    expect(server.loads).toBe(2);
    vi.setSystemTime(Date.now() + 30_001);
    await expect(jwtVerify(await sign(await keyPair('forged-4')), resolver)).rejects.toThrow();
    expect(server.loads).toBe(3);
  });

  it('does not keep a failed fetch, and reports it as a RequestError', async () => {
    const k1 = await keyPair('k1');
    let fail = true;
    const server = jwksServer(() =>
      fail ? new Response('<html>down</html>', { status: 502 }) : { keys: [k1.jwk] },
    );
    const resolver = resolverOf(server);
    const token = await sign(k1);
    const err = await jwtVerify(token, resolver).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ code: 'invalid_response', status: 502 });
    fail = false;
    await expect(jwtVerify(token, resolver)).resolves.toBeTruthy();
  });

  it('ready() loads a cold or stale key set and is free while it is fresh (max age 10 min)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const k1 = await keyPair('k1');
    const server = jwksServer(() => ({ keys: [k1.jwk] }));
    const resolver = resolverOf(server);
    await resolver.ready();
    expect(server.loads).toBe(1);
    await Promise.all([resolver.ready(), resolver.ready(), jwtVerify(await sign(k1), resolver)]);
    expect(server.loads).toBe(1);
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1);
    await resolver.ready();
    expect(server.loads).toBe(2);
    // What ready() loaded is what verification uses: no second fetch.
    await jwtVerify(await sign(k1), resolver);
    expect(server.loads).toBe(2);
  });

  it('ready() reports an unreachable key set as a RequestError and keeps nothing', async () => {
    const k1 = await keyPair('k1');
    let answer: Response | JSONWebKeySet = new Response('{"keys": [', { status: 200 });
    const server = jwksServer(() => answer);
    const resolver = resolverOf(server);
    await expect(resolver.ready()).rejects.toMatchObject({ name: 'RequestError', code: 'invalid_response' });
    answer = { keys: [k1.jwk] };
    await resolver.ready();
    await expect(jwtVerify(await sign(k1), resolver)).resolves.toBeTruthy();
    expect(server.loads).toBe(2);
  });
});

describe('Transport keys', () => {
  function transportOver(server: ReturnType<typeof jwksServer>, calls: string[]) {
    const fetch = createFunnelFetch({
      fetch: (url) => {
        calls.push(url);
        return server.fetch(url);
      },
      timeoutMs: 2000,
      retries: 0,
    });
    return new Transport({
      issuer: new URL(ISSUER),
      clientId: 'app',
      clientAuth: createClientAuth({ method: 'client_secret_post', clientSecret: 's' }),
      fetch,
      clockTolerance: 60,
    });
  }

  it('stops verifying with a key removed from the JWKS once the key set is 10 minutes old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const k1 = await keyPair('k1');
    const k2 = await keyPair('k2');
    let set: JSONWebKeySet = { keys: [k1.jwk] };
    const server = jwksServer(() => set);
    const calls: string[] = [];
    const transport = transportOver(server, calls);
    const old = await sign(k1);
    await jwtVerify(old, transport.keys);
    set = { keys: [k2.jwk] };
    vi.setSystemTime(Date.now() + 9 * 60_000);
    await expect(jwtVerify(old, transport.keys)).resolves.toBeTruthy();
    expect(server.loads).toBe(1);
    vi.setSystemTime(Date.now() + 60_001);
    await expect(jwtVerify(old, transport.keys)).rejects.toThrow();
    await expect(jwtVerify(await sign(k2), transport.keys)).resolves.toBeTruthy();
    expect(server.loads).toBe(2);
    // Every key set request went through the funnel (customFetch).
    expect(calls.filter((u) => u === JWKS_URI)).toHaveLength(2);
  });
});
