import { generateTotp, type Emulator } from 'auth0-emulator';
import { MfaRequiredError, MfaTokenInvalidError, ServerClient } from 'auth0-server-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStateStore, MemoryTransactionStore } from '../../../packages/server/src/stores/index.js';
import { renderOtpForm, handleOtpForm } from './browser-round-trip.js';
import { factorsToChallenge, sendCode, verifyCode } from './challenge.js';
import { verifyStep } from './chained.js';
import { removeAuthenticator } from './delete.js';
import {
  confirmWithCode,
  enrollAuthenticatorApp,
  enrollPhoneOrEmail,
  enrollPush,
  factorsToOffer,
} from './enroll.js';
import { mfaErrorMessage } from './errors.js';
import { sendPush, waitForPush } from './push.js';
import { verifyRecoveryCode } from './recovery-code.js';
import { accessTokenOrStepUp, completeStepUpWithOtp } from './step-up.js';
import { startTestEmulator } from '../../../test/emulator.js';

const BANK = 'https://bank.example.com';
const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const PASSWORD = 'Passw0rd!';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PHONE = '+14155550100';

const user = (name: string, extra: Record<string, unknown> = {}) => ({
  user_id: `auth0|${name}`,
  email: `${name}@example.com`,
  password: PASSWORD,
  ...extra,
});

let em: Emulator;

beforeAll(async () => {
  em = await startTestEmulator({
    clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] }],
    users: [
      user('otp', { authenticators: [{ type: 'otp', secret: TOTP }] }),
      user('form', { authenticators: [{ type: 'otp', secret: TOTP }] }),
      user('wrong', { authenticators: [{ type: 'otp', secret: TOTP }] }),
      user('recovery', { authenticators: [{ type: 'otp', secret: TOTP }] }),
      user('sms', { authenticators: [{ type: 'sms', phone_number: PHONE }] }),
      user('push', { authenticators: [{ type: 'push' }] }),
      user('remove', {
        authenticators: [
          { type: 'otp', secret: TOTP },
          { type: 'sms', phone_number: PHONE },
        ],
      }),
      user('chained', {
        mfa_factors: 2,
        authenticators: [{ type: 'otp', secret: TOTP }, { type: 'email' }],
      }),
      user('new-otp'),
      user('new-sms'),
      user('new-voice'),
      user('new-email'),
      user('new-push'),
    ],
    apis: [{ audience: BANK, mfa: 'required', scopes: ['transfer'] }],
    mfa: { pushIntervalSeconds: 1 },
  });
});

afterAll(async () => {
  await em?.close();
});

/**
 * A ServerClient with its own session store, signed in as `name` (no MFA at login) with
 * offline_access, for `audience` when given. The step-up API is not part of the login: its token comes
 * from the refresh token when first asked for, as with an Auth0 multi-resource refresh token policy.
 */
async function signIn(name: string, audience?: string, scope = '', otp?: string) {
  const client = new ServerClient({
    domain: em.issuer,
    clientId: 'app',
    clientSecret: CLIENT_SECRET,
    secret: 'an-sdk-secret-that-is-long-enough-for-tests',
    authorizationParams: {
      redirect_uri: REDIRECT_URI,
      scope: `openid profile email offline_access ${scope}`.trim(),
      ...(audience === undefined ? {} : { audience }),
    },
    stateStore: new MemoryStateStore(),
    transactionStore: new MemoryTransactionStore(),
  });
  const url = await client.startInteractiveLogin();
  await client.completeInteractiveLogin(
    await em.login(url.href, { email: `${name}@example.com`, password: PASSWORD, ...(otp ? { otp } : {}) }),
  );
  return client;
}

/** Signs in and asks for the bank API, which answers mfa_required: the encrypted token. */
async function stepUp(name: string) {
  const client = await signIn(name);
  const first = await accessTokenOrStepUp(client, BANK);
  if (!('mfaRequired' in first)) throw new Error('expected a step-up');
  return { client, error: first.mfaRequired, mfaToken: first.mfaRequired.mfaToken };
}

async function lastCodeFor(oobCode: string): Promise<string> {
  const outbox: { oob_code: string; code: string }[] = await (
    await fetch(new URL('__dev/outbox', em.issuer))
  ).json();
  const entry = outbox.filter((e) => e.oob_code === oobCode).at(-1);
  if (!entry) throw new Error('no code was sent');
  return entry.code;
}

const answerPush = (oobCode: string, answer: 'approve' | 'deny', afterMs: number) =>
  setTimeout(
    () => void fetch(new URL(`__dev/push/${oobCode}/${answer}`, em.issuer), { method: 'POST' }),
    afterMs,
  );

/** All token requests the emulator received, of any grant type. */
const total = (stats: Record<string, number>) => Object.values(stats).reduce((sum, n) => sum + n, 0);

describe('docs/examples/mfa against auth0-emulator', () => {
  it('step-up: a login without the bank API gets MfaRequiredError from getAccessToken for it; verify by OTP; getAccessToken then returns the verified token with no token request', async () => {
    const { client, error, mfaToken } = await stepUp('otp');
    expect(error).toBeInstanceOf(MfaRequiredError);
    expect(error.mfaRequirements?.challenge).toContainEqual({ type: 'otp' });
    const context = await client.mfa.decryptMfaToken(mfaToken);
    expect(context).toMatchObject({ audience: BANK, session: expect.any(Object) });
    expect(JSON.stringify(error)).not.toContain(context.mfaToken);
    const loginToken = (await client.getAccessToken()).accessToken;

    const before = em.stats();
    const accessToken = await completeStepUpWithOtp(client, {
      mfaToken,
      otp: generateTotp(TOTP),
      audience: BANK,
    });
    const after = em.stats();
    expect(total(after) - total(before)).toBe(1); // the mfa-otp grant of verify(), nothing else
    expect(after.refresh_token).toBe(before.refresh_token);

    await expect(accessTokenOrStepUp(client, BANK)).resolves.toEqual({ accessToken });
    expect((await client.getAccessToken()).accessToken).toBe(loginToken);
    expect(total(em.stats())).toBe(total(after));
  });

  it('browser round trip: the encrypted token in a hidden field verifies for its session and is refused in another', async () => {
    const { client, mfaToken } = await stepUp('form');
    const html = renderOtpForm(mfaToken);
    const hidden = /name="mfa_token" value="([^"]*)"/.exec(html)?.[1] ?? '';
    const stranger = await signIn('new-otp');
    const form = new URLSearchParams({ mfa_token: hidden, otp: generateTotp(TOTP) });
    await expect(handleOtpForm(stranger, form)).rejects.toBeInstanceOf(MfaTokenInvalidError);
    await handleOtpForm(client, form);
    await expect(accessTokenOrStepUp(client, BANK)).resolves.toHaveProperty('accessToken');
  });

  it('a wrong code gives a readable error and leaves the session unchanged', async () => {
    const { client, mfaToken } = await stepUp('wrong');
    const session = await client.getSession();
    const err = await completeStepUpWithOtp(client, { mfaToken, otp: '000000', audience: BANK }).catch(
      (e: unknown) => e,
    );
    expect(mfaErrorMessage(err)).toBe('That code is not right, or the request was rejected.');
    expect(await client.getSession()).toEqual(session);
  });

  it('enrolls an authenticator app (QR code) and confirms it with its first code', async () => {
    const { client, mfaToken } = await stepUp('new-otp');
    expect(await factorsToOffer(client, mfaToken)).toContain('otp');
    const { qrCodeUri, secret, recoveryCodes } = await enrollAuthenticatorApp(client, mfaToken);
    expect(qrCodeUri).toMatch(/^otpauth:\/\/totp\//);
    expect(recoveryCodes?.length).toBeGreaterThan(0);
    await client.mfa.verify({ mfaToken, otp: generateTotp(secret) });
    await expect(accessTokenOrStepUp(client, BANK)).resolves.toHaveProperty('accessToken');
  });

  it.each([
    ['new-sms', { factorType: 'sms', phoneNumber: PHONE }],
    ['new-voice', { factorType: 'voice', phoneNumber: PHONE }],
    ['new-email', { factorType: 'email', email: 'new-email@example.com' }],
  ] as const)(
    '%s: enrolls by code sent through the outbox, confirmed with the binding code',
    async (name, factor) => {
      const { client, mfaToken } = await stepUp(name);
      const { oobCode } = await enrollPhoneOrEmail(client, { mfaToken, ...factor });
      await confirmWithCode(client, { mfaToken, oobCode, bindingCode: await lastCodeFor(oobCode) });
      await expect(accessTokenOrStepUp(client, BANK)).resolves.toHaveProperty('accessToken');
    },
  );

  it('enrolls push and waits for the approval', async () => {
    const { client, mfaToken } = await stepUp('new-push');
    const { qrCodeUri, oobCode } = await enrollPush(client, mfaToken);
    expect(qrCodeUri).toMatch(/^otpauth:/);
    answerPush(oobCode, 'approve', 300);
    await client.mfa.waitForApproval({ mfaToken, oobCode, intervalMs: 1000 });
    await expect(accessTokenOrStepUp(client, BANK)).resolves.toHaveProperty('accessToken');
  });

  it('challenges an SMS authenticator and verifies the code with its binding code', async () => {
    const { client, mfaToken } = await stepUp('sms');
    const [sms] = await factorsToChallenge(client, mfaToken);
    expect(sms?.label).toBe('sms');
    const oobCode = await sendCode(client, { mfaToken, authenticatorId: sms?.id ?? '' });
    await verifyCode(client, { mfaToken, oobCode, bindingCode: await lastCodeFor(oobCode) });
    await expect(accessTokenOrStepUp(client, BANK)).resolves.toHaveProperty('accessToken');
  });

  it('sends a push and waits through authorization_pending until approved', async () => {
    const { client, mfaToken } = await stepUp('push');
    const [push] = await client.mfa.listAuthenticators({ mfaToken });
    expect(push?.oobChannel).toBe('auth0');
    const oobCode = await sendPush(client, { mfaToken, authenticatorId: push?.id ?? '' });
    answerPush(oobCode, 'approve', 1500);
    await waitForPush(client, { mfaToken, oobCode, intervalMs: 1000 });
    await expect(accessTokenOrStepUp(client, BANK)).resolves.toHaveProperty('accessToken');
  });

  it('a denied push ends the wait with invalid_grant', async () => {
    const { client, mfaToken } = await stepUp('push');
    const [push] = await client.mfa.listAuthenticators({ mfaToken });
    const oobCode = await sendPush(client, { mfaToken, authenticatorId: push?.id ?? '' });
    answerPush(oobCode, 'deny', 200);
    const err = await waitForPush(client, { mfaToken, oobCode, intervalMs: 1000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'server_error', error: 'invalid_grant' });
    expect(mfaErrorMessage(err)).toBe('That code is not right, or the request was rejected.');
  });

  it('verifies a recovery code and returns the new one', async () => {
    const { client, mfaToken } = await stepUp('recovery');
    const seeded = em.seededUsers.find((u) => u.userId === 'auth0|recovery');
    const { newRecoveryCode } = await verifyRecoveryCode(client, {
      mfaToken,
      recoveryCode: seeded?.recoveryCode ?? '',
    });
    expect(newRecoveryCode).toEqual(expect.any(String));
    expect(newRecoveryCode).not.toBe(seeded?.recoveryCode);
  });

  it('chained MFA: the first factor yields a new encrypted token, the second completes', async () => {
    const { client, mfaToken } = await stepUp('chained');
    const first = await verifyStep(client, { mfaToken, otp: generateTotp(TOTP) });
    if (first.done) throw new Error('expected a second factor');
    expect(first.factors).toContain('email');
    const [email] = await client.mfa.listAuthenticators({ mfaToken: first.mfaToken });
    const oobCode = await sendCode(client, { mfaToken: first.mfaToken, authenticatorId: email?.id ?? '' });
    const second = await verifyStep(client, {
      mfaToken: first.mfaToken,
      oobCode,
      bindingCode: await lastCodeFor(oobCode),
    });
    expect(second).toEqual({ done: true });
    await expect(accessTokenOrStepUp(client, BANK)).resolves.toHaveProperty('accessToken');
  });

  it('deletes an authenticator with an MFA API token obtained through the session', async () => {
    // A token for the MFA API needs MFA once the user has an active factor, as on Auth0.
    const mfaApi = new URL('mfa/', em.issuer).href;
    const client = await signIn('remove', mfaApi, 'remove:authenticators', generateTotp(TOTP));
    const seeded = em.seededUsers.find((u) => u.userId === 'auth0|remove');
    const sms = seeded?.authenticators.find((a) => a.oob_channel === 'sms');
    await removeAuthenticator(client, sms?.id ?? '');
    await expect(removeAuthenticator(client, sms?.id ?? '')).rejects.toMatchObject({ status: 404 });
  });
});
