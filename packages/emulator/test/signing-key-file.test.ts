import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from 'auth0-emulator';
import { signingKeyFile } from '../src/provider/keys.js';
import { CLIENT_ID, baseConfig, codeFlow } from './support.js';

async function jwks(em: Emulator): Promise<JSONWebKeySet> {
  return (await (await fetch(new URL('.well-known/jwks.json', em.issuer))).json()) as JSONWebKeySet;
}

// RSA key generation takes 0.5 to 3 s each on a busy machine.
describe('the signing key file', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emu-keys-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps the key and its kid across restarts: tokens of the next run verify with the JWKS an app cached', async () => {
    const file = join(dir, 'restart', 'signing-key.json');
    const start = () => startEmulator({ port: 0, quiet: true, config: baseConfig(), signingKeyFile: file });
    const first = await start();
    const cached = await jwks(first).finally(() => first.close());
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = await start();
    try {
      expect(await jwks(second)).toEqual(cached);
      const { id_token } = await codeFlow(second, { email: 'alice@example.com', password: 'Passw0rd!' });
      const { payload } = await jwtVerify(String(id_token), createLocalJWKSet(cached), {
        issuer: second.issuer,
        audience: CLIENT_ID,
      });
      expect(payload.sub).toBe('auth0|alice');
    } finally {
      await second.close();
    }
    // The public JWKS never carries the private members kept in the file.
    expect(JSON.stringify(cached)).not.toMatch(/"d"|"p"|"q"/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ kty: 'RSA', kid: cached.keys[0]?.kid });
  });

  it('gives processes that start at once the same key', async () => {
    const file = join(dir, 'race', 'signing-key.json');
    const keys = await Promise.all([signingKeyFile(file), signingKeyFile(file), signingKeyFile(file)]);
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(new Set(keys.map((key) => key.n)).size).toBe(1);
  });

  it('refuses a file that holds no private key, saying which and what to do', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{"kty":"RSA","n":"x","e":"AQAB"}');
    await expect(startEmulator({ port: 0, quiet: true, signingKeyFile: file })).rejects.toThrow(
      `${file} is not an RSA private key as a JWK with a kid: delete it to make a new one`,
    );
  });

  it('without a file, each start has a new kid', async () => {
    const kids = [];
    for (let i = 0; i < 2; i++) {
      const em = await startEmulator({ port: 0, quiet: true });
      kids.push((await jwks(em).finally(() => em.close())).keys[0]?.kid);
    }
    expect(kids[0]).not.toBe(kids[1]);
  });

  it('without a key or a file, starts reuse one key (generating one per start was most of a start)', async () => {
    const keys = [];
    for (let i = 0; i < 2; i++) {
      const em = await startEmulator({ port: 0, quiet: true });
      keys.push((await jwks(em).finally(() => em.close())).keys[0]);
    }
    expect(keys[0]?.n).toBeTypeOf('string');
    expect(keys[1]?.n).toBe(keys[0]?.n);
    expect(keys[1]?.kid).not.toBe(keys[0]?.kid);
  });
});
