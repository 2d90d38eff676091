// docs/dpop.md: DPoP (RFC 9449). Its test runs it against auth0-emulator with an application that
// requires DPoP, and an API that asks for a nonce.
import type { ServerClient, ServerClientOptions } from 'auth0-server-ts';

// #region configure
/** The DPoP options of a ServerClient: the private JWK every instance shares (from a secret store). */
export function dpopClientOptions(privateJwk: JsonWebKey) {
  return { useDpop: true, dpopKeyPair: privateJwk } satisfies Partial<ServerClientOptions>;
}
// #endregion configure

// #region call
/** GETs a DPoP-protected API with the session's token; when the API asks for a nonce, once more with it. */
export async function callApi<O>(
  client: Pick<ServerClient<O>, 'getAccessToken' | 'getDPoPHeaders'>,
  url: string,
  storeOptions: O,
): Promise<Response> {
  const { accessToken } = await client.getAccessToken({}, storeOptions);
  const send = async (nonce?: string) =>
    fetch(url, {
      headers: {
        ...(await client.getDPoPHeaders({ method: 'GET', url, accessToken, ...(nonce ? { nonce } : {}) })),
      },
    });
  const first = await send();
  const nonce = first.headers.get('dpop-nonce');
  const askedForNonce = /error="use_dpop_nonce"/.test(first.headers.get('www-authenticate') ?? '');
  return first.status === 401 && askedForNonce && nonce ? send(nonce) : first;
}
// #endregion call
