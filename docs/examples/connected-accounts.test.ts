import { describe, expect, it } from 'vitest';
import { startEmulatorApp } from '../../packages/server/test/helpers/emulator-app.js';
import { describeRefusal, disconnect, finishConnect, startConnect } from './connected-accounts.js';
import { docBlocks, region } from './regions.js';

describe('docs/connected-accounts.md', () => {
  it('takes every code block from a region of this compiled, tested example', () => {
    const blocks = docBlocks(new URL('../connected-accounts.md', import.meta.url));
    expect(blocks.map((b) => b.name)).toEqual(['start', 'callback', 'manage', 'errors']);
    for (const block of blocks)
      expect(block.code).toBe(region(new URL(block.file, import.meta.url), block.name));
  });

  it('connects Google, lands on returnTo, and disconnects it', async () => {
    const app = await startEmulatorApp({
      emulator: { connections: [{ name: 'google-oauth2' }], users: [] },
    });
    try {
      await app.login();
      const connectUrl = await startConnect(app.client, undefined);
      // The user allows on the emulator's connect page.
      const allowed = await fetch(new URL('connect', app.em.issuer), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ticket: connectUrl.searchParams.get('ticket') ?? '', action: 'allow' }),
      });
      const callbackUrl = allowed.headers.get('location') ?? '';
      await expect(finishConnect(app.client, callbackUrl, undefined)).resolves.toBe('/settings');
      expect((await app.client.listConnectedAccounts()).accounts).toMatchObject([
        { connection: 'google-oauth2', scopes: ['https://www.googleapis.com/auth/calendar.events'] },
      ]);
      await expect(disconnect(app.client, 'google-oauth2', undefined)).resolves.toBe(1);
      expect((await app.client.listConnectedAccounts()).accounts).toEqual([]);
      const refused = await app.client.deleteConnectedAccount('cac_missing').catch((e: unknown) => e);
      expect(describeRefusal(refused)).toMatch(/^404 /);
    } finally {
      await app.close();
    }
  });
});
