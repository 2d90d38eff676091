import { describe, expect, it } from 'vitest';
import { ServerClient } from '../../src/index.js';
import {
  CookieTransactionStore,
  MemorySessionStore,
  StatefulStateStore,
  StatelessStateStore,
} from '../../src/stores/index.js';
import type { CookieHandler } from '../../src/types.js';
import { SECRET, tenantClientOptions } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { createFakeTenant } from '../helpers/fake-tenant.js';

// A framework binding's handler throws when it is called without its request, as the peer's do.
interface Options {
  jar?: CookieJar;
}
const missing = () => new Error('store options not provided');
const handler: CookieHandler<Options> = {
  getCookie: (name, o) => (o?.jar ?? fail()).getCookie(name),
  getCookies: (o) => (o?.jar ?? fail()).getCookies(),
  setCookie: (name, value, options, o) => (o?.jar ?? fail()).setCookie(name, value, options),
  deleteCookie: (name, o, options) => (o?.jar ?? fail()).deleteCookie(name, undefined, options),
};
function fail(): never {
  throw missing();
}

const appBaseUrl = 'https://app.example.com';
const stores = {
  StatelessStateStore: () => new StatelessStateStore<Options>({ secret: SECRET, appBaseUrl }, handler),
  StatefulStateStore: () =>
    new StatefulStateStore<Options>({ secret: SECRET, appBaseUrl, store: new MemorySessionStore() }, handler),
};

describe.each(Object.entries(stores))("the app's cookie handler failing, with a %s", (_name, makeStore) => {
  async function client() {
    const tenant = await createFakeTenant();
    return new ServerClient<Options>({
      ...tenantClientOptions(tenant),
      stateStore: makeStore(),
      transactionStore: new CookieTransactionStore<Options>({ secret: SECRET, appBaseUrl }, handler),
    });
  }

  it('reaches the caller of getSession, getUser, getAccessToken and completeInteractiveLogin', async () => {
    const c = await client();
    await expect(c.getSession({})).rejects.toThrow('store options not provided');
    await expect(c.getUser({})).rejects.toThrow('store options not provided');
    await expect(c.getAccessToken({}, {})).rejects.toThrow('store options not provided');
    await expect(
      c.completeInteractiveLogin('https://app.example.com/auth/callback?code=c&state=s', {}),
    ).rejects.toThrow('store options not provided');
  });

  it('while a tampered or foreign cookie still reads as no session', async () => {
    const c = await client();
    const jar = new CookieJar();
    jar.setCookie('__Host-__a0_session', 'not.a.sealed.value.at-all');
    jar.setCookie('__Host-__a0_session.0', 'eyJhbGciOiJkaXIifQ..x.y.z');
    await expect(c.getSession({ jar })).resolves.toBeUndefined();
    await expect(c.getUser({ jar })).resolves.toBeUndefined();
  });
});
