import { describe, expect, it } from 'vitest';
import { ServerClient } from '../../src/index.js';
import {
  CookieTransactionStore,
  MemorySessionStore,
  StatefulStateStore,
  StatelessStateStore,
} from '../../src/stores/index.js';
import { SECRET, tenantClientOptions } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { createFakeTenant } from '../helpers/fake-tenant.js';

// The peer's documented store options: `new StatelessStateStore({ secret, cookie: { name } }, handler)`.
const appBaseUrl = 'https://app.example.com';

async function loggedIn(
  makeStateStore: (jar: CookieJar) => ConstructorParameters<typeof ServerClient>[0]['stateStore'],
) {
  const tenant = await createFakeTenant();
  const jar = new CookieJar();
  const client = new ServerClient({
    ...tenantClientOptions(tenant),
    stateStore: makeStateStore(jar),
    transactionStore: new CookieTransactionStore(
      { secret: SECRET, appBaseUrl, cookie: { name: 'my_tx' } },
      jar,
    ),
  });
  const url = await client.startInteractiveLogin();
  const txCookies = Object.keys(jar.getCookies());
  await client.completeInteractiveLogin(await tenant.authorize(url));
  return { client, jar, txCookies };
}

describe("a store's own cookie.name", () => {
  it('names the chunks of a StatelessStateStore, which logout deletes', async () => {
    const { client, jar, txCookies } = await loggedIn(
      (jar) =>
        new StatelessStateStore({ secret: SECRET, appBaseUrl, cookie: { name: '__a0_session_xyz' } }, jar),
    );
    expect(txCookies.some((name) => /^__Host-my_tx\.[\w-]+$/.test(name))).toBe(true);
    expect(Object.keys(jar.getCookies())).toEqual(['__Host-__a0_session_xyz.0']);
    expect(await client.getUser()).toBeDefined();
    await client.logout();
    expect(jar.getCookies()).toEqual({});
  });

  it("names a StatefulStateStore's id cookie, which logout deletes", async () => {
    const { client, jar } = await loggedIn(
      (jar) =>
        new StatefulStateStore(
          { secret: SECRET, appBaseUrl, store: new MemorySessionStore(), cookie: { name: 'sid_cookie' } },
          jar,
        ),
    );
    expect(Object.keys(jar.getCookies())).toEqual(['__Host-sid_cookie']);
    await client.logout();
    expect(jar.getCookies()).toEqual({});
  });

  it('is checked as a cookie name', () => {
    expect(
      () => new StatelessStateStore({ secret: SECRET, cookie: { name: 'a b;' } }, new CookieJar()),
    ).toThrow(/"cookie\.name" must be a valid cookie name/);
  });
});
