import type { ServerClient } from 'auth0-server-ts';

// #region push
/** Sends a push to the user's Guardian app; keep the oobCode next to the encrypted mfaToken. */
export async function sendPush<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; authenticatorId: string },
  storeOptions?: O,
): Promise<string> {
  const challenge = await client.mfa.challengeAuthenticator({ ...input, challengeType: 'oob' }, storeOptions);
  if (challenge.oobCode === undefined) throw new Error('the server sent no oob code');
  return challenge.oobCode;
}

/**
 * Waits for the user to answer the push. Polling honours authorization_pending and slow_down; a
 * rejection throws ServerError with error 'invalid_grant'. Pass the request's AbortSignal so a
 * closed browser tab stops the polling.
 */
export async function waitForPush<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; oobCode: string; signal?: AbortSignal; intervalMs?: number },
  storeOptions?: O,
): Promise<void> {
  await client.mfa.waitForApproval({ ...input, timeoutMs: 120_000 }, storeOptions);
}
// #endregion push
