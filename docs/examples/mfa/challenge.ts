import type { ServerClient } from 'auth0-server-ts';

// #region list
/** The factors the user can use now, already narrowed to what Auth0 asked for. */
export async function factorsToChallenge<O>(client: ServerClient<O>, mfaToken: string, storeOptions?: O) {
  const authenticators = await client.mfa.listAuthenticators({ mfaToken }, storeOptions);
  return authenticators
    .filter((a) => a.active)
    .map((a) => ({ id: a.id, label: a.oobChannel ?? a.authenticatorType }));
}
// #endregion list

// #region challenge
/**
 * Sends a code by SMS, voice or email (or a push) for one authenticator. Keep `oobCode` server-side
 * or next to the encrypted mfaToken: it is needed to verify.
 */
export async function sendCode<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; authenticatorId: string },
  storeOptions?: O,
): Promise<string> {
  const challenge = await client.mfa.challengeAuthenticator({ ...input, challengeType: 'oob' }, storeOptions);
  if (challenge.oobCode === undefined) throw new Error('the server sent no oob code');
  return challenge.oobCode;
}

/** Completes the MFA with the code the user received. */
export async function verifyCode<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; oobCode: string; bindingCode: string },
  storeOptions?: O,
): Promise<void> {
  await client.mfa.verify(input, storeOptions);
}
// #endregion challenge
