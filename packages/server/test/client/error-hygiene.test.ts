import { describe, expect, it, vi } from 'vitest';
import { json } from 'auth0-test-kit';
import { nowSeconds, setup, SECRET } from '../helpers/client.js';

/** Everything an error exposes, as a log line or an error reporter would see it. */
function surface(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    parts.push(e.message, String(e.stack), JSON.stringify(e), String(e));
  }
  return parts.join('\n');
}

describe('errors carry no token, code, secret or cookie value', () => {
  it('in any failure of login, refresh and logout', async () => {
    const { client, tenant, stateStore, login } = await setup();
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => errors.push(e),
      );

    await login();
    const session = await stateStore.get('__a0_session');
    if (!session) throw new Error('no session');
    await stateStore.set('__a0_session', {
      ...session,
      tokenSets: session.tokenSets.map((t) => ({ ...t, expiresAt: nowSeconds() })),
    });

    const answers: (() => Response | Promise<Response>)[] = [
      () => json({ error: 'server_error', error_description: 'boom' }, 500),
      () => new Response('<html>fake-at-leak</html>', { status: 502 }),
      () =>
        new Response('{"access_token":"fake-at-truncated', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      () => {
        hung();
        return new Promise<Response>(() => undefined);
      },
      () => json({ error: 'invalid_grant' }, 403),
      () => json({ error: 'mfa_required', mfa_token: 'fake-raw-mfa' }, 403),
      () => Promise.reject(new TypeError(`fetch failed for ${session.refreshToken}`)),
    ];
    // The hanging answer's deadline (httpTimeout, 10 s by default) runs on a fake clock moved on once the
    // request hangs, so the healthy exchanges around it never share a short deadline.
    let hung = () => undefined as void;
    const whenHung = async (call: Promise<unknown>) => {
      const hanging = new Promise<void>((resolve) => (hung = resolve));
      await Promise.race([hanging, call]);
      await vi.advanceTimersByTimeAsync(10_000);
      await call;
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const answer of answers) {
      tenant.intercept = (endpoint) => (endpoint === 'refresh' ? answer() : undefined);
      await whenHung(capture(client.getAccessToken()));
      await whenHung(capture(client.getTokenByRefreshToken({ refreshToken: session.refreshToken ?? '' })));
    }
    vi.useRealTimers();
    tenant.intercept = undefined;

    const url = await client.startInteractiveLogin();
    const callback = await tenant.authorize(url);
    await client.completeInteractiveLogin(callback);
    await capture(client.completeInteractiveLogin(callback));
    callback.searchParams.set('state', 'x');
    await capture(client.completeInteractiveLogin(callback));
    await capture(client.handleBackchannelLogout(session.idToken ?? ''));

    expect(errors.length).toBe(answers.length * 2 + 3);
    const secrets = [...tenant.secrets(), SECRET, 'fake-raw-mfa', 'fake-at-leak', 'fake-at-truncated'];
    for (const err of errors) {
      const text = surface(err);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
