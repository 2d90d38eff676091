import { describe, expect, it, vi } from 'vitest';
import { CookieTransactionStore, StatelessStateStore } from '../../src/stores/index.js';
import { MAX_TRANSACTIONS } from '../../src/stores/cookie-transaction-store.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { makeState } from '../helpers/state.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';

function setup(options: { ttl?: number; appBaseUrl?: string } = {}) {
  const jar = new CookieJar();
  return { jar, store: new CookieTransactionStore({ secret: SECRET, ...options }, jar) };
}

describe('CookieTransactionStore', () => {
  it('keeps one cookie per login, so two tabs never overwrite each other', async () => {
    const { jar, store } = setup();
    await store.set('__a0_tx.state-1', {
      codeVerifier: 'v1',
      state: 'state-1',
      appState: { returnTo: '/a' },
    });
    await store.set('__a0_tx.state-2', { codeVerifier: 'v2', state: 'state-2' });
    expect(jar.names()).toEqual(['__Host-__a0_tx.state-1', '__Host-__a0_tx.state-2']);
    expect(await store.get('__a0_tx.state-1')).toEqual({
      codeVerifier: 'v1',
      state: 'state-1',
      appState: { returnTo: '/a' },
    });
    expect((await store.get('__a0_tx.state-2'))?.codeVerifier).toBe('v2');
  });

  it('writes a short-lived HttpOnly, SameSite=Lax, Secure cookie on Path=/', async () => {
    const { jar, store } = setup();
    await store.set('__a0_tx.s', { codeVerifier: 'v' });
    expect(jar.optionsOf('__Host-__a0_tx.s')).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: 900,
    });
    expect(jar.setCookieHeaders[0]).not.toContain('codeVerifier');
  });

  it('drops Secure for an app served over loopback http', async () => {
    const { jar, store } = setup({ appBaseUrl: 'http://localhost:3000' });
    await store.set('__a0_tx.s', { codeVerifier: 'v' });
    expect(jar.optionsOf('__a0_tx.s')?.secure).toBe(false);
  });

  it('delete removes the cookie once the login completes', async () => {
    const { jar, store } = setup();
    await store.set('__a0_tx.s', { codeVerifier: 'v' });
    await store.delete('__a0_tx.s');
    expect(jar.names()).toEqual([]);
    expect(await store.get('__a0_tx.s')).toBeUndefined();
  });

  it('a transaction replayed after its ttl reads as none, even if the browser kept the cookie', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { jar, store } = setup({ ttl: 60 });
    await store.set('__a0_tx.s', { codeVerifier: 'v' });
    const value = jar.getCookie('__Host-__a0_tx.s') ?? '';
    vi.advanceTimersByTime(61_000);
    jar.put('__Host-__a0_tx.s', value);
    expect(await store.get('__a0_tx.s')).toBeUndefined();
  });

  it('a tampered, garbage or session cookie reads as no transaction', async () => {
    const { jar, store } = setup();
    await store.set('__a0_tx.s', { codeVerifier: 'v' });
    const value = jar.getCookie('__Host-__a0_tx.s') ?? '';
    jar.put('__Host-__a0_tx.s', `${value.slice(0, 60)}${value[60] === 'a' ? 'b' : 'a'}${value.slice(61)}`);
    expect(await store.get('__a0_tx.s')).toBeUndefined();
    jar.put('__Host-__a0_tx.s', 'garbage');
    expect(await store.get('__a0_tx.s')).toBeUndefined();

    await new StatelessStateStore({ secret: SECRET }, jar).set('session', makeState());
    jar.put('__Host-__a0_tx.s', jar.getCookie('__Host-session.0') ?? '');
    expect(await store.get('__a0_tx.s')).toBeUndefined();
  });

  it('refuses a transaction too large for one cookie', async () => {
    const { jar, store } = setup();
    await expect(store.set('__a0_tx.s', { codeVerifier: 'v', appState: 'x'.repeat(4000) })).rejects.toThrow(
      expect.objectContaining({
        name: 'TypeError',
        code: 'ERR_INVALID_ARG_VALUE',
        message: expect.stringMatching(/^"appState"/),
      }),
    );
    expect(jar.names()).toEqual([]);
  });

  it('rejects an invalid ttl', () => {
    expect(() => setup({ ttl: 0 })).toThrow(/"ttl"/);
  });
});

describe('CookieTransactionStore concurrent logins', () => {
  it(`keeps at most ${MAX_TRANSACTIONS} transaction cookies, dropping the oldest`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { jar, store } = setup();
    for (let i = 1; i <= 5; i++) {
      await store.set(`__a0_tx.s${i}`, { codeVerifier: `v${i}`, state: `s${i}` });
      vi.setSystemTime(Date.now() + 1_000);
    }
    expect(MAX_TRANSACTIONS).toBe(3);
    expect(jar.names()).toEqual(['__Host-__a0_tx.s3', '__Host-__a0_tx.s4', '__Host-__a0_tx.s5']);
    expect((await store.get('__a0_tx.s5'))?.codeVerifier).toBe('v5');
  });

  it('drops an unreadable cookie under the same prefix before a readable one', async () => {
    const { jar, store } = setup();
    jar.setCookie('__Host-__a0_tx.junk', 'not-a-jwe');
    for (let i = 1; i <= 3; i++) await store.set(`__a0_tx.s${i}`, { codeVerifier: `v${i}` });
    expect(jar.names()).toEqual(['__Host-__a0_tx.s1', '__Host-__a0_tx.s2', '__Host-__a0_tx.s3']);
  });
});
