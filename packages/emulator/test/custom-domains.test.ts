import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, startEmulator, type Emulator } from 'auth0-emulator';
import { API, CLIENT_ID, CLIENT_SECRET, claims, start } from './support.js';

/** A GET to the emulator's socket naming `host` (Node's resolver does not resolve `*.localhost`). */
function getWithHost(em: Emulator, host: string, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: em.port, path, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

const discovery = async (issuer: string) =>
  (await (await fetch(new URL('.well-known/openid-configuration', issuer))).json()) as Record<string, string>;
const kids = async (jwksUri: string) =>
  ((await (await fetch(jwksUri)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

describe('custom domains: several host names on one port, each its own issuer', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({ custom_domains: ['localhost', 'tenant-b.localhost'] });
  });
  afterAll(() => em.close());

  it('lists an issuer per custom domain, on the same port', () => {
    expect(em.issuers).toEqual([
      em.issuer,
      `http://localhost:${em.port}/`,
      `http://tenant-b.localhost:${em.port}/`,
    ]);
  });

  it('answers discovery per Host with that host as the issuer and endpoints', async () => {
    const main = await discovery(em.issuer);
    const other = await discovery(`http://localhost:${em.port}/`);
    expect(main.issuer).toBe(em.issuer);
    expect(other.issuer).toBe(`http://localhost:${em.port}/`);
    expect(other.token_endpoint).toBe(`http://localhost:${em.port}/oauth/token`);
    const named = await getWithHost(em, `tenant-b.localhost:${em.port}`, '/.well-known/openid-configuration');
    expect(named.status).toBe(200);
    expect(JSON.parse(named.text)).toMatchObject({ issuer: `http://tenant-b.localhost:${em.port}/` });
  });

  it('signs under a key id of its own per domain', async () => {
    const main = await kids((await discovery(em.issuer)).jwks_uri ?? '');
    const other = await kids((await discovery(`http://localhost:${em.port}/`)).jwks_uri ?? '');
    expect(main.length).toBeGreaterThan(0);
    expect(other.filter((kid) => main.includes(kid))).toEqual([]);
  });

  it('issues tokens with the issuer of the host they were asked of', async () => {
    const res = await fetch(`http://localhost:${em.port}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        audience: API,
      }).toString(),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(claims(body.access_token).iss).toBe(`http://localhost:${em.port}/`);
  });

  it('still refuses a Host that is neither the emulator nor a custom domain', async () => {
    const { status } = await getWithHost(
      em,
      `tenant-c.localhost:${em.port}`,
      '/.well-known/openid-configuration',
    );
    expect(status).toBe(421);
  });
});

describe('config.custom_domains', () => {
  it('takes loopback names only, each once, lower-cased', () => {
    expect(parseConfig({ custom_domains: ['Tenant-B.localhost'] }).custom_domains).toEqual([
      'tenant-b.localhost',
    ]);
    expect(parseConfig({}).custom_domains).toEqual([]);
    expect(() => parseConfig({ custom_domains: ['login.example.com'] })).toThrow(
      /config\.custom_domains\[0\] must be localhost or a name under \.localhost/,
    );
    expect(() => parseConfig({ custom_domains: ['127.0.0.1'] })).toThrow(/config\.custom_domains\[0\]/);
    expect(() => parseConfig({ custom_domains: ['a.localhost', 'A.localhost'] })).toThrow(/declared twice/);
  });

  it("refuses the emulator's own host, and frees the port", async () => {
    await expect(
      startEmulator({ port: 0, quiet: true, host: 'localhost', config: { custom_domains: ['localhost'] } }),
    ).rejects.toThrow(/config\.custom_domains names "localhost", the emulator's own host/);
  });
});
