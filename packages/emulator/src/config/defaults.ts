import type { EmulatorConfigInput } from './types.js';

/**
 * The configuration used when `--config` is not given: one confidential client for a web app on
 * port 3000, a machine-to-machine client for the Management API, three users covering the MFA states a developer wants to try (none, must enroll,
 * already enrolled with an authenticator app whose secret is printed at start), and two APIs: a plain
 * one and one that requires MFA, so a login without it can step up through its refresh token.
 *
 * @example
 * ```ts
 * const em = await startEmulator({ port: 0, quiet: true, config: defaultConfig });
 * ```
 */
export const defaultConfig = {
  tenant: 'emulator',
  clients: [
    {
      client_id: 'emulator-app',
      client_secret: 'emulator-app-secret-at-least-32-characters',
      redirect_uris: ['http://localhost:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback'],
      // Matching is exact, and apps write the origin both ways (`returnTo: 'http://localhost:3000'`).
      post_logout_redirect_uris: [
        'http://localhost:3000',
        'http://localhost:3000/',
        'http://127.0.0.1:3000',
        'http://127.0.0.1:3000/',
      ],
      backchannel_logout_uri: 'http://127.0.0.1:3000/auth/backchannel-logout',
    },
    {
      // A machine-to-machine client for test set-up through the Management API (client_credentials).
      client_id: 'emulator-m2m',
      client_secret: 'emulator-m2m-secret-at-least-32-characters',
      redirect_uris: [],
      post_logout_redirect_uris: [],
      management_api: true,
    },
  ],
  users: [
    { user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!', name: 'Alice' },
    { user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!', name: 'Bob', mfa: 'required' },
    {
      user_id: 'auth0|carol',
      email: 'carol@example.com',
      password: 'Passw0rd!',
      name: 'Carol',
      mfa: 'required',
      // A fixed base32 secret so the printed value can be added to an authenticator app once and reused.
      authenticators: [{ type: 'otp', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }],
    },
  ],
  apis: [
    { audience: 'https://api.example.com', scopes: ['read:data', 'write:data'] },
    { audience: 'https://payments.example.com', scopes: ['transfer:funds'], mfa: 'required' },
  ],
} satisfies EmulatorConfigInput;
