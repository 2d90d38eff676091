import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localhostFetch, localhostLookup, type Emulator } from 'auth0-emulator';
import { startTestEmulator } from '../../../test/emulator.js';
import { CLIENT_ID, CLIENT_SECRET, baseConfig } from './support.js';

let em: Emulator;
beforeAll(async () => {
  em = await startTestEmulator(baseConfig(), { host: 'tenant.localhost' });
});
afterAll(() => em.close());

describe('localhostFetch', () => {
  it('reaches an emulator under tenant.localhost whatever the system resolver says', async () => {
    expect(em.issuer).toMatch(/^http:\/\/tenant\.localhost:\d+\/$/);
    const response = await localhostFetch()(new URL('.well-known/openid-configuration', em.issuer));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ issuer: em.issuer });
  });

  it('sends a URLSearchParams or string body with its headers, and answers as fetch does', async () => {
    const request = localhostFetch();
    const form = { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
    const url = new URL('oauth/token', em.issuer);
    const byParams = await request(url, { method: 'POST', body: new URLSearchParams(form) });
    expect(byParams.status).toBe(200);
    expect(byParams.headers.get('content-type')).toMatch(/^application\/json/);
    const byString = await request(url.href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(form),
    });
    expect(await byString.json()).toMatchObject({ token_type: 'Bearer' });
    await expect(request(url, { method: 'POST', body: new Blob(['x']) })).rejects.toThrow(TypeError);
  });

  it('keeps the connection alive across requests and returns redirects and Set-Cookie lines as they came', async () => {
    let connections = 0;
    const server = createServer((_req, res) => {
      res.writeHead(302, { location: '/next', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] }).end();
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const request = localhostFetch();
      for (let i = 0; i < 3; i += 1) {
        const response = await request(`http://app.localhost:${port}/`, { redirect: 'manual' });
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toBe('/next');
        expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      }
      expect(connections).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('localhostLookup', () => {
  it('answers loopback for names under .localhost, one or all', async () => {
    const one = await new Promise((resolve, reject) =>
      localhostLookup('Tenant.LOCALHOST', {}, (error, address, family) =>
        error ? reject(error) : resolve({ address, family }),
      ),
    );
    expect(one).toEqual({ address: '127.0.0.1', family: 4 });
    const all = await new Promise((resolve, reject) =>
      localhostLookup('a.b.localhost', { all: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses),
      ),
    );
    expect(all).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
