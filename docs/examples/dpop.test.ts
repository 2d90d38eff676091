import { createServer } from 'node:http';
import { decodeJwt, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { startEmulatorApp } from '../../packages/server/test/helpers/emulator-app.js';
import { callApi, dpopClientOptions } from './dpop.js';

describe('docs/dpop.md', () => {
  it('binds the tokens to the configured key and calls an API that asks for a nonce first', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const app = await startEmulatorApp({
      appClient: { dpop_bound_access_tokens: true },
      clientOptions: dpopClientOptions(await exportJWK(privateKey)),
    });
    // An API that answers use_dpop_nonce to a proof without its nonce, and 200 to one with it.
    const seen: unknown[] = [];
    const api = createServer((req, res) => {
      const proof = decodeJwt(String(req.headers.dpop));
      seen.push(proof.nonce);
      if (proof.nonce === 'api-nonce-1' && req.headers.authorization?.startsWith('DPoP '))
        res.writeHead(200).end();
      else
        res
          .writeHead(401, { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'api-nonce-1' })
          .end();
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      await app.login();
      const session = await app.client.getSession();
      expect(session?.tokenSets[0]?.tokenType).toBe('DPoP');
      const address = api.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/accounts`;
      expect((await callApi(app.client, url, undefined)).status).toBe(200);
      expect(seen).toEqual([undefined, 'api-nonce-1']);
      // The nonce is kept for the API's origin: the next call sends it at once.
      expect((await callApi(app.client, url, undefined)).status).toBe(200);
      expect(seen).toEqual([undefined, 'api-nonce-1', 'api-nonce-1']);
    } finally {
      await new Promise((resolve) => api.close(resolve));
      await app.close();
    }
  });
});
