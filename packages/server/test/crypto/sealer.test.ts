import { createHash, hkdfSync } from 'node:crypto';
import { CompactEncrypt, decodeProtectedHeader, EncryptJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createSealer, deriveKey, detectNodeCrypto, type SealerEngine } from '../../src/crypto/index.js';

const A = 'a'.repeat(32) + '-first-secret';
const B = 'b'.repeat(32) + '-second-secret';

describe.each<SealerEngine>(['node', 'webcrypto'])('createSealer (%s)', (engine) => {
  const createSealerWith = (secrets: string[], purpose: Parameters<typeof createSealer>[1]) =>
    createSealer(secrets, purpose, engine);

  it('round-trips a payload', async () => {
    const sealer = createSealerWith([A], 'session');
    const sealed = await sealer.seal({ hello: 'world' }, 60);
    const opened = await sealer.unseal<{ hello: string }>(sealed);
    expect(opened).toMatchObject({ ok: true, payload: { hello: 'world' } });
  });

  it('opens a value sealed with an older secret after rotation', async () => {
    const sealed = await createSealerWith([B], 'session').seal({ n: 1 }, 60);
    const rotated = createSealerWith([A, B], 'session');
    expect(await rotated.unseal(sealed)).toMatchObject({ ok: true, payload: { n: 1 } });
  });

  it('refuses a value sealed with a secret it does not have', async () => {
    const sealed = await createSealerWith([B], 'session').seal({ n: 1 }, 60);
    expect(await createSealerWith([A], 'session').unseal(sealed)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a value sealed for another purpose with the same secret', async () => {
    const sealed = await createSealerWith([A], 'transaction').seal({ n: 1 }, 60);
    expect(await createSealerWith([A], 'mfa-token').unseal(sealed)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a tampered value and garbage without throwing', async () => {
    const sealer = createSealerWith([A], 'session');
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
      const sealer = createSealerWith([A], 'mfa-token');
      const sealed = await sealer.seal({ n: 1 }, 10);
      vi.setSystemTime(Date.now() + 10_500);
      expect(await sealer.unseal(sealed, { clockTolerance: 1 })).toMatchObject({ ok: true });
      vi.setSystemTime(Date.now() + 2_000);
      expect(await sealer.unseal(sealed, { clockTolerance: 1 })).toEqual({ ok: false, reason: 'expired' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a value whose ciphertext carries characters outside base64url', async () => {
    const sealer = createSealerWith([A], 'session');
    const parts = (await sealer.seal({ n: 1 }, 60)).split('.');
    parts[3] = `${parts[3]?.slice(0, 4)}!${parts[3]?.slice(4)}`;
    expect(await sealer.unseal(parts.join('.'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a value whose IV or tag carries characters outside base64url', async () => {
    const sealer = createSealerWith([A], 'session');
    const sealed = (await sealer.seal({ n: 1 }, 60)).split('.');
    for (const at of [2, 4]) {
      const parts = [...sealed];
      parts[at] = `${parts[at]?.slice(0, -1)}+`;
      expect(await sealer.unseal(parts.join('.'))).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses a value with a part missing, added, moved or of the wrong length', async () => {
    const sealer = createSealerWith([A], 'session');
    const sealed = await sealer.seal({ n: 1 }, 60);
    expect(await sealer.unseal(sealed)).toMatchObject({ ok: true });
    const [header = '', , iv = '', ciphertext = '', tag = ''] = sealed.split('.');
    const variants = [
      [header, '', iv, ciphertext].join('.'),
      [header, '', iv, ciphertext, tag, ''].join('.'),
      [header, 'AAAA', iv, ciphertext, tag].join('.'),
      [header, '', iv + 'A', ciphertext, tag].join('.'),
      [header, '', iv, ciphertext, tag + 'A'].join('.'),
      [header, '', iv, `${ciphertext.slice(0, 8)}.${ciphertext.slice(8)}`, tag].join('.'),
      [header, '', tag, ciphertext, iv].join('.'),
      ['', '', iv, ciphertext, tag].join('.'),
      `.${sealed}`,
      `${sealed}.`,
    ];
    for (const variant of variants) {
      expect(await sealer.unseal(variant)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses a value whose protected header was changed (the header is authenticated)', async () => {
    const sealer = createSealerWith([A], 'session');
    const sealed = await sealer.seal({ n: 1 }, 60);
    const [, ...rest] = sealed.split('.');
    const changed = JSON.stringify({ kid: decodeProtectedHeader(sealed).kid, enc: 'A256GCM', alg: 'dir' });
    const reordered = [Buffer.from(changed).toString('base64url'), ...rest].join('.');
    expect(await sealer.unseal(reordered)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a payload without an expiry', async () => {
    const { key, kid } = await deriveKey(A, 'session');
    const sealed = await new CompactEncrypt(new TextEncoder().encode('{"n":1}'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid })
      .encrypt(key);
    expect(await createSealerWith([A], 'session').unseal(sealed)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('opens a session cookie sealed by the previous release (keys from node:crypto hkdfSync)', async () => {
    const oldKey = new Uint8Array(hkdfSync('sha256', A, '', 'auth0-server-ts session key', 32));
    const oldKid = createHash('sha256')
      .update(new Uint8Array(hkdfSync('sha256', A, '', 'auth0-server-ts session kid', 32)))
      .digest('base64url')
      .slice(0, 12);
    const sealed = await new EncryptJWT({ s: { hello: 'world' } })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: oldKid })
      .setIssuedAt()
      .setExpirationTime('1m')
      .encrypt(oldKey);
    expect(await createSealerWith([A], 'session').unseal(sealed)).toMatchObject({
      ok: true,
      payload: { s: { hello: 'world' } },
    });
  });

  it('unsealNow answers as unseal does, at once where node:crypto serves and the keys are ready', async () => {
    const sealer = createSealerWith([A], 'session');
    expect(sealer.unsealNow('anything')).toBeUndefined();
    const sealed = await sealer.seal({ n: 1 }, 60);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BA' : 'AA');
    for (const value of [sealed, tampered, 'not-a-jwe']) {
      const now = sealer.unsealNow(value);
      if (engine === 'node') expect(now).toEqual(await sealer.unseal(value));
      else expect(now).toBeUndefined();
    }
  });

  it('needs at least one secret', () => {
    expect(() => createSealer([], 'session', engine)).toThrow(TypeError);
  });
});

describe('the node:crypto and Web Crypto engines', () => {
  it('open what the other sealed, both ways, for payloads of every length class', async () => {
    const node = createSealer([A, B], 'session', 'node');
    const web = createSealer([A, B], 'session', 'webcrypto');
    for (const size of [0, 1, 2, 3, 15, 16, 17, 2600]) {
      const payload = { s: 'é'.repeat(size), n: size };
      expect(await web.unseal(await node.seal(payload, 60))).toMatchObject({ ok: true, payload });
      expect(await node.unseal(await web.seal(payload, 60))).toMatchObject({ ok: true, payload });
    }
  });

  it('write the same protected header', async () => {
    const node = await createSealer([A], 'session', 'node').seal({}, 60);
    const web = await createSealer([A], 'session', 'webcrypto').seal({}, 60);
    expect(node.split('.')[0]).toBe(web.split('.')[0]);
  });
});

describe('detectNodeCrypto', () => {
  it('finds node:crypto through process.getBuiltinModule', () => {
    expect(detectNodeCrypto(process)).toBeDefined();
  });

  it('finds nothing where there is no process, no getBuiltinModule, or no node:crypto (workerd without nodejs_compat)', () => {
    expect(detectNodeCrypto(undefined)).toBeUndefined();
    expect(detectNodeCrypto({})).toBeUndefined();
    expect(detectNodeCrypto({ getBuiltinModule: () => undefined })).toBeUndefined();
    expect(
      detectNodeCrypto({
        getBuiltinModule: () => {
          throw new Error('No such built-in module');
        },
      }),
    ).toBeUndefined();
  });

  it('refuses a node:crypto whose AES-256-GCM does not give the known answer or throws', () => {
    const real = process.getBuiltinModule('node:crypto');
    const wrong = {
      createDecipheriv: real.createDecipheriv,
      createCipheriv: () =>
        real.createCipheriv('aes-256-gcm', new Uint8Array(32), new Uint8Array(12).fill(1)),
    };
    expect(detectNodeCrypto({ getBuiltinModule: () => wrong })).toBeUndefined();
    const missing = {
      createDecipheriv: real.createDecipheriv,
      createCipheriv: () => {
        throw new Error('Unsupported cipher');
      },
    };
    expect(detectNodeCrypto({ getBuiltinModule: () => missing })).toBeUndefined();
  });

  it('lets the caller ask for node:crypto only where it exists', () => {
    expect(() => createSealer([A], 'session', 'node')).not.toThrow();
  });
});
