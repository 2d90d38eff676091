import { describe, expect, it } from 'vitest';
import { startEmulatorApp } from '../../packages/server/test/helpers/emulator-app.js';
import { nextEvents, whenNoToken } from './token-vault.js';

describe('docs/token-vault.md', () => {
  it('calls the calendar with the Token Vault token, fetched once for two calls', async () => {
    const app = await startEmulatorApp({
      emulator: { connections: [{ name: 'google-oauth2' }], users: [] },
    });
    try {
      await app.login();
      const sent: string[] = [];
      const google: typeof fetch = async (_url, init) => {
        sent.push(new Headers(init?.headers).get('authorization') ?? '');
        return Response.json({ items: [] });
      };
      await expect(nextEvents(app.client, undefined, google)).resolves.toEqual({ items: [] });
      await nextEvents(app.client, undefined, google);
      const token = (await app.client.getSession())?.connectionTokenSets?.[0]?.accessToken;
      expect(sent).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
      expect(
        app.em.stats()['urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token'],
      ).toBe(1);
      const err = await app.client
        .getAccessTokenForConnection({ connection: 'github' })
        .catch((e: unknown) => e);
      expect(whenNoToken(err)).toBe('connect');
    } finally {
      await app.close();
    }
  });
});
