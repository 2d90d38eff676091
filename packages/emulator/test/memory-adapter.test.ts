import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../src/provider/memory-adapter.js';

describe('createMemoryAdapter', () => {
  it('forgets an entry once it expires', async () => {
    let t = 1_000_000;
    const adapter = createMemoryAdapter(() => t)('AccessToken');
    await adapter.upsert('a', { jti: 'a' }, 60);
    expect(await adapter.find('a')).toMatchObject({ jti: 'a' });
    t += 60_000;
    expect(await adapter.find('a')).toBeUndefined();
  });

  it('marks a consumed entry with the time it was consumed', async () => {
    const adapter = createMemoryAdapter(() => 5_000)('AuthorizationCode');
    await adapter.upsert('c', { jti: 'c' }, 60);
    await adapter.consume('c');
    expect(await adapter.find('c')).toMatchObject({ consumed: 5 });
  });

  it('revokes every token of a grant, across models', async () => {
    const factory = createMemoryAdapter();
    const at = factory('AccessToken');
    const rt = factory('RefreshToken');
    await at.upsert('at', { grantId: 'g1' }, 60);
    await rt.upsert('rt', { grantId: 'g1' }, 60);
    await rt.upsert('other', { grantId: 'g2' }, 60);
    await at.revokeByGrantId('g1');
    expect(await at.find('at')).toBeUndefined();
    expect(await rt.find('rt')).toBeUndefined();
    expect(await rt.find('other')).toBeDefined();
  });

  it('finds a session by its uid, and keeps models and emulators apart', async () => {
    const factory = createMemoryAdapter();
    await factory('Session').upsert('s1', { uid: 'u1', accountId: 'alice' }, 60);
    expect(await factory('Session').findByUid('u1')).toMatchObject({ accountId: 'alice' });
    expect(await factory('Grant').find('s1')).toBeUndefined();
    expect(await createMemoryAdapter()('Session').findByUid('u1')).toBeUndefined();
  });
});
