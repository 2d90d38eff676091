import { startEmulator, type Emulator } from 'auth0-emulator';
import { SUITE } from '../scenario/env.js';

/** A fresh Base32 secret for the test user's authenticator app (160 bits). */
export function otpSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => alphabet[b % 32]).join('');
}

/**
 * The emulator configured for the suite's two clients at `appOrigin`, the users, the APIs and the
 * linkable connection.
 */
export function startSuiteEmulator(appOrigin: string, secret: string): Promise<Emulator> {
  return startEmulator({
    port: 0,
    quiet: true,
    config: {
      clients: [
        {
          client_id: SUITE.clientId,
          client_secret: SUITE.clientSecret,
          redirect_uris: [`${appOrigin}/auth/callback`, `${appOrigin}/passwordless/callback`],
          post_logout_redirect_uris: [`${appOrigin}/`],
          organization_usage: 'allow',
        },
        {
          client_id: SUITE.statefulClientId,
          client_secret: SUITE.clientSecret,
          redirect_uris: [`${appOrigin}/s/auth/callback`],
          post_logout_redirect_uris: [`${appOrigin}/`],
          backchannel_logout_uri: `${appOrigin}/s/auth/backchannel-logout`,
        },
      ],
      users: [
        {
          user_id: SUITE.user.userId,
          email: SUITE.user.email,
          password: SUITE.user.password,
          authenticators: [{ type: 'otp', secret }],
        },
        { user_id: SUITE.invitee.userId, email: SUITE.invitee.email, password: SUITE.invitee.password },
      ],
      organizations: [{ ...SUITE.organization, members: [] }],
      connections: [
        {
          name: SUITE.linked.connection,
          accounts: [
            {
              user_id: SUITE.linked.account.userId,
              username: SUITE.linked.account.username,
              password: SUITE.linked.account.password,
              name: SUITE.linked.account.name,
            },
          ],
        },
      ],
      apis: [
        { audience: SUITE.api, scopes: [] },
        { audience: SUITE.payments, mfa: 'required' },
      ],
      ttl: { accessToken: SUITE.accessTokenTtl },
    },
  });
}
