/** The text of `auth0-emulator --help`: every flag, then the configuration file's fields. */
export const USAGE = `usage: auth0-emulator [--port N] [--host HOST] [--https [--cert-dir DIR]] [--config FILE] [--quiet]
                      [--key-file FILE | --new-keys]

A local Auth0-compatible authorization server for development and tests. Not for production.

Flags:
  --port N         TCP port to listen on (default 4400; 0 picks a free one)
  --host HOST      127.0.0.1 (default), localhost or a name under .localhost (tenant.localhost);
                   the issuer uses the same host
  --https          serve HTTPS with a certificate from a local development CA, created once;
                   trust it with NODE_EXTRA_CA_CERTS=<cert dir>/ca.pem (printed at start)
  --cert-dir DIR   where the CA is kept (default .auth0-emulator/ beside --config FILE,
                   else ~/.auth0-emulator/)
  --config FILE    JSON configuration (fields below); without it a demo tenant is used:
                   client emulator-app, users alice/bob/carol@example.com (password Passw0rd!)
  --quiet          no request log (codes sent, push challenges and errors still print)
  --key-file FILE  where the signing key is kept across restarts (default
                   .auth0-emulator/signing-key.json beside --config, else in the home folder)
  --new-keys       a new signing key at each start, written nowhere
  -h, --help       print this help and exit

Configuration file (every field optional but the ids, and a user's email and password):
  tenant                      name shown in authenticator apps (default "emulator")
  clients[]                   the applications
    client_id                 unique
    client_secret             required for client_secret_post / client_secret_basic
    token_endpoint_auth_method  client_secret_post (default with a secret), client_secret_basic,
                              private_key_jwt (with jwks), none (default without a secret)
    jwks                      { "keys": [...] }: public keys for private_key_jwt
    redirect_uris[]           callback URLs allowed at /authorize (exact match)
    post_logout_redirect_uris[]  URLs allowed as post_logout_redirect_uri (/oidc/logout) and
                              returnTo (/v2/logout) (exact match)
    backchannel_logout_uri    receives logout tokens (loopback allowed)
    name                      the client_name (default the client_id)
    management_api            true: may get client_credentials tokens for the Management API
                              ({issuer}api/v2/) with every scope it has (default false)
  users[]                     the database connection's users
    user_id                   unique; the sub of their tokens
    email, password           the login (email case-insensitive, unique)
    name                      the name claim (default the email)
    mfa                       "required" or "off" (default)
    mfa_factors               1 (default), or 2 for chained MFA
    email_verified            the email_verified claim (default true)
    blocked                   true: the user cannot log in (default false)
    app_metadata, user_metadata  objects the Management API returns
    authenticators[]          pre-enrolled: {"type":"otp","secret"?}, {"type":"sms"|"voice","phone_number"},
                              {"type":"email","email"?}, {"type":"push"}
  apis[]                      APIs that access tokens are asked for with audience
    audience                  the identifier (the tokens' aud)
    scopes[]                  the API's permissions
    mfa                       "required" (step-up on refresh), "always", or "off" (default)
  connections[]               Token Vault: federated connections whose fake upstream tokens the exchange mints
    name                      the connection parameter (google-oauth2, ...)
    users[]                   user_ids with an account on it (default: every user)
    expires_in, scope         of the upstream tokens (3600 seconds; none)
  token_exchange_profiles[]   Custom Token Exchange: how a subject_token_type's tokens name a user
    subject_token_type        the URI it answers for
    subject_tokens            a fixed map of token to user_id (for tests), or
    jwt                       {"jwk": public key, "issuer"?}: a JWT whose sub is a user_id
  ttl                         seconds: accessToken (86400), idToken (36000), refreshToken (2592000)
  mfa                         seconds: pushIntervalSeconds (5), oobTtlSeconds (300), mfaTokenTtlSeconds (600)

More: the auth0-emulator README.`;
