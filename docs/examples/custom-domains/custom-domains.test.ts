import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { appClient, startTestEmulator } from '../../../test/emulator.js';
import { docBlocks, region } from '../regions.js';
import { createHandler } from './custom-domains.js';

const SECRET = 'app-secret-at-least-32-characters!!';
const page = new URL('../../custom-domains.md', import.meta.url);

describe('docs/custom-domains.md', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [appClient('http://127.0.0.1:3000', SECRET)],
      custom_domains: ['localhost'],
    });
  });
  afterAll(() => em.close());

  it('logs in on the custom domain of the allow-listed host, and on the fallback for any other Host', async () => {
    const [a = '', b = ''] = em.issuers.map((issuer) => issuer.replace(/\/$/, ''));
    const handler = createHandler(
      { appBaseUrl: 'http://127.0.0.1:3000', clientId: 'app', clientSecret: SECRET, secret: SECRET },
      { 'app-a.test': a, 'APP-B.test': b },
      a,
    );
    const loginOn = async (host: string) =>
      new URL((await handler(new Request(`http://${host}/auth/login`))).headers.get('location') ?? '').origin;
    expect(await loginOn('app-a.test')).toBe(new URL(a).origin);
    expect(await loginOn('app-b.test')).toBe(new URL(b).origin);
    expect(await loginOn('attacker.example')).toBe(new URL(a).origin);
  });

  it('takes every code block from a region of the compiled, tested example', () => {
    const blocks = docBlocks(page);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(readFileSync(page, 'utf8').match(/```ts/g)?.length).toBe(blocks.length);
    for (const { file, name, code } of blocks) expect(code).toBe(region(new URL(file, page), name));
  });
});
