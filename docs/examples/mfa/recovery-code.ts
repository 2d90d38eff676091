import type { ServerClient } from 'auth0-server-ts';

// #region recovery-code
/**
 * Uses a recovery code when the user has lost their device. Auth0 answers with a NEW recovery code:
 * show it once, the old one no longer works.
 */
export async function verifyRecoveryCode<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; recoveryCode: string },
  storeOptions?: O,
): Promise<{ newRecoveryCode: string | undefined }> {
  const result = await client.mfa.verify(input, storeOptions);
  return { newRecoveryCode: result.recoveryCode };
}
// #endregion recovery-code
