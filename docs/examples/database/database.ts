import { SignUpError, type ServerClient } from 'auth0-server-ts';

const CONNECTION = 'Username-Password-Authentication';

// #region sign-up
/** The sign-up form: the new user's id, or a message to show beside the form. */
export async function signUp<O>(
  client: ServerClient<O>,
  form: { email: string; password: string; name?: string },
): Promise<{ ok: true; id: string | undefined } | { ok: false; message: string }> {
  try {
    const user = await client.database.signUp({ ...form, connection: CONNECTION });
    return { ok: true, id: user.id };
  } catch (err) {
    if (!(err instanceof SignUpError)) throw err;
    switch (err.error) {
      case 'invalid_password':
        return { ok: false, message: 'Choose a longer password mixing letters, digits and symbols.' };
      case 'invalid_signup':
        return { ok: false, message: 'This sign-up is not possible. Do you already have an account?' };
      default:
        return { ok: false, message: 'The sign-up failed. Please try again.' };
    }
  }
}
// #endregion sign-up

// #region change-password
/** "Forgot your password?": Auth0 emails a link to a page that sets a new one. */
export async function forgotPassword<O>(client: ServerClient<O>, email: string): Promise<string> {
  return client.database.changePassword({ email, connection: CONNECTION });
}
// #endregion change-password
