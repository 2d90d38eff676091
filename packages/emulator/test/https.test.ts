import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { startTestEmulator } from '../../../test/emulator.js';
import { runCli } from '../src/cli/run.js';
import { localhostLookup } from '../src/https/fetch.js';
import { authorizeUrl, baseConfig, pkce } from './support.js';

/** A GET over TLS trusting `ca` (when given), with `host` as the Host header; the status and the server's certificate. */
function get(
  port: number,
  path: string,
  options: { ca?: string; host?: string; servername?: string } = {},
): Promise<{ status: number; body: string; cert: X509Certificate }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: '127.0.0.1',
        port,
        path,
        lookup: localhostLookup,
        agent: false,
        servername: options.servername ?? 'localhost',
        headers: { host: options.host ?? `localhost:${port}` },
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        // Read while the socket is still this response's.
        const socket = res.socket;
        const cert = socket instanceof TLSSocket ? socket.getPeerX509Certificate() : undefined;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (!cert) return reject(new Error('no peer certificate'));
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cert });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let dir: string;
let em: Emulator;
let ca: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-https-'));
  em = await startTestEmulator(baseConfig(), { https: { dir }, host: 'tenant.localhost' });
  ca = await readFile(join(dir, 'ca.pem'), 'utf8');
});
afterAll(async () => {
  await em?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startEmulator({ https })', () => {
  it('serves TLS under the chosen host name, with an https issuer', async () => {
    expect(em.issuer).toBe(`https://tenant.localhost:${em.port}/`);
    expect(em.caFile).toBe(join(dir, 'ca.pem'));
    const { status, body, cert } = await get(em.port, '/.well-known/openid-configuration', {
      ca,
      servername: 'tenant.localhost',
      host: `tenant.localhost:${em.port}`,
    });
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ issuer: em.issuer, token_endpoint: `${em.issuer}oauth/token` });
    // The certificate names the host, localhost and 127.0.0.1, and chains to the CA in the directory.
    expect(cert.subjectAltName).toContain('DNS:tenant.localhost');
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.verify(new X509Certificate(ca).publicKey)).toBe(true);
  });

  it('is not trusted without the CA: a client must be told to trust it', async () => {
    await expect(get(em.port, '/.well-known/openid-configuration')).rejects.toThrow(
      /self[- ]signed|unable to verify|certificate/i,
    );
  });

  it('keeps refusing a Host header that names something else, and accepts the chosen name', async () => {
    expect((await get(em.port, '/__dev/stats', { ca, host: `evil.localhost:${em.port}` })).status).toBe(421);
    expect((await get(em.port, '/__dev/stats', { ca, host: `tenant.localhost:${em.port}` })).status).toBe(
      200,
    );
    expect((await get(em.port, '/__dev/stats', { ca, host: `127.0.0.1:${em.port}` })).status).toBe(200);
  });

  it('em.login drives the login pages over TLS', async () => {
    const { challenge } = pkce();
    const redirect = await em.login(
      authorizeUrl(em, { code_challenge: challenge, code_challenge_method: 'S256' }),
      {
        email: 'alice@example.com',
        password: 'Passw0rd!',
      },
    );
    expect(new URL(redirect).searchParams.get('code')).toBeTruthy();
  });

  it('creates the CA once: a second start reuses it, and its key is readable by the owner only', async () => {
    const again = await startTestEmulator(baseConfig(), { https: { dir } });
    try {
      expect(await readFile(join(dir, 'ca.pem'), 'utf8')).toBe(ca);
      expect(again.issuer).toBe(`https://127.0.0.1:${again.port}/`);
      expect(
        (await get(again.port, '/.well-known/jwks.json', { ca, host: `127.0.0.1:${again.port}` })).status,
      ).toBe(200);
    } finally {
      await again.close();
    }
    expect((await stat(join(dir, 'ca-key.pem'))).mode & 0o077).toBe(0);
  });

  it('refuses a host that is not a loopback name', async () => {
    await expect(startTestEmulator(baseConfig(), { host: 'example.com' as 'localhost' })).rejects.toThrow(
      /host must be 127\.0\.0\.1, localhost or a name under \.localhost/,
    );
  });
});

describe('auth0-emulator --https', () => {
  it('prints how to trust the CA, kept in --cert-dir', async () => {
    const out: string[] = [];
    const result = await runCli(['--https', '--cert-dir', dir, '--port', '0', '--quiet'], {
      out: (text) => out.push(text),
      err: (text) => out.push(text),
    });
    if (!('emulator' in result)) throw new Error(out.join('\n'));
    await result.emulator.close();
    expect(result.emulator.issuer).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(out.join('\n')).toContain(`NODE_EXTRA_CA_CERTS=${join(dir, 'ca.pem')}`);
  });

  it('refuses --cert-dir without --https, and a host outside .localhost', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (text: string) => err.push(text) };
    expect(await runCli(['--cert-dir', dir], io)).toEqual({ exitCode: 2 });
    expect(await runCli(['--host', 'tenant.example.com'], io)).toEqual({ exitCode: 2 });
    expect(err.join('\n')).toMatch(/--cert-dir needs --https[\s\S]*name under \.localhost/);
  });
});
