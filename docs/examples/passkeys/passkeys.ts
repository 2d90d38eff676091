import { TestAuthenticator, type EmulatorConfigInput } from 'auth0-emulator';
import {
  MfaRequiredError,
  OrganizationValidationError,
  PasskeyGetTokenError,
  PasskeyRegisterError,
  type PasskeyCredentialResponse,
  type ServerClient,
} from 'auth0-server-ts';

// #region options
/** `POST /passkeys/register-options` from the sign-up form: what the browser needs for `create()`. */
export async function signUpOptions<O>(client: ServerClient<O>, form: { email: string; name?: string }) {
  try {
    const { authSession, authnParamsPublicKey } = await client.passkey.register(form);
    return { ok: true as const, authSession, publicKey: authnParamsPublicKey };
  } catch (err) {
    if (err instanceof PasskeyRegisterError && err.error === 'invalid_signup')
      return { ok: false as const, message: 'This email cannot sign up. Do you already have an account?' };
    throw err;
  }
}

/** `POST /passkeys/login-options` from the "Use my passkey" button: what the browser needs for `get()`. */
export async function logInOptions<O>(client: ServerClient<O>) {
  const { authSession, authnParamsPublicKey } = await client.passkey.challenge();
  return { authSession, publicKey: authnParamsPublicKey };
}
// #endregion options

// #region finish
/** `POST /passkeys/verify` with the browser's credential: the session is written, or a message to show. */
export async function finishWithPasskey<O>(
  client: ServerClient<O>,
  body: { authSession: string; credential: PasskeyCredentialResponse },
  storeOptions: O,
): Promise<{ next: '/profile' | '/mfa' } | { message: string }> {
  try {
    await client.passkey.getToken(body, storeOptions);
    return { next: '/profile' };
  } catch (err) {
    if (err instanceof MfaRequiredError) return { next: '/mfa' }; // keep err.mfaToken for client.mfa
    if (err instanceof PasskeyGetTokenError) return { message: 'That passkey was not accepted. Try again.' };
    throw err;
  }
}
// #endregion finish

// #region organization
/** `POST /acme/passkeys/login-options`: a login into the customer's organization (an `org_` id or a name). */
export async function organizationLogInOptions<O>(client: ServerClient<O>, organization: string) {
  const { authSession, authnParamsPublicKey } = await client.passkey.challenge({ organization });
  return { authSession, publicKey: authnParamsPublicKey };
}

/** `POST /acme/passkeys/verify`: the same organization again, which the ID token must name. */
export async function finishInOrganization<O>(
  client: ServerClient<O>,
  body: { authSession: string; credential: PasskeyCredentialResponse },
  organization: string,
  storeOptions: O,
): Promise<{ next: '/profile' } | { message: string }> {
  try {
    await client.passkey.getToken({ ...body, organization }, storeOptions);
    return { next: '/profile' };
  } catch (err) {
    if (err instanceof PasskeyGetTokenError && err.error === 'access_denied')
      return { message: 'You are not a member of this organization.' };
    if (err instanceof OrganizationValidationError) return { message: 'Log in to this organization again.' };
    throw err;
  }
}
// #endregion organization

// #region emulator-config
/** A client whose passkeys are made on http://localhost:3000 (the rpID is then `localhost`). */
export const passkeyClient: NonNullable<EmulatorConfigInput['clients']>[number] = {
  client_id: 'app',
  client_secret: 'app-secret-at-least-32-characters!!',
  redirect_uris: ['http://localhost:3000/auth/callback'],
  // Optional: the default is the origins of redirect_uris; passkey_rp_id defaults to the first one's host.
  passkey_origins: ['http://localhost:3000'],
};
// #endregion emulator-config

// #region test-authenticator
/** A sign-up and a login in a test, with the emulator's software authenticator in place of a browser. */
export async function signUpAndLogIn<O>(client: ServerClient<O>, storeOptions: O, origin: string) {
  const authenticator = new TestAuthenticator();
  const signUp = await client.passkey.register({ email: 'pat@example.com' });
  const created = authenticator.create(signUp.authnParamsPublicKey, origin);
  await client.passkey.getToken({ authSession: signUp.authSession, credential: created }, storeOptions);

  const login = await client.passkey.challenge();
  const asserted = authenticator.get(login.authnParamsPublicKey, origin);
  await client.passkey.getToken({ authSession: login.authSession, credential: asserted }, storeOptions);
  return client.getUser(storeOptions);
}
// #endregion test-authenticator
