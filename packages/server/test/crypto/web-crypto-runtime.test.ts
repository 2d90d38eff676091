import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StatelessStateStore as NodeStore } from '../../src/stores/index.js';
import type { StateData } from '../../src/types.js';
import { CookieJar } from '../helpers/cookie-jar.js';

const SECRET = 'a-secret-of-at-least-32-characters-for-tests';

const state: StateData = {
  user: { sub: 'auth0|alice', name: 'Älice' },
  idToken: 'id',
  refreshToken: 'rt',
  tokenSets: [{ audience: 'https://api', accessToken: 'at', scope: 'read', expiresAt: 2_000_000_000 }],
  internal: { sid: 'sid-1', createdAt: Math.floor(Date.now() / 1000) },
};

// A runtime like workerd without nodejs_compat: no process.getBuiltinModule, no Buffer. The SDK is
// loaded fresh after they are gone, so its run-time detection sees that runtime.
describe('on a runtime without node:crypto or Buffer', () => {
  let WebStore: typeof NodeStore;
  let found: unknown;
  beforeAll(async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    vi.stubGlobal('Buffer', undefined);
    vi.resetModules();
    ({ StatelessStateStore: WebStore } = await import('../../src/stores/index.js'));
    found = (await import('../../src/crypto/index.js')).nodeCrypto();
  });
  // The stubbed globals are put back after the file by test/restore-globals.ts.
  afterAll(() => {
    // Test files share a worker's module cache: the next file must load the SDK for this runtime again.
    vi.resetModules();
  });

  it('finds no node:crypto, so jose over Web Crypto serves', () => {
    expect(found).toBeUndefined();
  });

  it('a cookie session written there reads back, and reads on Node (and the other way)', async () => {
    const web = new CookieJar();
    await new WebStore({ secret: SECRET }, web).set('s', state);
    expect(await new WebStore({ secret: SECRET }, web).get('s')).toEqual(state);
    expect(await new NodeStore({ secret: SECRET }, web).get('s')).toEqual(state);

    const node = new CookieJar();
    await new NodeStore({ secret: SECRET }, node).set('s', state);
    expect(await new WebStore({ secret: SECRET }, node).get('s')).toEqual(state);
  });
});
