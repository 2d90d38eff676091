import { describe, expect, it } from 'vitest';
import { startEmulatorApp } from '../../packages/server/test/helpers/emulator-app.js';
import { actFor, loginFromLegacy } from './token-exchange.js';

describe('docs/token-exchange.md', () => {
  it('logs a legacy user in, and gives an agent tokens that name it as the actor', async () => {
    const app = await startEmulatorApp({
      emulator: {
        users: [{ user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!bob' }],
        token_exchange_profiles: [
          {
            subject_token_type: 'urn:acme:legacy-token',
            subject_tokens: { 'legacy-session-of-bob': 'auth0|bob' },
          },
        ],
      },
    });
    try {
      await loginFromLegacy(app.client, 'legacy-session-of-bob', undefined);
      expect((await app.client.getSession())?.user?.sub).toBe('auth0|bob');
      await app.login(); // alice, the support agent
      const result = await actFor(app.client, 'legacy-session-of-bob', undefined);
      expect(result.actingAgent).toBe('auth0|alice');
    } finally {
      await app.close();
    }
  });
});
