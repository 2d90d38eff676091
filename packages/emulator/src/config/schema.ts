/**
 * The configuration file's one definition: the JSON Schema that editors complete it with
 * (`config.schema.json` in the package, `"$schema": "./node_modules/auth0-emulator/config.schema.json"`)
 * and the "Configuration file" section of `--help` ({@link configHelp}), both from the same text.
 * `parseConfig` stays the check that runs; the schema describes what it accepts.
 */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  /** The help line (and the editor's hover text). */
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: (string | number)[];
  minimum?: number;
  exclusiveMinimum?: number;
  oneOf?: SchemaNode[];
  const?: string;
}

const seconds = (description: string): SchemaNode => ({ type: 'number', exclusiveMinimum: 0, description });
const text = (description: string): SchemaNode => ({ type: 'string', description });
const urls = (description: string): SchemaNode => ({ type: 'array', items: { type: 'string' }, description });

const client: SchemaNode = {
  type: 'object',
  required: ['client_id'],
  additionalProperties: false,
  properties: {
    client_id: text('unique'),
    client_secret: text('required for client_secret_post / client_secret_basic'),
    token_endpoint_auth_method: {
      type: 'string',
      enum: ['client_secret_post', 'client_secret_basic', 'private_key_jwt', 'none'],
      description:
        'client_secret_post (default with a secret), client_secret_basic, private_key_jwt (with jwks), none (default without a secret)',
    },
    jwks: {
      type: 'object',
      required: ['keys'],
      properties: { keys: { type: 'array', items: { type: 'object' } } },
      description: '{ "keys": [...] }: public keys for private_key_jwt',
    },
    redirect_uris: urls('callback URLs allowed at /authorize (exact match)'),
    post_logout_redirect_uris: urls(
      'URLs allowed as post_logout_redirect_uri (/oidc/logout) and returnTo (/v2/logout) (exact match)',
    ),
    backchannel_logout_uri: text('receives logout tokens (loopback allowed)'),
    name: text('the client_name (default the client_id)'),
    management_api: {
      type: 'boolean',
      description:
        'true: may get client_credentials tokens for the Management API ({issuer}api/v2/) with every scope it has (default false)',
    },
    dpop_bound_access_tokens: {
      type: 'boolean',
      description:
        'true: every token request needs a DPoP proof with a server nonce; tokens bound to its key (default false)',
    },
    organization_usage: {
      type: 'string',
      enum: ['deny', 'allow', 'require'],
      description: 'deny (default), allow or require: logins into organizations',
    },
    organization_require_behavior: {
      type: 'string',
      enum: ['no_prompt', 'pre_login_prompt'],
      description: 'no_prompt (default: refused without one) or pre_login_prompt',
    },
    passkey_origins: urls(
      'origins passkeys may be made and used on (default: the origins of the redirect URIs)',
    ),
    passkey_rp_id: text('WebAuthn rpID of its passkeys (default: the host name of the first passkey origin)'),
    initiate_login_uri: text(
      "where invitation links point (default /auth/login on the first redirect URI's origin)",
    ),
  },
};

const authenticator: SchemaNode = {
  type: 'object',
  description:
    'pre-enrolled: {"type":"otp","secret"?}, {"type":"sms"|"voice","phone_number"}, {"type":"email","email"?}, {"type":"push"}',
  oneOf: [
    {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'otp' }, secret: { type: 'string' } },
    },
    {
      type: 'object',
      required: ['type', 'phone_number'],
      properties: { type: { type: 'string', enum: ['sms', 'voice'] }, phone_number: { type: 'string' } },
    },
    {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'email' }, email: { type: 'string' } },
    },
    { type: 'object', required: ['type'], properties: { type: { const: 'push' } } },
  ],
};

const user: SchemaNode = {
  type: 'object',
  required: ['user_id', 'email', 'password'],
  additionalProperties: false,
  properties: {
    user_id: text('unique; the sub of their tokens'),
    email: text('the login (case-insensitive, unique)'),
    password: text('the login password'),
    name: text('the name claim (default the email)'),
    mfa: { type: 'string', enum: ['required', 'off'], description: '"required" or "off" (default)' },
    mfa_factors: { type: 'integer', enum: [1, 2], description: '1 (default), or 2 for chained MFA' },
    email_verified: { type: 'boolean', description: 'the email_verified claim (default true)' },
    blocked: { type: 'boolean', description: 'true: the user cannot log in (default false)' },
    app_metadata: { type: 'object', description: 'what the Management API returns' },
    user_metadata: { type: 'object', description: 'what the Management API returns' },
    authenticators: { type: 'array', items: authenticator, description: authenticator.description ?? '' },
  },
};

const api: SchemaNode = {
  type: 'object',
  required: ['audience'],
  additionalProperties: false,
  properties: {
    audience: text("the identifier (the tokens' aud)"),
    scopes: { type: 'array', items: { type: 'string' }, description: "the API's permissions" },
    mfa: {
      type: 'string',
      enum: ['required', 'always', 'off'],
      description: '"required" (step-up on refresh), "always", or "off" (default)',
    },
  },
};

const organization: SchemaNode = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id: text('org_... id (the org_id claim), unique'),
    name: text('lower-case name (the org_name claim), unique'),
    display_name: text('shown on the login page (default the name)'),
    members: { type: 'array', items: { type: 'string' }, description: 'user_ids of its members' },
    clients: {
      type: 'array',
      items: { type: 'string' },
      description: 'client_ids that may use it (default every client that allows them)',
    },
  },
};

const connection: SchemaNode = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: text('the connection parameter (google-oauth2, ...), unique'),
    users: {
      type: 'array',
      items: { type: 'string' },
      description:
        'user_ids with an account on it (default: every user); a user who connected one (My Account API) has one too',
    },
    expires_in: seconds('lifetime of its upstream tokens (default 3600)'),
    scope: text('the scope its upstream tokens carry (default none)'),
    accounts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['user_id', 'username', 'password'],
        additionalProperties: false,
        properties: {
          user_id: text("the provider's id of the account: the linked identity's user_id, unique"),
          username: text("what the connection's login page asks for, unique"),
          password: text('the password its login page checks'),
          name: text("the identity's profileData.name (default the username)"),
          email: text("the identity's profileData.email (default none)"),
        },
      },
      description: 'account linking: upstream accounts a user can sign in with to link (default none)',
    },
  },
};

const exchangeProfile: SchemaNode = {
  type: 'object',
  required: ['subject_token_type'],
  additionalProperties: false,
  properties: {
    subject_token_type: text('the URI it answers for, unique'),
    subject_tokens: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'a fixed map of subject token to user_id (for tests)',
    },
    jwt: {
      type: 'object',
      required: ['jwk'],
      properties: { jwk: { type: 'object' }, issuer: { type: 'string' } },
      description: '{"jwk": public key, "issuer"?}: a JWT whose sub is a user_id',
    },
  },
};

/** The JSON Schema of the configuration file (draft 2020-12). */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://unpkg.com/auth0-emulator/config.schema.json',
  title: 'auth0-emulator configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: text('this schema, for editors'),
    tenant: text('name shown in authenticator apps (default "emulator")'),
    custom_domains: {
      type: 'array',
      items: { type: 'string' },
      description:
        'more host names on the same port, each its own issuer http://<name>:<port>/ (Auth0 custom domains): localhost or names under .localhost',
    },
    clients: { type: 'array', items: client, description: 'the applications' },
    users: { type: 'array', items: user, description: "the database connection's users" },
    apis: { type: 'array', items: api, description: 'APIs that access tokens are asked for with audience' },
    organizations: { type: 'array', items: organization, description: 'Auth0 Organizations' },
    connections: {
      type: 'array',
      items: connection,
      description:
        'Token Vault: federated connections whose fake upstream tokens the exchange mints; also what Connected Accounts may connect',
    },
    token_exchange_profiles: {
      type: 'array',
      items: exchangeProfile,
      description: "Custom Token Exchange: how a subject_token_type's tokens name a user",
    },
    ttl: {
      type: 'object',
      additionalProperties: false,
      description: 'token lifetimes in seconds',
      properties: {
        accessToken: seconds('access tokens (default 86400)'),
        idToken: seconds('ID tokens (default 36000)'),
        refreshToken: seconds('refresh tokens and their grants (default 2592000)'),
      },
    },
    mfa: {
      type: 'object',
      additionalProperties: false,
      description: 'MFA timings in seconds',
      properties: {
        pushIntervalSeconds: seconds('least seconds between two polls of a push (default 5)'),
        oobTtlSeconds: seconds('lifetime of an oob_code (default 300)'),
        mfaTokenTtlSeconds: seconds('lifetime of an mfa_token (default 600)'),
      },
    },
  },
} as const satisfies SchemaNode & { $schema: string; $id: string; title: string };

const WIDTH = 100;
const COLUMN = 30;

/** `description` wrapped to the help's width, continuation lines under the description column. */
function wrap(label: string, description: string): string[] {
  const lines: string[] = [];
  let line = label.length >= COLUMN - 1 ? `${label} ` : label.padEnd(COLUMN);
  let fresh = true;
  for (const word of description.split(' ')) {
    if (!fresh && line.length + 1 + word.length > WIDTH) {
      lines.push(line.trimEnd());
      line = ' '.repeat(COLUMN);
      fresh = true;
    }
    line += fresh ? word : ` ${word}`;
    fresh = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** The help lines of `properties`, nested ones indented under their parent. */
function fieldLines(properties: Record<string, SchemaNode>, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, node] of Object.entries(properties)) {
    if (name === '$schema') continue;
    const label = `${indent}${name}${node.type === 'array' ? '[]' : ''}`;
    lines.push(...wrap(label, node.description ?? ''));
    // Members are listed where the schema closes the object (its own fields, described), not for
    // free-form ones such as a JWK set or the authenticator variants.
    const members = node.type === 'array' ? node.items : node;
    if (members?.properties && members.additionalProperties === false)
      lines.push(...fieldLines(members.properties, `${indent}  `));
  }
  return lines;
}

/** The "Configuration file" section of `--help`, rendered from {@link CONFIG_SCHEMA}. */
export function configHelp(): string {
  return fieldLines(CONFIG_SCHEMA.properties, '  ').join('\n');
}
