import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { AdapterStoreOptions } from '../../src/adapters/core/index.js';
import { BINDINGS, ISSUER, offlineOptions, startApp } from './bindings.js';

/** A GET naming `host` in its Host header (fetch does not let a caller set it). */
function getWithHost(url: string, path: string, host: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, setHost: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

describe.each(BINDINGS)('%s adapter: the Host header in the store options', (binding) => {
  it("gives a domain resolver the request's Host, to pick the custom domain by", async () => {
    const seen: (string | undefined)[] = [];
    const app = await startApp(binding, {
      ...offlineOptions,
      domain: (o?: AdapterStoreOptions) => {
        seen.push(o?.host);
        return ISSUER;
      },
    });
    try {
      expect(await getWithHost(app.url, '/auth/login', 'app.brand-b.example')).toBe(302);
      expect(seen).toContain('app.brand-b.example');
    } finally {
      await app.close();
    }
  });
});
