import { describe, expect, it, vi } from 'vitest';
import { MemorySessionStore, MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { makeState } from '../helpers/state.js';

describe('MemoryStateStore', () => {
  it('returns a copy of what was set, and nothing after delete', async () => {
    const store = new MemoryStateStore();
    const state = makeState();
    await store.set('__a0_session', state);
    state.refreshToken = 'changed after set';
    const read = await store.get('__a0_session');
    expect(read?.refreshToken).toBe('refresh-token-1');
    await store.delete('__a0_session');
    expect(await store.get('__a0_session')).toBeUndefined();
  });

  it('deleteByLogoutToken deletes the sessions the claims name', async () => {
    const store = new MemoryStateStore();
    await store.set('a', makeState());
    await store.set('b', makeState({ user: { sub: 'auth0|bob', sid: 'op-2' } }));
    await store.deleteByLogoutToken({ sub: 'auth0|alice' });
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeDefined();
  });
});

describe('MemoryTransactionStore', () => {
  it('keeps one transaction per identifier and forgets it once deleted', async () => {
    const store = new MemoryTransactionStore();
    await store.set('__a0_tx.s1', { codeVerifier: 'v1', state: 's1' });
    await store.set('__a0_tx.s2', { codeVerifier: 'v2', state: 's2' });
    expect((await store.get('__a0_tx.s1'))?.codeVerifier).toBe('v1');
    expect((await store.get('__a0_tx.s2'))?.codeVerifier).toBe('v2');
    await store.delete('__a0_tx.s1');
    expect(await store.get('__a0_tx.s1')).toBeUndefined();
  });

  it('forgets a transaction after its ttl', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const store = new MemoryTransactionStore({ ttl: 60 });
    await store.set('t', { codeVerifier: 'v' });
    vi.advanceTimersByTime(59_000);
    expect(await store.get('t')).toBeDefined();
    vi.advanceTimersByTime(1_000);
    expect(await store.get('t')).toBeUndefined();
  });
});

describe('MemorySessionStore', () => {
  it('expires an entry after its ttl', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const store = new MemorySessionStore();
    await store.set('id', makeState(), 10);
    vi.advanceTimersByTime(9_999);
    expect(await store.get('id')).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(await store.get('id')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('deleteByLogoutToken with a sid ends only that authorization-server session', async () => {
    const store = new MemorySessionStore();
    await store.set('laptop', makeState({ user: { sub: 'auth0|alice', sid: 'op-1' } }));
    await store.set('phone', makeState({ user: { sub: 'auth0|alice', sid: 'op-2' } }));
    await store.deleteByLogoutToken({ sid: 'op-1' });
    expect(await store.get('laptop')).toBeUndefined();
    expect(await store.get('phone')).toBeDefined();
  });

  it('deleteByLogoutToken with only a sub ends every session of that user', async () => {
    const store = new MemorySessionStore();
    await store.set('laptop', makeState({ user: { sub: 'auth0|alice', sid: 'op-1' } }));
    await store.set('phone', makeState({ user: { sub: 'auth0|alice', sid: 'op-2' } }));
    await store.set('bob', makeState({ user: { sub: 'auth0|bob', sid: 'op-3' } }));
    await store.deleteByLogoutToken({ sub: 'auth0|alice' });
    expect(store.size).toBe(1);
    expect(await store.get('bob')).toBeDefined();
  });

  it('deleteByLogoutToken with sid and sub requires both to match', async () => {
    const store = new MemorySessionStore();
    await store.set('alice', makeState({ user: { sub: 'auth0|alice', sid: 'op-1' } }));
    await store.deleteByLogoutToken({ sid: 'op-1', sub: 'auth0|mallory' });
    expect(await store.get('alice')).toBeDefined();
  });

  it('deleteByLogoutToken ignores a session from another issuer', async () => {
    const store = new MemorySessionStore();
    await store.set('alice', makeState({ user: { sub: 'auth0|alice', sid: 'op-1', iss: 'https://a/' } }));
    await store.deleteByLogoutToken({ sub: 'auth0|alice', iss: 'https://b/' });
    expect(await store.get('alice')).toBeDefined();
    await store.deleteByLogoutToken({ sub: 'auth0|alice', iss: 'https://a/' });
    expect(await store.get('alice')).toBeUndefined();
  });

  it('re-indexes a session whose user changed', async () => {
    const store = new MemorySessionStore();
    await store.set('id', makeState({ user: { sub: 'auth0|alice', sid: 'op-1' } }));
    await store.set('id', makeState({ user: { sub: 'auth0|bob', sid: 'op-9' } }));
    await store.deleteByLogoutToken({ sid: 'op-1' });
    expect(await store.get('id')).toBeDefined();
    await store.deleteByLogoutToken({ sid: 'op-9' });
    expect(await store.get('id')).toBeUndefined();
  });
});
