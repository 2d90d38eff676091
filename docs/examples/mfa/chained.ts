import { MfaRequiredError, type ServerClient } from 'auth0-server-ts';

// #region chained
/** The next thing to ask the user for, or done. */
export type Step = { done: true } | { done: false; mfaToken: string; factors: string[] };

/**
 * Verifies one factor. When the tenant requires another (chained MFA), verify throws a NEW
 * MfaRequiredError, encrypted and bound like the first: continue with its mfaToken.
 */
export async function verifyStep<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; otp: string } | { mfaToken: string; oobCode: string; bindingCode: string },
  storeOptions?: O,
): Promise<Step> {
  try {
    await client.mfa.verify(input, storeOptions);
    return { done: true };
  } catch (err) {
    if (!(err instanceof MfaRequiredError)) throw err;
    const factors = (err.mfaRequirements?.challenge ?? []).map((r) => r.type);
    return { done: false, mfaToken: err.mfaToken, factors };
  }
}
// #endregion chained
