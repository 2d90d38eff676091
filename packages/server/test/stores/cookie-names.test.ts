import { describe, expect, it } from 'vitest';
import {
  CookieTransactionStore,
  MemorySessionStore,
  MemoryTransactionStore,
  ServerClient,
  StatefulStateStore,
  StatelessStateStore,
} from '../../src/index.js';
import { cookieAttributes } from '../../src/session/lifetime.js';
import { TransactionBinding } from '../../src/stores/transaction-binding.js';
import type { CookieSerializeOptions } from '../../src/types.js';
import { SECRET, setup, tenantClientOptions } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { makeState } from '../helpers/state.js';

type Cookie = { domain?: string; path?: string; secure?: boolean };

/** Each cookie the SDK writes, by the store that writes it: the names it left in the jar. */
const writers: [string, (jar: CookieJar, cookie: Cookie) => Promise<void>][] = [
  [
    'StatelessStateStore',
    (jar, cookie) =>
      new StatelessStateStore({ secret: SECRET, cookie }, jar).set('__a0_session', makeState()),
  ],
  [
    'StatefulStateStore',
    (jar, cookie) =>
      new StatefulStateStore({ secret: SECRET, cookie, store: new MemorySessionStore() }, jar).set(
        '__a0_session',
        makeState(),
      ),
  ],
  [
    'CookieTransactionStore',
    (jar, cookie) =>
      new CookieTransactionStore({ secret: SECRET, cookie }, jar).set('__a0_tx.s', { codeVerifier: 'v' }),
  ],
  [
    'the login binding cookie',
    async (jar, cookie) => {
      const attributes: CookieSerializeOptions = cookieAttributes(cookie, true);
      await new TransactionBinding(jar, attributes).keep(new MemoryTransactionStore(), (s) => s, 's', {
        codeVerifier: 'v',
      });
    },
  ],
];

describe('the __Host- prefix follows from the cookie attributes, whichever store writes the cookie', () => {
  for (const [name, write] of writers) {
    it(`${name}: __Host- on a Secure, host-only cookie on Path=/`, async () => {
      const jar = new CookieJar();
      await write(jar, {});
      expect(jar.names().length).toBeGreaterThan(0);
      for (const cookie of jar.names()) expect(cookie).toMatch(/^__Host-__a0_/);
    });

    it(`${name}: the plain name with a Domain, a Path other than /, or without Secure`, async () => {
      for (const cookie of [{ domain: 'example.com' }, { path: '/app' }, { secure: false }]) {
        const jar = new CookieJar();
        await write(jar, cookie);
        expect(jar.names().length).toBeGreaterThan(0);
        for (const written of jar.names()) expect(written).toMatch(/^__a0_/);
      }
    });
  }

  it('a ServerClient with a StatefulStateStore names its session cookie __Host-__a0_session', async () => {
    const { tenant } = await setup();
    const jar = new CookieJar();
    const client = new ServerClient({
      ...tenantClientOptions(tenant),
      cookieHandler: jar,
      stateStore: new StatefulStateStore({ secret: SECRET, store: new MemorySessionStore() }, jar),
    });
    await client.completeInteractiveLogin(await tenant.authorize(await client.startInteractiveLogin()));
    expect(jar.names()).toEqual(['__Host-__a0_session']);
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice' });
  });
});
