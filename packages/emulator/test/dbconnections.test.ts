import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { CLIENT_ID, start, token } from './support.js';

const CONNECTION = 'Username-Password-Authentication';

async function post(em: Emulator, path: string, body: Record<string, unknown>) {
  const res = await fetch(new URL(path, em.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, connection: CONNECTION, ...body }),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

const passwordLogin = (em: Emulator, email: string, password: string) =>
  token(em, { grant_type: 'password', username: email, password, scope: 'openid' });

describe('database connections', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  beforeEach(() => em.reset());
  afterAll(() => em.close());

  it('signup creates a user who can then log in', async () => {
    const res = await post(em, 'dbconnections/signup', {
      email: 'dana@example.com',
      password: 'Str0ng!pass',
      given_name: 'Dana',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      _id: expect.any(String),
      email: 'dana@example.com',
      email_verified: false,
      given_name: 'Dana',
    });
    expect((await passwordLogin(em, 'dana@example.com', 'Str0ng!pass')).status).toBe(200);
  });

  it('signup refuses a taken email with invalid_signup and a weak password with invalid_password', async () => {
    const taken = await post(em, 'dbconnections/signup', {
      email: 'alice@example.com',
      password: 'Str0ng!pass',
    });
    expect(taken.status).toBe(400);
    expect(JSON.parse(taken.text)).toEqual({
      name: 'BadRequestError',
      code: 'invalid_signup',
      description: 'Invalid sign up',
      statusCode: 400,
    });
    const weak = await post(em, 'dbconnections/signup', { email: 'erin@example.com', password: 'short' });
    expect(weak.status).toBe(400);
    expect(JSON.parse(weak.text)).toMatchObject({ name: 'PasswordStrengthError', code: 'invalid_password' });
  });

  it("change_password answers plain text, mails a link, and the link's page sets a new password once", async () => {
    const res = await post(em, 'dbconnections/change_password', { email: 'alice@example.com' });
    expect(res).toMatchObject({ status: 200, text: "We've just sent you an email to reset your password." });
    expect(res.type).toMatch(/^text\/plain/);
    const link = em.mfa.outbox().at(-1);
    expect(link).toMatchObject({ to: 'alice@example.com', purpose: 'password_reset' });
    const page = await fetch(link?.link ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-step="reset-password"');
    const ticket = new URL(link?.link ?? '').searchParams.get('ticket') ?? '';
    const submit = (password: string) =>
      fetch(new URL('lo/reset', em.issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ticket, password }),
      });
    expect((await submit('weak')).status).toBe(400);
    expect((await submit('N3w!password')).status).toBe(200);
    expect((await passwordLogin(em, 'alice@example.com', 'N3w!password')).status).toBe(200);
    expect((await passwordLogin(em, 'alice@example.com', 'Passw0rd!')).status).toBe(403);
    expect((await submit('An0ther!password')).status).toBe(404);
  });

  it('change_password for an unknown user answers the same and sends nothing', async () => {
    const before = em.mfa.outbox().length;
    const res = await post(em, 'dbconnections/change_password', { email: 'nobody@example.com' });
    expect(res.status).toBe(200);
    expect(em.mfa.outbox()).toHaveLength(before);
  });
});
