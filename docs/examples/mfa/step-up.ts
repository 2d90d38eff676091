import { MfaRequiredError, type ServerClient } from 'auth0-server-ts';

// #region step-up
/** An access token, or the MfaRequiredError to start the MFA step with. */
export type TokenOrStepUp = { accessToken: string } | { mfaRequired: MfaRequiredError };

/**
 * Gets an access token for an API that requires MFA. When Auth0 answers `mfa_required`, the SDK
 * throws MfaRequiredError carrying an ENCRYPTED mfaToken bound to this session.
 */
export async function accessTokenOrStepUp<O>(
  client: ServerClient<O>,
  audience: string,
  storeOptions?: O,
): Promise<TokenOrStepUp> {
  try {
    const { accessToken } = await client.getAccessToken({ audience }, storeOptions);
    return { accessToken };
  } catch (err) {
    if (err instanceof MfaRequiredError) return { mfaRequired: err };
    throw err;
  }
}
// #endregion step-up

// #region verify-otp
/**
 * Completes the step-up with a code from the user's authenticator app. verify() stores the new
 * tokens in the session under the audience bound in the mfaToken, so the following getAccessToken
 * returns them without another request to Auth0.
 */
export async function completeStepUpWithOtp<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; otp: string; audience: string },
  storeOptions?: O,
): Promise<string> {
  await client.mfa.verify({ mfaToken: input.mfaToken, otp: input.otp }, storeOptions);
  const { accessToken } = await client.getAccessToken({ audience: input.audience }, storeOptions);
  return accessToken;
}
// #endregion verify-otp
