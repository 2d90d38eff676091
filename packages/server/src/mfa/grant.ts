import * as oauth from 'oauth4webapi';
import type { Transport } from '../http/index.js';
import type { MfaBinding } from './required.js';

const GRANT = {
  otp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  oob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  recoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
} as const;

/** The proof of a second factor; its kind picks the grant. */
export type MfaCredential =
  | { kind: 'otp'; otp: string }
  | { kind: 'oob'; oobCode: string; bindingCode?: string | undefined }
  | { kind: 'recoveryCode'; recoveryCode: string };

/**
 * Runs one of Auth0's MFA grants through the funnel, with the token endpoint's client authentication.
 * `sent` is the audience and scope asked for; a further `mfa_required` (chained MFA) comes back sealed
 * and bound to `binding`.
 */
export async function mfaGrant(
  transport: Transport,
  rawMfaToken: string,
  credential: MfaCredential,
  sent: { audience?: string | undefined; scope?: string | undefined },
  binding: MfaBinding,
): Promise<oauth.TokenEndpointResponse> {
  const params = new URLSearchParams({ mfa_token: rawMfaToken });
  switch (credential.kind) {
    case 'otp':
      params.set('otp', credential.otp);
      break;
    case 'oob':
      params.set('oob_code', credential.oobCode);
      if (credential.bindingCode !== undefined) params.set('binding_code', credential.bindingCode);
      break;
    case 'recoveryCode':
      params.set('recovery_code', credential.recoveryCode);
      break;
  }
  if (sent.audience !== undefined) params.set('audience', sent.audience);
  if (sent.scope !== undefined) params.set('scope', sent.scope);
  // Before the proof is spent: an ID token in the answer needs the keys.
  await transport.keys.ready();
  return transport.run(
    async (as) => {
      const res = await oauth.genericTokenEndpointRequest(
        as,
        transport.client,
        transport.clientAuth,
        GRANT[credential.kind],
        params,
        transport.call,
      );
      return oauth.processGenericTokenEndpointResponse(as, transport.client, res);
    },
    { binding },
  );
}
