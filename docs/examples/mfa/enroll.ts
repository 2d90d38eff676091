import type { ServerClient } from 'auth0-server-ts';

// #region enrollment-factors
/** What the user must enroll before anything can be challenged (mfa_requirements.enroll). */
export async function factorsToOffer<O>(client: ServerClient<O>, mfaToken: string, storeOptions?: O) {
  const factors = await client.mfa.getEnrollmentFactors({ mfaToken }, storeOptions);
  // e.g. [{ type: 'otp', factorTypes: ['otp'] }, { type: 'phone', factorTypes: ['sms', 'voice'] }]
  return factors.flatMap((factor) => factor.factorTypes);
}
// #endregion enrollment-factors

// #region enroll-otp
/**
 * Enrolls an authenticator app. Render `barcodeUri` as a QR code (any QR library) and show
 * `secret` for manual entry; show the recovery codes once. Confirm with verify({ mfaToken, otp }).
 */
export async function enrollAuthenticatorApp<O>(client: ServerClient<O>, mfaToken: string, storeOptions?: O) {
  const enrollment = await client.mfa.enrollAuthenticator({ mfaToken, factorType: 'otp' }, storeOptions);
  if (enrollment.authenticatorType !== 'otp') throw new Error('expected an authenticator app enrollment');
  return {
    qrCodeUri: enrollment.barcodeUri,
    secret: enrollment.secret,
    recoveryCodes: enrollment.recoveryCodes,
  };
}
// #endregion enroll-otp

// #region enroll-oob
/**
 * Enrolls SMS, voice or email. Auth0 sends a code at once; the answer's oobCode plus the code the
 * user types (the binding code) confirm the enrollment: verify({ mfaToken, oobCode, bindingCode }).
 */
export async function enrollPhoneOrEmail<O>(
  client: ServerClient<O>,
  input:
    | { mfaToken: string; factorType: 'sms' | 'voice'; phoneNumber: string }
    | { mfaToken: string; factorType: 'email'; email: string },
  storeOptions?: O,
): Promise<{ oobCode: string; recoveryCodes?: string[] }> {
  const enrollment = await client.mfa.enrollAuthenticator(input, storeOptions);
  if (enrollment.authenticatorType !== 'oob' || enrollment.oobCode === undefined) {
    throw new Error('expected an out-of-band enrollment');
  }
  return {
    oobCode: enrollment.oobCode,
    ...(enrollment.recoveryCodes && { recoveryCodes: enrollment.recoveryCodes }),
  };
}

export async function confirmWithCode<O>(
  client: ServerClient<O>,
  input: { mfaToken: string; oobCode: string; bindingCode: string },
  storeOptions?: O,
): Promise<void> {
  await client.mfa.verify(input, storeOptions);
}
// #endregion enroll-oob

// #region enroll-push
/**
 * Enrolls Auth0 Guardian (push). Show `barcodeUri` as a QR code for the Guardian app to scan, then
 * wait until the user approves in the app: the enrollment's oobCode is polled like a push challenge.
 */
export async function enrollPush<O>(client: ServerClient<O>, mfaToken: string, storeOptions?: O) {
  const enrollment = await client.mfa.enrollAuthenticator({ mfaToken, factorType: 'push' }, storeOptions);
  if (enrollment.authenticatorType !== 'oob' || enrollment.oobCode === undefined) {
    throw new Error('expected a push enrollment');
  }
  return { qrCodeUri: enrollment.barcodeUri, oobCode: enrollment.oobCode };
}
// #endregion enroll-push
