/**
 * What the harness tells a runtime: where the emulator and the app are. Every runtime reads the same
 * names (environment variables, or worker bindings on workerd).
 */
export interface ScenarioEnv {
  /** The emulator's issuer, `http://127.0.0.1:N/`. */
  issuer: string;
  /** The app's origin, `http://127.0.0.1:P`: the runtime serves the app there (back-channel logout). */
  appOrigin: string;
  /** The port of {@link appOrigin}. */
  port: number;
  /** Base32 secret of the test user's authenticator app. */
  otpSecret: string;
}

/** The client, user and API the emulator is configured with for the suite. */
export const SUITE = {
  clientSecret: 'runtime-suite-client-secret-of-32-chars!',
  appSecret: 'runtime-suite-cookie-secret-of-at-least-32-chars',
  /** The cookie-session app (default stateless store). */
  clientId: 'app',
  /** The server-side-session app, which back-channel logout can reach. */
  statefulClientId: 'app-stateful',
  user: { userId: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' },
  /** Invited to {@link SUITE.organization} during the run; a member of nothing before. */
  invitee: { userId: 'auth0|dave', email: 'dave@example.com', password: 'Passw0rd!' },
  /** The organization `/acme` requires; the cookie-session app may log users in to it. */
  organization: { id: 'org_acme', name: 'acme' },
  /** A connection whose account the test user links and unlinks (account linking). */
  linked: {
    connection: 'github',
    account: { userId: '7001', username: 'octo-alice', password: 'Passw0rd!', name: 'Alice on GitHub' },
  },
  /** An API whose tokens need MFA (step-up on refresh). */
  payments: 'https://payments.example.com',
  api: 'https://api.example.com',
  /** Access tokens live shorter than the SDK's refresh leeway (60 s): every getAccessToken refreshes. */
  accessTokenTtl: 30,
} as const;

/** Reads the env from a lookup (`process.env`, `Deno.env`, worker bindings); throws naming what is missing. */
export function readEnv(get: (name: string) => string | undefined): ScenarioEnv {
  const value = (name: string) => {
    const found = get(name);
    if (!found) throw new TypeError(`${name} is not set`);
    return found;
  };
  const appOrigin = value('APP_ORIGIN');
  return {
    issuer: value('ISSUER'),
    appOrigin,
    port: Number(new URL(appOrigin).port),
    otpSecret: value('OTP_SECRET'),
  };
}
