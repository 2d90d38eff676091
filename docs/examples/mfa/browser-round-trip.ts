import type { ServerClient } from 'auth0-server-ts';

// #region browser-round-trip
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The OTP form. The ENCRYPTED mfaToken from MfaRequiredError travels in a hidden field: it is
 * useless outside this deployment, expires, and is bound to this user's session. Never put the raw
 * token (or any token) in a URL.
 */
export function renderOtpForm(mfaToken: string): string {
  return `<form method="post" action="/mfa/verify">
  <input type="hidden" name="mfa_token" value="${escapeHtml(mfaToken)}">
  <label>Code <input name="otp" inputmode="numeric" autocomplete="one-time-code"></label>
  <button>Verify</button>
</form>`;
}

/** The POST handler: reads the form and verifies. A token from another session is refused. */
export async function handleOtpForm<O>(
  client: ServerClient<O>,
  form: URLSearchParams,
  storeOptions?: O,
): Promise<void> {
  const mfaToken = form.get('mfa_token') ?? '';
  const otp = form.get('otp') ?? '';
  await client.mfa.verify({ mfaToken, otp }, storeOptions);
}
// #endregion browser-round-trip
