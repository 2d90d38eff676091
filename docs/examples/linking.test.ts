import { describe, expect, it } from 'vitest';
import { ALICE, startEmulatorApp } from '../../packages/server/test/helpers/emulator-app.js';
import { finishLink, linkedAccounts, startGitHubLink } from './linking.js';

const OCTO = { username: 'octo-alice', password: 'gh-Passw0rd!' };
const BOB = { email: 'bob@example.com', password: 'Passw0rd!' };

describe('docs/linking.md', () => {
  it('links the GitHub account, lists it, unlinks it; a link after logout and an account linked elsewhere are reported', async () => {
    const app = await startEmulatorApp({
      emulator: {
        users: [{ user_id: 'auth0|bob', ...BOB }],
        connections: [{ name: 'github', accounts: [{ user_id: '1001', ...OCTO }] }],
      },
    });
    try {
      await app.login();
      expect(await linkedAccounts(app.client, undefined)).toEqual([]);
      const link = await startGitHubLink(app.client, undefined);
      expect(link.searchParams.get('requested_connection_scope')).toBe('read:user');
      const callback = await app.em.login(link.href, { ...ALICE, account: OCTO });
      await expect(finishLink(app.client, callback, undefined)).resolves.toBe('linked');
      expect(await linkedAccounts(app.client, undefined)).toEqual(['auth0|alice', 'github|1001']);

      const unlink = await startGitHubLink(app.client, undefined, true);
      await app.client.completeUnlinkUser(await app.em.login(unlink.href, ALICE), undefined);
      expect(await linkedAccounts(app.client, undefined)).toEqual([]);

      // A link finished after the session ended (the server linked the account to Alice meanwhile).
      const late = await app.em.login((await startGitHubLink(app.client, undefined)).href, {
        ...ALICE,
        account: OCTO,
      });
      await app.client.logout();
      await expect(finishLink(app.client, late, undefined)).resolves.toBe('log-in-again');

      // Bob tries to link the account Alice has: the server refuses.
      await app.client.completeInteractiveLogin(
        await app.em.login((await app.client.startInteractiveLogin()).href, BOB),
      );
      const refused = await app.em.login((await startGitHubLink(app.client, undefined)).href, {
        ...BOB,
        account: OCTO,
      });
      await expect(finishLink(app.client, refused, undefined)).resolves.toBe('refused');
    } finally {
      await app.close();
    }
  });
});
