import { describe, expect, it, vi } from 'vitest';
import { createSealer } from '../../src/crypto/index.js';

const A = 'a'.repeat(32) + '-first-secret';
const B = 'b'.repeat(32) + '-second-secret';

describe('createSealer', () => {
  it('round-trips a payload', async () => {
    const sealer = createSealer([A], 'session');
    const sealed = await sealer.seal({ hello: 'world' }, 60);
    const opened = await sealer.unseal<{ hello: string }>(sealed);
    expect(opened).toMatchObject({ ok: true, payload: { hello: 'world' } });
  });

  it('opens a value sealed with an older secret after rotation', async () => {
    const sealed = await createSealer([B], 'session').seal({ n: 1 }, 60);
    const rotated = createSealer([A, B], 'session');
    expect(await rotated.unseal(sealed)).toMatchObject({ ok: true, payload: { n: 1 } });
  });

  it('refuses a value sealed with a secret it does not have', async () => {
    const sealed = await createSealer([B], 'session').seal({ n: 1 }, 60);
    expect(await createSealer([A], 'session').unseal(sealed)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a value sealed for another purpose with the same secret', async () => {
    const sealed = await createSealer([A], 'transaction').seal({ n: 1 }, 60);
    expect(await createSealer([A], 'mfa-token').unseal(sealed)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a tampered value and garbage without throwing', async () => {
    const sealer = createSealer([A], 'session');
    const sealed = await sealer.seal({ n: 1 }, 60);
    const parts = sealed.split('.');
    const ciphertext = parts[3] ?? '';
    parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
    expect(await sealer.unseal(parts.join('.'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await sealer.unseal('not-a-jwe')).toEqual({ ok: false, reason: 'invalid' });
    expect(await sealer.unseal(sealed.slice(0, 40))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports an expired value as expired, within the given clock tolerance', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Math.floor(Date.now() / 1000) * 1000);
    try {
      const sealer = createSealer([A], 'mfa-token');
      const sealed = await sealer.seal({ n: 1 }, 10);
      vi.setSystemTime(Date.now() + 10_500);
      expect(await sealer.unseal(sealed, { clockTolerance: 1 })).toMatchObject({ ok: true });
      vi.setSystemTime(Date.now() + 2_000);
      expect(await sealer.unseal(sealed, { clockTolerance: 1 })).toEqual({ ok: false, reason: 'expired' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('needs at least one secret', () => {
    expect(() => createSealer([], 'session')).toThrow(TypeError);
  });
});
