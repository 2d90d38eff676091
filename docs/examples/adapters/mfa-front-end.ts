// docs/adapters/express.md#mfa: a front end driving the JSON MFA routes (the same for every adapter).
// It runs in the browser; the test runs it with a fetch that carries one browser's cookies.

// #region mfa
/** Calls an API route; on a step-up need, enrolls or challenges an authenticator app and retries. */
export async function fetchWithStepUp(
  url: string,
  askForCode: (enrollment?: { secret: string; barcodeUri: string }) => Promise<string>,
  request: typeof fetch = fetch,
): Promise<Response> {
  const first = await request(url, { headers: { accept: 'application/json' } });
  if (first.status !== 403) return first;
  const need = (await first.json()) as { error: string; mfaToken: string };
  if (need.error !== 'mfa_required') return first;
  const mfaToken = need.mfaToken; // encrypted by the server; the raw token never reaches the browser

  const post = (path: string, body: object) =>
    request(`/auth/mfa/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' }, // required: the routes refuse anything else (CSRF)
      body: JSON.stringify({ mfaToken, ...body }),
    });
  const listed = await request('/auth/mfa/authenticators', { headers: { 'mfa-token': mfaToken } });
  const { authenticators } = (await listed.json()) as { authenticators: { authenticatorType: string }[] };
  let otp: string;
  if (authenticators.some((a) => a.authenticatorType === 'otp')) {
    otp = await askForCode();
  } else {
    const enrollment = (await (await post('enroll', { factorType: 'otp' })).json()) as {
      secret: string;
      barcodeUri: string;
    };
    otp = await askForCode(enrollment); // show enrollment.barcodeUri as a QR code, and the secret
  }
  const verified = await post('verify', { otp });
  if (!verified.ok) throw new Error(`verification failed: ${verified.status}`);
  return request(url, { headers: { accept: 'application/json' } }); // the server now holds the token
}
// #endregion mfa
