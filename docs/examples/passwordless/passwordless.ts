import { PasswordlessVerifyError, type ServerClient } from 'auth0-server-ts';

// #region email-code
/** Step 1: the user typed an email address; Auth0 emails them a 6-digit code. */
export async function sendEmailCode<O>(client: ServerClient<O>, email: string, storeOptions?: O) {
  await client.startPasswordless({ connection: 'email', email }, storeOptions);
}

/** Step 2: the user typed the code. Logged in, or a message to show beside the form. */
export async function verifyEmailCode<O>(
  client: ServerClient<O>,
  email: string,
  code: string,
  storeOptions?: O,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await client.completePasswordless({ connection: 'email', email, verificationCode: code }, storeOptions);
    return { ok: true };
  } catch (err) {
    if (err instanceof PasswordlessVerifyError && err.error === 'invalid_grant')
      return { ok: false, message: 'That code is wrong or has expired.' };
    throw err;
  }
}
// #endregion email-code

// #region sms-code
/** The same two steps by SMS: the phone number in E.164 form. */
export async function sendSmsCode<O>(client: ServerClient<O>, phoneNumber: string, storeOptions?: O) {
  await client.startPasswordless({ connection: 'sms', phoneNumber }, storeOptions);
}

export async function verifySmsCode<O>(
  client: ServerClient<O>,
  phoneNumber: string,
  code: string,
  storeOptions?: O,
) {
  await client.completePasswordless({ connection: 'sms', phoneNumber, verificationCode: code }, storeOptions);
}
// #endregion sms-code

// #region magic-link
/** Emails a link that brings this browser back to `callbackUrl` (a callback URL of the application). */
export async function sendMagicLink<O>(
  client: ServerClient<O>,
  email: string,
  callbackUrl: string,
  storeOptions: O,
) {
  await client.startPasswordless(
    { connection: 'email', email, send: 'link', redirectUri: callbackUrl },
    storeOptions,
  );
}

/** At `callbackUrl`: the full URL the browser opened, with its `code` and `state`. */
export async function magicLinkCallback<O>(client: ServerClient<O>, openedUrl: URL, storeOptions: O) {
  await client.completePasswordlessMagicLink(openedUrl, storeOptions);
}
// #endregion magic-link
