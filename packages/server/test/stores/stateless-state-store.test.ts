import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { BackchannelLogoutError } from '../../src/errors/index.js';
import { StatelessStateStore, type StatelessStateStoreOptions } from '../../src/stores/index.js';
import { MAX_SESSION_COOKIE_BYTES } from '../../src/stores/stateless-state-store.js';
import { SessionTooLargeError } from '../../src/index.js';
import type { StateData } from '../../src/types.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { makeState, makeTokenSet } from '../helpers/state.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const OTHER_SECRET = 'another-secret-also-at-least-32-characters!';
// The stores write `__Host-` names on a Secure, host-only cookie on Path=/ (the default here).
const NAME = '__Host-__a0_session';

function setup(options: Partial<StatelessStateStoreOptions> = {}) {
  const jar = new CookieJar();
  const store = new StatelessStateStore({ secret: SECRET, ...options }, jar);
  return { jar, store };
}

/** A session with many token sets whose tokens do not compress: several cookies' worth. */
function bigState(tokenSets = 12): StateData {
  return makeState({
    tokenSets: Array.from({ length: tokenSets }, (_, i) => ({
      ...makeTokenSet(`https://api-${i}.example.com`, 'read write'),
      accessToken: randomBytes(600).toString('base64url'),
    })),
  });
}

describe('StatelessStateStore', () => {
  it('reads back the session it wrote', async () => {
    const { store } = setup();
    const state = makeState();
    await store.set(NAME, state);
    expect(await store.get(NAME)).toEqual(state);
  });

  it('writes an HttpOnly, SameSite=Lax, Secure cookie on Path=/ that lives for the inactivity window', async () => {
    const { jar, store } = setup({ inactivityDuration: 600 });
    await store.set(NAME, makeState());
    expect(jar.names()).toEqual([`${NAME}.0`]);
    expect(jar.optionsOf(`${NAME}.0`)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: 600,
    });
    expect(jar.setCookieHeaders[0]).not.toContain('refresh-token-1');
  });

  it('drops Secure for an app served over loopback http, and honours cookie options', async () => {
    const loopback = setup({ appBaseUrl: 'http://127.0.0.1:3000' });
    await loopback.store.set(NAME, makeState());
    expect(loopback.jar.optionsOf(`${NAME}.0`)?.secure).toBe(false);

    const custom = setup({
      appBaseUrl: 'http://localhost:3000',
      cookie: { secure: true, sameSite: 'strict', path: '/app', domain: 'example.com' },
    });
    await custom.store.set(NAME, makeState());
    expect(custom.jar.optionsOf(`${NAME}.0`)).toMatchObject({
      secure: true,
      sameSite: 'strict',
      path: '/app',
      domain: 'example.com',
    });
  });

  it('splits a big session over chunks whose every Set-Cookie, attributes included, is at most 4096 bytes', async () => {
    const { jar, store } = setup({ cookie: { domain: 'app.example.com' } });
    // Two chunks: the most a session may take (8192 bytes of Set-Cookie).
    const state = bigState(6);
    await store.set(NAME, state);
    expect(jar.setCookieHeaders.length).toBe(2);
    for (const header of jar.setCookieHeaders) expect(Buffer.byteLength(header)).toBeLessThanOrEqual(4096);
    // Chunks are filled to the limit, not cut at a round number with room to spare.
    expect(Buffer.byteLength(jar.setCookieHeaders[0] ?? '')).toBeGreaterThan(4096 - 40);
    expect(jar.dropped).toEqual([]);
    expect(await store.get(NAME)).toEqual(state);
  });

  it('refuses a cookie name that leaves no room for a value with a coded TypeError naming the identifier', async () => {
    const { jar, store } = setup();
    await expect(store.set(`__Host-${'n'.repeat(4050)}`, makeState())).rejects.toThrow(
      expect.objectContaining({
        name: 'TypeError',
        code: 'ERR_INVALID_ARG_VALUE',
        message: expect.stringMatching(/^"identifier"/),
      }),
    );
    expect(jar.names()).toEqual([]);
  });

  it('deletes stale chunks when the session shrinks', async () => {
    const { jar, store } = setup();
    await store.set(NAME, bigState(7));
    const before = jar.names().length;
    expect(before).toBe(2);
    jar.clearHeaders();

    const small = makeState();
    await store.set(NAME, small);
    expect(jar.names()).toEqual([`${NAME}.0`]);
    expect(jar.setCookieHeaders.filter((h) => h.includes('Max-Age=0'))).toHaveLength(before - 1);
    expect(await store.get(NAME)).toEqual(small);
  });

  it('matches chunks by exact name and never touches look-alike cookies', async () => {
    const { jar, store } = setup();
    const lookAlikes = [`${NAME}x.0`, `${NAME}x`, `${NAME}.x`, `${NAME}.01`, `${NAME}.1.0`, `${NAME}`];
    for (const name of lookAlikes) jar.put(name, 'keep');
    await store.set(NAME, makeState());
    await store.delete(NAME);
    expect(jar.names()).toEqual([...lookAlikes].sort());
  });

  it('delete removes every chunk', async () => {
    const { jar, store } = setup();
    await store.set(NAME, bigState());
    await store.delete(NAME);
    expect(jar.names()).toEqual([]);
    expect(await store.get(NAME)).toBeUndefined();
  });

  describe('reads as no session, never throwing, when', () => {
    it('there is no cookie', async () => {
      expect(await setup().store.get(NAME)).toBeUndefined();
    });

    it('a chunk is tampered with', async () => {
      const { jar, store } = setup();
      await store.set(NAME, bigState());
      const chunk = jar.getCookie(`${NAME}.1`) ?? '';
      const flipped = chunk.slice(0, 100) + (chunk[100] === 'A' ? 'B' : 'A') + chunk.slice(101);
      jar.put(`${NAME}.1`, flipped);
      expect(await store.get(NAME)).toBeUndefined();
    });

    it('a chunk is missing', async () => {
      const { jar, store } = setup();
      await store.set(NAME, bigState());
      jar.deleteCookie(`${NAME}.1`);
      expect(await store.get(NAME)).toBeUndefined();
    });

    it('the value is truncated', async () => {
      const { jar, store } = setup();
      await store.set(NAME, makeState());
      jar.put(`${NAME}.0`, (jar.getCookie(`${NAME}.0`) ?? '').slice(0, -10));
      expect(await store.get(NAME)).toBeUndefined();
    });

    it('the cookie is garbage', async () => {
      const { jar, store } = setup();
      for (const value of ['garbage', '....', 'a.b.c.d.e', '%%%', '']) {
        jar.put(`${NAME}.0`, value);
        expect(await store.get(NAME)).toBeUndefined();
      }
    });

    it('the cookie was sealed with a secret this store does not have', async () => {
      const foreign = setup({ secret: OTHER_SECRET });
      await foreign.store.set(NAME, makeState());
      const { jar, store } = setup();
      jar.put(`${NAME}.0`, foreign.jar.getCookie(`${NAME}.0`) ?? '');
      expect(await store.get(NAME)).toBeUndefined();
    });

    it('the session went a whole inactivity window without being written', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const { jar, store } = setup({ inactivityDuration: 60 });
      await store.set(NAME, makeState());
      const value = jar.getCookie(`${NAME}.0`) ?? '';
      vi.advanceTimersByTime(61_000);
      jar.put(`${NAME}.0`, value); // a browser that ignores Max-Age still gets nothing
      expect(await store.get(NAME)).toBeUndefined();
    });

    it('the session is past its absolute lifetime, however recently it was written', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const { jar, store } = setup({ inactivityDuration: 60, absoluteDuration: 100 });
      const state = makeState();
      await store.set(NAME, state);
      vi.advanceTimersByTime(50_000);
      await store.set(NAME, state);
      expect(jar.optionsOf(`${NAME}.0`)?.maxAge).toBe(50);
      vi.advanceTimersByTime(50_000);
      expect(await store.get(NAME)).toBeUndefined();
      await store.set(NAME, state);
      expect(jar.names()).toEqual([]);
    });

    it('the session is past an absolute lifetime shortened since the cookie was written', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const before = setup({ inactivityDuration: 3_600, absoluteDuration: 86_400 });
      const state = makeState();
      await before.store.set(NAME, state);
      vi.advanceTimersByTime(200_000);
      // The same cookie, read after a deploy that shortened absoluteDuration: its own expiry (the
      // write's) is an hour away, but the session began longer ago than the new lifetime allows.
      const read = (absoluteDuration: number) => {
        const { jar, store } = setup({ inactivityDuration: 3_600, absoluteDuration });
        for (const [name, value] of Object.entries(before.jar.getCookies())) jar.put(name, value);
        return store.get(NAME);
      };
      expect(await read(300)).toEqual(state);
      expect(await read(100)).toBeUndefined();
    });
  });

  it("lets the app's own cookie handler failure reach the caller (issue 22): it is not a missing session", async () => {
    const store = new StatelessStateStore(
      { secret: SECRET },
      {
        ...new CookieJar(),
        getCookie: () => {
          throw new Error('framework failure');
        },
        getCookies: () => ({}),
        setCookie: () => undefined,
        deleteCookie: () => undefined,
      },
    );
    await expect(store.get(NAME)).rejects.toThrow('framework failure');
  });

  it('extends a rolling session on each write, up to the absolute lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { jar, store } = setup({ inactivityDuration: 60, absoluteDuration: 1000 });
    const state = makeState();
    await store.set(NAME, state);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(50_000);
      expect(await store.get(NAME)).toEqual(state);
      await store.set(NAME, state);
    }
    expect(jar.optionsOf(`${NAME}.0`)?.maxAge).toBe(60);
  });

  it('ends a non-rolling session absoluteDuration after its creation', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { jar, store } = setup({ rolling: false, absoluteDuration: 100 });
    const state = makeState();
    await store.set(NAME, state);
    vi.advanceTimersByTime(40_000);
    await store.set(NAME, state);
    expect(jar.optionsOf(`${NAME}.0`)?.maxAge).toBe(60);
  });

  it('rotates secrets: the first encrypts, every one decrypts', async () => {
    const old = setup({ secret: OTHER_SECRET });
    const state = makeState();
    await old.store.set(NAME, state);

    const rotated = new StatelessStateStore({ secret: [SECRET, OTHER_SECRET] }, old.jar);
    expect(await rotated.get(NAME)).toEqual(state);
    await rotated.set(NAME, state);
    expect(await old.store.get(NAME)).toBeUndefined();
    expect(await new StatelessStateStore({ secret: SECRET }, old.jar).get(NAME)).toEqual(state);
  });

  it('deleteByLogoutToken rejects with backchannel_logout_unsupported', async () => {
    const { store } = setup();
    const error = await store.deleteByLogoutToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackchannelLogoutError);
    expect(error).toMatchObject({ code: 'backchannel_logout_unsupported' });
  });

  it('rejects a secret shorter than 32 characters and a session without internal data', async () => {
    expect(() => new StatelessStateStore({ secret: 'short' }, new CookieJar())).toThrow(/"secret"/);
    expect(() => new StatelessStateStore({ secret: [] }, new CookieJar())).toThrow(/"secret"/);
    const { store } = setup();
    // @ts-expect-error: a session without `internal`, as untyped JavaScript could pass it
    await expect(store.set(NAME, { user: undefined, tokenSets: [] })).rejects.toThrow(TypeError);
  });

  it('names a missing or incomplete cookieHandler at construction', () => {
    const partial: unknown = { getCookie: () => undefined };
    expect(() => Reflect.construct(StatelessStateStore, [{ secret: SECRET }, partial])).toThrow(
      /"cookieHandler"/,
    );
    expect(() => Reflect.construct(StatelessStateStore, [{ secret: SECRET }])).toThrow(/"cookieHandler"/);
  });
});

describe('StatelessStateStore size cap', () => {
  const bytesOf = (headers: string[]) => headers.reduce((sum, h) => sum + Buffer.byteLength(h), 0);

  it('keeps the Set-Cookie headers of a session within 8192 bytes by dropping the token sets that expire first', async () => {
    const jar = new CookieJar();
    const store = new StatelessStateStore({ secret: SECRET }, jar);
    const now = Math.floor(Date.now() / 1000);
    // Random (incompressible) tokens: 12 sets of ~1.4 kB cannot fit in 8 kB of cookies.
    const tokenSets = Array.from({ length: 12 }, (_, i) => ({
      audience: `https://api-${i}.example.com`,
      accessToken: randomBytes(1000).toString('base64url'),
      scope: 'read',
      expiresAt: now + 600 + i * 60,
    }));
    await store.set('__a0_session', makeState({ tokenSets }));
    expect(bytesOf(jar.setCookieHeaders)).toBeLessThanOrEqual(MAX_SESSION_COOKIE_BYTES);
    expect(MAX_SESSION_COOKIE_BYTES).toBe(8192);
    const kept = (await store.get('__a0_session'))?.tokenSets ?? [];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(12);
    // The latest-expiring sets are the ones kept; user and refresh token stay.
    expect(kept.map((t) => t.audience)).toEqual(tokenSets.slice(12 - kept.length).map((t) => t.audience));
    expect(await store.get('__a0_session')).toMatchObject({
      user: { sub: 'auth0|alice' },
      refreshToken: 'refresh-token-1',
    });
  });

  it('throws SessionTooLargeError pointing to the StatefulStateStore when the session is too big without token sets', async () => {
    const jar = new CookieJar();
    const store = new StatelessStateStore({ secret: SECRET }, jar);
    const user = { sub: 'auth0|alice', groups: randomBytes(9000).toString('base64url') };
    const err = await store.set('__a0_session', makeState({ user })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionTooLargeError);
    expect(err).toMatchObject({ code: 'session_too_large', limit: 8192 });
    expect(String(err)).toMatch(/StatefulStateStore/);
    expect(jar.setCookieHeaders).toEqual([]);
  });
});
