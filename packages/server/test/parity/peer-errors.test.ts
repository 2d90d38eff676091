import { describe, expect, it } from 'vitest';
import {
  CallbackError,
  InvalidConfigurationError,
  LoginRequiredError,
  MfaVerifyError,
  MissingRequiredArgumentError,
  MissingSessionError,
  MissingTransactionError,
  ServerClient,
  ServerError,
  TokenByCodeError,
  TokenByRefreshTokenError,
} from '../../src/index.js';
import { setup } from '../helpers/client.js';
import { json } from 'auth0-test-kit';
import { makeState } from '../helpers/state.js';
import { sealed, setup as mfaSetup } from '../mfa/harness.js';

// What a peer user's catch blocks test (auth0-server-js 1.12 errors.ts, auth0-auth-js errors.ts):
// the class by name, its `code`, and the server's answer in `cause.error` / `cause.error_description`.
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('resolved'),
    (err: unknown) => err,
  );

describe("the peer's error classes hold for our errors", () => {
  it('a callback without a transaction is a MissingTransactionError and a CallbackError', async () => {
    const { client } = await setup();
    const err = await caught(
      client.completeInteractiveLogin('https://app.example.com/auth/callback?code=c&state=s'),
    );
    expect(err).toBeInstanceOf(MissingTransactionError);
    expect(err).toBeInstanceOf(CallbackError);
    expect(err).toMatchObject({ code: 'missing_transaction', peerCode: 'missing_transaction_error' });
    expect(err).not.toBeInstanceOf(TokenByCodeError);
  });

  it('a refused code is a TokenByCodeError with the answer in cause', async () => {
    const { client, tenant } = await setup();
    tenant.intercept = (endpoint) =>
      endpoint === 'code' ? json({ error: 'invalid_grant', error_description: 'bad code' }, 403) : undefined;
    const url = await client.startInteractiveLogin();
    const err = await caught(client.completeInteractiveLogin(await tenant.authorize(url)));
    expect(err).toBeInstanceOf(TokenByCodeError);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({
      code: 'server_error',
      peerCode: 'token_by_code_error',
      cause: { error: 'invalid_grant', error_description: 'bad code' },
    });
    expect(err).not.toBeInstanceOf(TokenByRefreshTokenError);
  });

  it('a refused refresh is a TokenByRefreshTokenError (and our LoginRequiredError)', async () => {
    const { client, tenant, login } = await setup();
    await login();
    tenant.revokeRefreshTokens();
    const err = await caught(client.getAccessToken({ audience: 'https://api.example.com' }));
    expect(err).toBeInstanceOf(TokenByRefreshTokenError);
    expect(err).toBeInstanceOf(LoginRequiredError);
    expect(err).toMatchObject({
      peerCode: 'token_by_refresh_token_error',
      cause: { error: 'invalid_grant' },
    });
    expect(err).not.toBeInstanceOf(MissingSessionError);
  });

  it('no session is a MissingSessionError', async () => {
    const { client } = await setup();
    const err = await caught(client.getAccessToken());
    expect(err).toBeInstanceOf(MissingSessionError);
    expect(err).toMatchObject({ code: 'login_required', peerCode: 'missing_session_error' });
  });

  it('a session without a refresh token is a MissingSessionError too', async () => {
    const { client, stateStore } = await setup();
    await stateStore.set('__a0_session', makeState({ refreshToken: undefined, tokenSets: [] }));
    await expect(client.getAccessToken()).rejects.toBeInstanceOf(MissingSessionError);
  });

  it('a refused MFA verify is an MfaVerifyError with the answer in cause', async () => {
    const { mfa, tokens } = mfaSetup({
      routes: [
        (r) =>
          r.path === '/oauth/token'
            ? json({ error: 'invalid_grant', error_description: 'wrong otp' }, 403)
            : undefined,
      ],
    });
    const err = await caught(mfa.verify({ mfaToken: await sealed(tokens), otp: '000000', persist: false }));
    expect(err).toBeInstanceOf(MfaVerifyError);
    expect(err).toMatchObject({
      peerCode: 'mfa_verify_error',
      cause: { error: 'invalid_grant', error_description: 'wrong otp' },
    });
  });

  it('configuration and argument TypeErrors are InvalidConfigurationError / MissingRequiredArgumentError', () => {
    const config = (() => {
      try {
        return new ServerClient({ domain: 'tenant.example.com', clientId: 'x', secret: 'x'.repeat(32) });
      } catch (err) {
        return err;
      }
    })();
    expect(config).toBeInstanceOf(InvalidConfigurationError);
    expect(config).toBeInstanceOf(MissingRequiredArgumentError);
    expect(config).toBeInstanceOf(TypeError);
    expect(new Error('x')).not.toBeInstanceOf(InvalidConfigurationError);
  });

  it('the peer-named classes construct as the peer documents them', () => {
    const err = new TokenByCodeError('failed', { error: 'invalid_grant', error_description: 'd' });
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({
      name: 'TokenByCodeError',
      error: 'invalid_grant',
      cause: { error: 'invalid_grant' },
    });
    expect(new MissingTransactionError()).toMatchObject({
      code: 'missing_transaction',
      message: 'The transaction is missing.',
    });
  });
});
