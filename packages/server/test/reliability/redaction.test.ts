import { inspect } from 'node:util';
import { startEmulator } from 'auth0-emulator';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import {
  BackchannelLogoutError,
  CallbackError,
  CookieTransactionStore,
  IdTokenValidationError,
  LoginRequiredError,
  MemorySessionStore,
  MfaRequiredError,
  MfaTokenExpiredError,
  MfaTokenInvalidError,
  RequestError,
  ServerClient,
  ServerError,
  StatefulStateStore,
  StatelessStateStore,
} from '../../src/index.js';
import {
  RedisCoordinator,
  RedisReplayStore,
  RedisSessionStore,
  RedisTransactionStore,
} from '../../src/redis/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { SECRET, setup } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { secretValues } from '../helpers/fault-proxy.js';
import '../helpers/reliability-meta.js';
import { EMULATOR_SIGNING_KEY } from '../../../../test/keys.js';

/** Every way an object reaches a log: console.log / util.inspect (hidden fields too), JSON, String. */
function logged(value: unknown): string {
  return [
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    inspect(value),
    JSON.stringify(value) ?? '',
    String(value),
  ].join('\n');
}

describe('redaction: no SDK object shows a token or secret when logged', () => {
  it('ServerClient, client.mfa, every store and every error class, holding a live session', async ({
    task,
  }) => {
    const jar = new CookieJar();
    const backend = new MemorySessionStore();
    const stateful = new StatefulStateStore({ secret: SECRET, store: backend }, jar);
    const t = await setup({ stateStore: stateful });
    await t.login();
    const session = await t.client.getSession();
    const sealed = await t.client.mfa.encryptMfaToken({ mfaToken: 'raw-mfa-token-value-1234' });
    const stored = await stateful.get('__a0_session');
    if (!stored) throw new Error('no session');
    const stateless = new StatelessStateStore({ secret: SECRET }, jar);
    await stateless.set('__a0_other', stored, true);
    const cookieTx = new CookieTransactionStore({ secret: SECRET }, jar);
    const memoryState = new MemoryStateStore();
    await memoryState.set('__a0_session', stored);

    const cause = new Error('underlying');
    const objects: Record<string, unknown> = {
      ServerClient: t.client,
      MfaClient: t.client.mfa,
      StatefulStateStore: stateful,
      StatelessStateStore: stateless,
      CookieTransactionStore: cookieTx,
      MemorySessionStore: backend,
      MemoryStateStore: memoryState,
      MemoryTransactionStore: t.transactionStore,
      MfaRequiredError: new MfaRequiredError(sealed, { challenge: [{ type: 'otp' }] }),
      RequestError: new RequestError('request_failed', 'Could not reach the server', {}, { cause }),
      ServerError: new ServerError('The server answered invalid_request', {
        error: 'invalid_request',
        status: 400,
      }),
      LoginRequiredError: new LoginRequiredError('Log in again'),
      CallbackError: new CallbackError('missing_transaction', 'No transaction'),
      IdTokenValidationError: new IdTokenValidationError('ID token validation failed', 'aud'),
      BackchannelLogoutError: new BackchannelLogoutError('logout_token_invalid', 'bad', 'jti'),
      MfaTokenExpiredError: new MfaTokenExpiredError('expired'),
      MfaTokenInvalidError: new MfaTokenInvalidError('invalid'),
    };
    const secrets = [
      ...t.tenant.secrets(),
      SECRET,
      t.tenant.clientSecret,
      sealed,
      'raw-mfa-token-value-1234',
      session?.idToken ?? '',
      session?.refreshToken ?? '',
      ...(session?.tokenSets.map((s) => s.accessToken) ?? []),
      ...Object.values(jar.getCookies()),
    ].filter((s) => s.length >= 8);
    expect(secrets.length).toBeGreaterThan(6);
    for (const [name, value] of Object.entries(objects)) {
      const text = logged(value);
      for (const secret of secrets) expect(text, name).not.toContain(secret);
    }
    // The logged forms still say what the object is.
    expect(inspect(t.client)).toContain(t.tenant.clientId);
    expect(inspect(objects.MfaRequiredError)).toContain('mfa_required');
    expect(JSON.stringify(objects.MfaRequiredError)).toContain('"code":"mfa_required"');
    task.meta.reliability = { objects: Object.keys(objects).length, secretsChecked: secrets.length };
  });
});

describe('redaction: the Redis stores', () => {
  it('show their key prefix only, never the ioredis client with its password or the secret', () => {
    const password = 'redis-password-never-logged-1234';
    // Never connected: what is logged is the object, not what Redis holds.
    const client = new Redis({ host: '127.0.0.1', port: 1, password, lazyConnect: true });
    const options = { client, secret: SECRET, prefix: 'app:' };
    const objects = {
      RedisSessionStore: new RedisSessionStore(options),
      RedisTransactionStore: new RedisTransactionStore(options),
      RedisReplayStore: new RedisReplayStore(options),
      RedisCoordinator: new RedisCoordinator(options),
    };
    // The client itself would print it: the check below can fail.
    expect(logged(client)).toContain(password);
    for (const [name, value] of Object.entries(objects)) {
      const text = logged(value);
      expect(text, name).not.toContain(password);
      expect(text, name).not.toContain(SECRET);
      expect(inspect(value), name).toBe(`${name} { prefix: 'app:' }`);
    }
    client.disconnect();
  });
});

describe("redaction: the emulator's log lines", () => {
  it('print no access, refresh, ID or mfa token, client secret or password through login, refresh, step-up and logout', async ({
    task,
  }) => {
    const lines: string[] = [];
    const clientSecret = 'app-secret-at-least-32-characters!!';
    const redirectUri = 'http://127.0.0.1:3999/auth/callback';
    const em = await startEmulator({
      port: 0,
      signingKey: EMULATOR_SIGNING_KEY,
      log: (line) => lines.push(line),
      config: {
        clients: [{ client_id: 'app', client_secret: clientSecret, redirect_uris: [redirectUri] }],
        users: [
          {
            user_id: 'auth0|log',
            email: 'log@example.com',
            password: 'Passw0rd!-log',
            authenticators: [{ type: 'email', email: 'log@example.com' }],
          },
        ],
        apis: [{ audience: 'https://bank.example.com', mfa: 'required', scopes: ['transfer'] }],
        ttl: { accessToken: 30 },
      },
    });
    const wire: string[] = [];
    try {
      const client = new ServerClient({
        domain: em.issuer,
        clientId: 'app',
        clientSecret,
        secret: SECRET,
        authorizationParams: { redirect_uri: redirectUri },
        stateStore: new MemoryStateStore(),
        transactionStore: new MemoryTransactionStore(),
        customFetch: async (input, init) => {
          const res = await fetch(input, init);
          const text = await res.clone().text();
          wire.push(...secretValues(text, res.headers.get('content-type') ?? undefined));
          if (typeof init?.body === 'string')
            wire.push(...secretValues(init.body, new Headers(init.headers).get('content-type') ?? undefined));
          return res;
        },
      });
      const url = await client.startInteractiveLogin();
      await client.completeInteractiveLogin(
        await em.login(url.href, { email: 'log@example.com', password: 'Passw0rd!-log' }),
      );
      await client.getAccessToken();
      const err = await client
        .getAccessToken({ audience: 'https://bank.example.com', scope: 'transfer' })
        .catch((e: unknown) => e);
      if (!(err instanceof MfaRequiredError)) throw new Error('expected a step-up');
      const [factor] = await client.mfa.listAuthenticators({ mfaToken: err.mfaToken });
      const { oobCode } = await client.mfa.challengeAuthenticator({
        mfaToken: err.mfaToken,
        challengeType: 'oob',
        authenticatorId: factor?.id,
      });
      const bindingCode = em.mfa.outbox().find((e) => e.oob_code === oobCode)?.code ?? '';
      await client.mfa.verify({ mfaToken: err.mfaToken, oobCode: oobCode ?? '', bindingCode });
      await client.logout();
    } finally {
      await em.close();
    }
    // The code "sent" by email is printed on purpose (it is the development delivery channel); the
    // oob_code and binding code are compared apart from it.
    const tokens = wire.filter((v) => v.length >= 16);
    expect(tokens.length).toBeGreaterThan(5);
    const log = lines.join('\n');
    for (const secret of [...tokens, clientSecret, 'Passw0rd!-log']) expect(log).not.toContain(secret);
    task.meta.reliability = { logLines: lines.length, valuesChecked: tokens.length + 2 };
  });
});
