import * as oauth from 'oauth4webapi';
import type { FetchLike } from './fetch.js';

/** Options to pass to every oauth4webapi call so it uses the funnel. */
export type OauthCallOptions = {
  [oauth.customFetch]: FetchLike;
  [oauth.allowInsecureRequests]?: boolean;
  /** The DPoP handle, once the client's DPoP key is imported (see `Transport`). */
  DPoP?: oauth.DPoPHandle;
};

/** The oauth4webapi call options over the funnel fetch; plain http only for a loopback issuer. */
export function oauthCallOptions(issuer: URL, fetch: FetchLike): OauthCallOptions {
  return {
    [oauth.customFetch]: fetch,
    ...(issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}
