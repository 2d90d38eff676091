import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChangePasswordError, SignUpError } from '../../src/index.js';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

const CONNECTION = 'Username-Password-Authentication';

describe('client.database against auth0-emulator', () => {
  let app: EmulatorApp;
  beforeAll(async () => {
    app = await startEmulatorApp();
  });
  beforeEach(() => app.em.reset());
  afterAll(() => app.close());

  it('signUp creates a user who can then log in, and writes no session', async () => {
    const user = await app.client.database.signUp({
      email: 'dana@example.com',
      password: 'Str0ng!pass',
      connection: CONNECTION,
      givenName: 'Dana',
      userMetadata: { plan: 'free' },
    });
    expect(user).toMatchObject({
      id: expect.any(String),
      email: 'dana@example.com',
      emailVerified: false,
      givenName: 'Dana',
      userMetadata: { plan: 'free' },
    });
    expect(await app.client.getSession()).toBeUndefined();
    const url = await app.client.startInteractiveLogin();
    await app.client.completeInteractiveLogin(
      await app.em.login(url.href, { email: 'dana@example.com', password: 'Str0ng!pass' }),
    );
    expect((await app.client.getUser())?.email).toBe('dana@example.com');
  });

  it('signUp refuses a taken email (invalid_signup) and a weak password (invalid_password), without the password in the error', async () => {
    const taken = await app.client.database
      .signUp({ email: 'alice@example.com', password: 'Str0ng!pass', connection: CONNECTION })
      .catch((err: unknown) => err);
    expect(taken).toBeInstanceOf(SignUpError);
    expect(taken).toMatchObject({ code: 'signup_failed', error: 'invalid_signup', status: 400 });
    const weak = await app.client.database
      .signUp({ email: 'erin@example.com', password: 'weakpass', connection: CONNECTION })
      .catch((err: unknown) => err);
    expect(weak).toMatchObject({
      code: 'signup_failed',
      error: 'invalid_password',
      errorDescription: 'Password is too weak',
    });
    expect(JSON.stringify(weak) + String(weak)).not.toContain('weakpass');
  });

  it("changePassword returns Auth0's message; the emailed link sets a new password the user logs in with", async () => {
    const message = await app.client.database.changePassword({
      email: 'alice@example.com',
      connection: CONNECTION,
    });
    expect(message).toBe("We've just sent you an email to reset your password.");
    const link = app.em.mfa.outbox().at(-1)?.link ?? '';
    const ticket = new URL(link).searchParams.get('ticket') ?? '';
    const set = await fetch(new URL('lo/reset', app.em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket, password: 'N3w!password' }),
    });
    expect(set.status).toBe(200);
    const url = await app.client.startInteractiveLogin();
    await app.client.completeInteractiveLogin(
      await app.em.login(url.href, { email: 'alice@example.com', password: 'N3w!password' }),
    );
    expect((await app.client.getUser())?.sub).toBe('auth0|alice');
  });

  it('changePassword with an unknown connection is a ChangePasswordError; without email or username a TypeError', async () => {
    await expect(
      app.client.database.changePassword({ email: 'alice@example.com', connection: 'nope' }),
    ).rejects.toSatisfy((err) => err instanceof ChangePasswordError && err.error === 'bad.connection');
    await expect(app.client.database.changePassword({ connection: CONNECTION })).rejects.toThrow(TypeError);
  });
});
