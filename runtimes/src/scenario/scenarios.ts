import type { SuiteApp } from './app.js';
import { Browser, type Visit } from './browser.js';
import { SUITE, type ScenarioEnv } from './env.js';
import { totp } from './totp.js';

/** The features the suite checks, in order: the columns of the README's compatibility table. */
export const FEATURES = [
  'login',
  'cookie sessions',
  'refresh',
  'MFA step-up',
  'logout',
  'back-channel logout',
  'organizations',
  'passwordless',
  'account linking',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface ScenarioResult {
  feature: Feature;
  ok: boolean;
  ms: number;
  /** Why it failed; never a token, code or cookie value. */
  error?: string;
}

export interface RuntimeReport {
  /** What the runtime calls itself (`navigator.userAgent`, or the harness's name for it). */
  agent: string;
  /** Whether `node:crypto` is reachable through `process.getBuiltinModule` (the SDK's fast AES-GCM path). */
  nodeCrypto: boolean;
  results: ScenarioResult[];
}

/** The SDK seals cookies with node:crypto where the runtime offers it this way, else with Web Crypto. */
function hasNodeCrypto(): boolean {
  const proc: unknown = Reflect.get(globalThis, 'process');
  const get = typeof proc === 'object' && proc !== null ? Reflect.get(proc, 'getBuiltinModule') : undefined;
  if (typeof get !== 'function') return false;
  try {
    const mod: unknown = get.call(proc, 'node:crypto');
    return (
      typeof mod === 'object' && mod !== null && typeof Reflect.get(mod, 'createCipheriv') === 'function'
    );
  } catch {
    return false;
  }
}

function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(what);
}

function expectStatus(visit: Visit, status: number, what: string): void {
  check(visit.status === status, `${what}: expected HTTP ${status}, got ${visit.status}`);
}

const isJwe = (value: unknown) => typeof value === 'string' && value.split('.').length === 5;

/** The emulator's count of token requests per grant type. */
async function grants(env: ScenarioEnv, grant: string): Promise<number> {
  const stats: unknown = await (await fetch(new URL('__dev/stats', env.issuer))).json();
  const count = typeof stats === 'object' && stats !== null ? Reflect.get(stats, grant) : undefined;
  return typeof count === 'number' ? count : 0;
}

/** The newest message in the emulator's outbox (its `code` and, for a magic link, its `link`). */
async function lastSent(env: ScenarioEnv): Promise<{ code?: unknown; link?: unknown }> {
  const outbox: unknown = await (await fetch(new URL('__dev/outbox', env.issuer))).json();
  const last: unknown = Array.isArray(outbox) ? outbox.at(-1) : undefined;
  return typeof last === 'object' && last !== null
    ? { code: Reflect.get(last, 'code'), link: Reflect.get(last, 'link') }
    : {};
}

/** The session cookie's name(s) among `Set-Cookie` lines that carry a value. */
const sessionWrites = (visit: Visit) =>
  visit.setCookie.filter((line) => /^__a0_session(\.\d+)?=[^;]/.test(line) && !/max-age=0/i.test(line));

/** The `connection|user_id` of each account linked to the user in `/me`'s `identities` (their login aside). */
function linkedAccounts(me: Visit): string[] {
  const identities: unknown = me.json().identities;
  if (!Array.isArray(identities)) return [];
  return identities.slice(1).flatMap((identity: unknown) => {
    if (typeof identity !== 'object' || identity === null) return [];
    const connection: unknown = Reflect.get(identity, 'connection');
    const userId: unknown = Reflect.get(identity, 'user_id');
    return typeof connection === 'string' && typeof userId === 'string' ? [`${connection}|${userId}`] : [];
  });
}

/**
 * Runs every scenario in order against `app` (served by the runtime at `env.appOrigin`, so the
 * emulator can reach its back-channel logout route) and the emulator at `env.issuer`. A failure is
 * recorded and the next scenario still runs.
 */
export async function runScenarios(env: ScenarioEnv, app: SuiteApp, agent: string): Promise<RuntimeReport> {
  const alice = new Browser(env.appOrigin, env.issuer, app.fetch);
  const user = { email: SUITE.user.email, password: SUITE.user.password };

  const scenarios: Record<Feature, () => Promise<void>> = {
    async login() {
      const callback = await alice.login('/auth', user);
      expectStatus(callback, 302, 'the callback');
      check(callback.location === '/', `the callback sent the browser to ${callback.location}`);
      check(sessionWrites(callback).length > 0, 'the callback set no session cookie');
    },

    async 'cookie sessions'() {
      const me = await alice.visit('/me');
      expectStatus(me, 200, 'GET /me with the session cookie');
      check(me.json().sub === SUITE.user.userId, 'the session is not the test user');
      const stranger = new Browser(env.appOrigin, env.issuer, app.fetch);
      expectStatus(await stranger.visit('/me'), 401, 'GET /me without cookies');
      for (const [name, value] of alice.app.entries()) {
        if (!name.startsWith('__a0_session')) continue;
        // The second-to-last character: all six of its bits are data (the last one's are partly padding).
        const flipped = value.slice(0, -2) + (value.at(-2) === 'A' ? 'B' : 'A') + value.slice(-1);
        stranger.app.set(name, flipped);
      }
      check(stranger.app.entries().length > 0, 'no session cookie to tamper with');
      expectStatus(await stranger.visit('/me'), 401, 'GET /me with a tampered session cookie');
    },

    async refresh() {
      const before = await grants(env, 'refresh_token');
      const first = await alice.visit('/token');
      expectStatus(first, 200, 'GET /token');
      check(first.json().audience === SUITE.api, 'the token is not for the login audience');
      check(sessionWrites(first).length > 0, 'the refreshed session was not written back to the cookie');
      // The refresh token rotated: the second refresh must use the one the first wrote to the cookie.
      const second = await alice.visit('/token');
      expectStatus(second, 200, 'GET /token with the rotated refresh token');
      const after = await grants(env, 'refresh_token');
      check(after - before === 2, `expected 2 refresh_token grants at the emulator, saw ${after - before}`);
      check(Number(second.json().expiresAt) > Date.now() / 1000, 'the refreshed token is already expired');
    },

    async 'MFA step-up'() {
      const need = await alice.visit('/payments');
      expectStatus(need, 403, 'GET /payments before MFA');
      const body = need.json();
      check(body.error === 'mfa_required', `expected mfa_required, got ${String(body.error)}`);
      check(isJwe(body.mfaToken), 'the mfa token is not sealed as a JWE');
      const mfaToken = String(body.mfaToken);
      const listed = await alice.visit('/auth/mfa/authenticators', { headers: { 'mfa-token': mfaToken } });
      expectStatus(listed, 200, 'GET /auth/mfa/authenticators');
      const authenticators = listed.json().authenticators;
      check(
        Array.isArray(authenticators) &&
          authenticators.some(
            (a: unknown) =>
              typeof a === 'object' && a !== null && Reflect.get(a, 'authenticatorType') === 'otp',
          ),
        'the enrolled authenticator app is not listed',
      );
      const wrong = await alice.post('/auth/mfa/verify', { mfaToken, otp: '000000' });
      check(wrong.status >= 400 && wrong.status < 500, `a wrong code answered HTTP ${wrong.status}`);
      const verified = await alice.post('/auth/mfa/verify', { mfaToken, otp: await totp(env.otpSecret) });
      expectStatus(verified, 200, 'POST /auth/mfa/verify with the TOTP');
      check(verified.json().audience === SUITE.payments, 'the verified token is not for the step-up API');
      check(!/accessToken|refreshToken|idToken/.test(verified.text), 'the verify answer exposes tokens');
      const paid = await alice.visit('/payments');
      expectStatus(paid, 200, 'GET /payments after MFA');
    },

    async logout() {
      const out = await alice.visit('/auth/logout');
      expectStatus(out, 302, 'GET /auth/logout');
      check(out.location.startsWith(env.issuer), 'logout did not go to the emulator');
      check(
        out.setCookie.some((line) => /^__a0_session(\.\d+)?=/.test(line) && /max-age=0/i.test(line)),
        'logout did not delete the session cookie',
      );
      expectStatus(await alice.visit('/me'), 401, 'GET /me after logout');
      const back = await alice.atIdp(out.location);
      check(back.startsWith(env.appOrigin), 'the emulator did not send the browser back to the app');
    },

    async 'back-channel logout'() {
      const bob = new Browser(env.appOrigin, env.issuer, app.fetch);
      expectStatus(await bob.login('/s/auth', user), 302, 'the callback of the stateful app');
      expectStatus(await bob.visit('/s/me'), 200, 'GET /s/me with the server-side session');
      const sessionsBefore = app.sessions.size;
      check(sessionsBefore > 0, 'no server-side session was stored');
      // Ending the session at the emulator makes it POST a logout token to the app over HTTP.
      const end = new URL('v2/logout', env.issuer);
      end.searchParams.set('client_id', SUITE.statefulClientId);
      end.searchParams.set('returnTo', `${env.appOrigin}/`);
      await bob.atIdp(end.href);
      const deadline = Date.now() + 10_000;
      while (app.sessions.size >= sessionsBefore && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      check(app.sessions.size < sessionsBefore, 'the back-channel logout did not remove the session');
      expectStatus(await bob.visit('/s/me'), 401, 'GET /s/me after the back-channel logout');
    },

    async organizations() {
      // The tenant's admin invites dave; Auth0 mails him a link to the app's login route.
      const made = await fetch(new URL('__dev/invitations', env.issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          organization: SUITE.organization.name,
          email: SUITE.invitee.email,
          client_id: SUITE.clientId,
        }),
      });
      check(made.status === 201, `POST /__dev/invitations answered ${made.status}`);
      const link = new URL(String(Reflect.get(await made.json(), 'url')));
      check(link.origin === env.appOrigin, 'the invitation link is not for the app');
      const dave = new Browser(env.appOrigin, env.issuer, app.fetch);
      const start = await dave.visit(`${link.pathname}${link.search}`, { accept: 'text/html' });
      expectStatus(start, 302, 'the invitation link');
      const authorize = new URL(start.location);
      check(
        authorize.searchParams.get('organization') === SUITE.organization.id &&
          authorize.searchParams.has('invitation'),
        'the login did not send the organization and the invitation',
      );
      const callback = await dave.atIdp(start.location, SUITE.invitee);
      expectStatus(await dave.visit(callback, { accept: 'text/html' }), 302, 'the invitation callback');
      const inside = await dave.visit('/acme');
      expectStatus(inside, 200, 'GET /acme after the invitation login');
      check(inside.json().org_id === SUITE.organization.id, 'the session has no org_id');
      // A login into no organization is not a login into acme.
      const plain = new Browser(env.appOrigin, env.issuer, app.fetch);
      expectStatus(await plain.login('/auth', user), 302, 'a login without an organization');
      const refused = await plain.visit('/acme');
      expectStatus(refused, 403, 'GET /acme after a login into no organization');
      check(refused.json().error === 'organization_required', 'expected organization_required');
    },

    async passwordless() {
      const carol = new Browser(env.appOrigin, env.issuer, app.fetch);
      const email = SUITE.user.email;
      expectStatus(await carol.post('/passwordless/start', { email }), 204, 'POST /passwordless/start');
      const code = (await lastSent(env)).code;
      check(typeof code === 'string' && /^\d{6}$/.test(code), 'no code in the emulator outbox');
      const wrong = await carol.post('/passwordless/verify', {
        email,
        code: code === '000000' ? '111111' : '000000',
      });
      expectStatus(wrong, 403, 'POST /passwordless/verify with a wrong code');
      expectStatus(
        await carol.post('/passwordless/verify', { email, code }),
        200,
        'POST /passwordless/verify',
      );
      expectStatus(await carol.visit('/me'), 200, 'GET /me after the email code');

      // The magic link: the emulator sends the browser back to the app, which completes it.
      const dave = new Browser(env.appOrigin, env.issuer, app.fetch);
      expectStatus(
        await dave.post('/passwordless/start', { email, link: true }),
        204,
        'POST /passwordless/start (link)',
      );
      const link = (await lastSent(env)).link;
      check(typeof link === 'string' && link.startsWith(env.issuer), 'no magic link in the emulator outbox');
      const back = new URL(await dave.atIdp(link));
      check(back.pathname === '/passwordless/callback', 'the magic link did not lead back to the app');
      expectStatus(await dave.visit(`${back.pathname}${back.search}`), 302, 'the magic link callback');
      const me = await dave.visit('/me');
      expectStatus(me, 200, 'GET /me after the magic link');
      check(me.json().sub === SUITE.user.userId, 'the magic link session is not the test user');
    },

    async 'account linking'() {
      const erin = new Browser(env.appOrigin, env.issuer, app.fetch);
      const { connection, account } = SUITE.linked;
      const linkedId = `${connection}|${account.userId}`;
      const anonymous = await erin.post('/linking/link', { connection });
      expectStatus(anonymous, 401, 'POST /linking/link without a session');
      check(anonymous.json().error === 'login_required', 'expected login_required (MissingSessionError)');
      expectStatus(await erin.login('/auth', user), 302, 'the login before linking');
      const before = await erin.visit('/me');
      expectStatus(before, 200, 'GET /me before linking');
      check(linkedAccounts(before).length === 0, 'the user has a linked account before linking');

      // Each round trip: the app's start, the emulator's page, then the app's /auth/callback lands on /me.
      const roundTrip = async (flow: 'link' | 'unlink', scope: string) => {
        const start = await erin.post(`/linking/${flow}`, { connection });
        expectStatus(start, 303, `POST /linking/${flow}`);
        const authorize = new URL(start.location);
        check(start.location.startsWith(env.issuer), `the ${flow} did not redirect to the emulator`);
        check(
          authorize.searchParams.get('scope')?.split(' ').includes(scope) &&
            authorize.searchParams.get('requested_connection') === connection &&
            authorize.searchParams.has('id_token_hint'),
          `the ${flow} request lacks ${scope}, requested_connection or id_token_hint`,
        );
        const callback = new URL(await erin.atIdp(start.location, user, account));
        check(callback.pathname === '/auth/callback', `the ${flow} did not return to /auth/callback`);
        const landed = await erin.visit(`${callback.pathname}${callback.search}`, { accept: 'text/html' });
        expectStatus(landed, 302, `the ${flow} callback`);
        check(landed.location === '/me', `the ${flow} callback sent the browser to ${landed.location}`);
        check(sessionWrites(landed).length > 0, `the ${flow} did not write the session cookie`);
        const me = await erin.visit('/me');
        expectStatus(me, 200, `GET /me after the ${flow}`);
        check(me.json().sub === SUITE.user.userId, `the session after the ${flow} is not the test user's`);
        return linkedAccounts(me);
      };

      const linked = await roundTrip('link', 'link_account');
      check(linked.includes(linkedId), `the identities after linking are [${linked.join(', ')}]`);
      const unlinked = await roundTrip('unlink', 'unlink_account');
      check(!unlinked.includes(linkedId), `the identities after unlinking are [${unlinked.join(', ')}]`);
    },
  };

  const results: ScenarioResult[] = [];
  for (const feature of FEATURES) {
    const started = Date.now();
    try {
      await scenarios[feature]();
      results.push({ feature, ok: true, ms: Date.now() - started });
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      results.push({ feature, ok: false, ms: Date.now() - started, error });
    }
  }
  return { agent, nodeCrypto: hasNodeCrypto(), results };
}

/** The lines a runtime prints: one per scenario, then the report as JSON for the harness. */
export function formatReport(report: RuntimeReport): string[] {
  return [
    ...report.results.map(
      (r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.feature} (${r.ms} ms)${r.error ? `: ${r.error}` : ''}`,
    ),
    `AES-GCM through ${report.nodeCrypto ? 'node:crypto' : 'Web Crypto'}`,
    `REPORT ${JSON.stringify(report)}`,
  ];
}
