import { describe, expect, it, vi } from 'vitest';
import {
  MemorySessionStore,
  StatefulStateStore,
  StatelessStateStore,
  type SessionStore,
  type StatefulStateStoreOptions,
} from '../../src/stores/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { makeState } from '../helpers/state.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';
// The stores write `__Host-` names on a Secure, host-only cookie on Path=/ (the default here).
const NAME = '__Host-__a0_session';

function setup(options: Partial<StatefulStateStoreOptions> = {}) {
  const jar = new CookieJar();
  const backend = new MemorySessionStore();
  const store = new StatefulStateStore({ secret: SECRET, store: backend, ...options }, jar);
  return { jar, backend, store };
}

describe('StatefulStateStore', () => {
  it('reads back the session it wrote; the cookie carries only an encrypted id', async () => {
    const { jar, backend, store } = setup();
    const state = makeState();
    await store.set(NAME, state);
    expect(await store.get(NAME)).toEqual(state);
    expect(backend.size).toBe(1);
    expect(jar.names()).toEqual([NAME]);
    const header = jar.setCookieHeaders[0] ?? '';
    expect(header.length).toBeLessThan(400);
    expect(header).not.toContain('refresh-token-1');
    expect(jar.optionsOf(NAME)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: 86_400,
    });
  });

  it('keeps the same id across writes of one session', async () => {
    const { backend, store } = setup();
    await store.set(NAME, makeState());
    await store.set(NAME, makeState({ refreshToken: 'rt-2' }));
    expect(backend.size).toBe(1);
    expect((await store.get(NAME))?.refreshToken).toBe('rt-2');
  });

  it('a new login (removeIfExists) deletes the old session and issues a new id', async () => {
    const { jar, backend, store } = setup();
    await store.set(NAME, makeState());
    const planted = jar.getCookie(NAME);
    await store.set(NAME, makeState({ refreshToken: 'after-login' }), true);
    expect(backend.size).toBe(1);
    expect(jar.getCookie(NAME)).not.toBe(planted);
    jar.put(NAME, planted ?? '');
    expect(await store.get(NAME)).toBeUndefined();
  });

  it('gives the backend and the cookie the same lifetime: the inactivity window, capped by the absolute one', async () => {
    const set = vi.fn<SessionStore['set']>(async () => undefined);
    const backend: SessionStore = {
      get: async () => undefined,
      set,
      delete: async () => undefined,
      deleteByLogoutToken: async () => undefined,
    };
    const jar = new CookieJar();
    const store = new StatefulStateStore(
      { secret: SECRET, store: backend, inactivityDuration: 60, absoluteDuration: 600 },
      jar,
    );
    await store.set(NAME, makeState());
    expect(set.mock.calls[0]?.[2]).toBe(60);
    expect(jar.optionsOf(NAME)?.maxAge).toBe(60);
    const old = makeState();
    old.internal.createdAt = Math.floor(Date.now() / 1000) - 570;
    await store.set(NAME, old, true);
    expect(set.mock.calls[1]?.[2]).toBe(30);
    expect(jar.optionsOf(NAME)?.maxAge).toBe(30);
  });

  it('back-channel logout ends the session, and its cookie is cleared on the next read', async () => {
    const { jar, store } = setup();
    await store.set(NAME, makeState({ user: { sub: 'auth0|alice', sid: 'op-1' } }));
    await store.deleteByLogoutToken({ sid: 'op-1' });
    expect(await store.get(NAME)).toBeUndefined();
    expect(jar.names()).toEqual([]);
  });

  it('an update that lands after a back-channel logout does not bring the session back', async () => {
    const { jar, backend, store } = setup();
    const state = makeState({ user: { sub: 'auth0|alice', sid: 'op-1' } });
    await store.set(NAME, state);
    // A refresh read the session, then the logout ran while its token request was in flight.
    await store.deleteByLogoutToken({ sid: 'op-1' });
    await store.set(NAME, { ...state, refreshToken: 'rotated' });
    expect(backend.size).toBe(0);
    expect(await store.get(NAME)).toBeUndefined();
    expect(jar.names()).toEqual([]);
  });

  it('delete removes the session from the backend and the cookie', async () => {
    const { jar, backend, store } = setup();
    await store.set(NAME, makeState());
    await store.delete(NAME);
    expect(backend.size).toBe(0);
    expect(jar.names()).toEqual([]);
  });

  describe('reads as no session, never throwing, when', () => {
    it('the cookie is tampered with, truncated or garbage', async () => {
      const { jar, store } = setup();
      await store.set(NAME, makeState());
      const value = jar.getCookie(NAME) ?? '';
      for (const bad of [value.slice(0, -5), `${value.slice(0, 50)}x${value.slice(51)}`, 'garbage', '']) {
        jar.put(NAME, bad);
        expect(await store.get(NAME)).toBeUndefined();
      }
    });

    it('the cookie went a whole inactivity window without a write', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const { jar, store } = setup({ inactivityDuration: 60 });
      await store.set(NAME, makeState());
      const value = jar.getCookie(NAME) ?? '';
      vi.advanceTimersByTime(61_000);
      jar.put(NAME, value);
      expect(await store.get(NAME)).toBeUndefined();
    });

    it('the session is past its absolute lifetime', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const { store } = setup({ inactivityDuration: 60, absoluteDuration: 100 });
      const state = makeState();
      await store.set(NAME, state);
      vi.advanceTimersByTime(59_000);
      await store.set(NAME, state);
      vi.advanceTimersByTime(41_000);
      expect(await store.get(NAME)).toBeUndefined();
    });

    it('the cookie holds a stateless session (another purpose, another key)', async () => {
      const jar = new CookieJar();
      await new StatelessStateStore({ secret: SECRET }, jar).set('other', makeState());
      const { jar: mine, store } = setup();
      mine.put(NAME, jar.getCookie('other.0') ?? '');
      expect(await store.get(NAME)).toBeUndefined();
    });
  });

  it('withLock uses the backend lock for the session, and runs directly without a session', async () => {
    const ids: string[] = [];
    const backend = Object.assign(new MemorySessionStore(), {
      withLock: <T>(id: string, fn: () => Promise<T>) => {
        ids.push(id);
        return fn();
      },
    });
    const { store } = setup({ store: backend });
    const { withLock } = store;
    if (!withLock) throw new Error('a backend with a lock gives the store one');
    expect(await withLock(NAME, async () => 'no session')).toBe('no session');
    expect(ids).toEqual([]);
    await store.set(NAME, makeState());
    expect(await withLock(NAME, async () => 'locked')).toBe('locked');
    expect(ids).toHaveLength(1);
  });

  it('works with a backend written for @auth0/auth0-server-js (no ttl, no lock)', async () => {
    const map = new Map<string, ReturnType<typeof makeState>>();
    const jar = new CookieJar();
    const store = new StatefulStateStore(
      {
        secret: SECRET,
        store: {
          get: async (id) => map.get(id),
          set: async (id, data) => void map.set(id, data),
          delete: async (id) => void map.delete(id),
          deleteByLogoutToken: async () => undefined,
        },
      },
      jar,
    );
    const state = makeState();
    await store.set(NAME, state);
    expect(await store.get(NAME)).toEqual(state);
    // No lock of its own: in one process the session owner's lock runs one update at a time.
    expect(store.withLock).toBeUndefined();
  });

  it('lets a backend failure through: an outage is not a logout', async () => {
    const jar = new CookieJar();
    const backend = new MemorySessionStore();
    const store = new StatefulStateStore({ secret: SECRET, store: backend }, jar);
    await store.set(NAME, makeState());
    vi.spyOn(backend, 'get').mockRejectedValue(new Error('redis down'));
    await expect(store.get(NAME)).rejects.toThrow('redis down');
  });
});
