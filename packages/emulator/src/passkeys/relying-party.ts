import type { EmulatorClient } from '../config/types.js';

/** Where a client's passkeys are made and used: the WebAuthn relying party it speaks for. */
export interface RelyingParty {
  /** The origins a WebAuthn answer may come from (`clientDataJSON.origin`). */
  origins: string[];
  /** The rpID: the host name the credentials are scoped to. */
  rpId: string;
  /** Shown by the browser when a passkey is made. */
  rpName: string;
}

/**
 * The client's relying party: `passkey_origins` (default: the origins of its redirect URIs) and
 * `passkey_rp_id` (default: the host name of the first origin). Undefined when it has no origin, as a
 * client without redirect URIs (a machine-to-machine one) has none to make passkeys on.
 */
export function relyingParty(client: EmulatorClient): RelyingParty | undefined {
  const origins = client.passkey_origins ?? [
    ...new Set(client.redirect_uris.filter((uri) => URL.canParse(uri)).map((uri) => new URL(uri).origin)),
  ];
  const first = origins[0];
  if (first === undefined) return undefined;
  return {
    origins,
    rpId: client.passkey_rp_id ?? new URL(first).hostname,
    rpName: client.name ?? client.client_id,
  };
}
