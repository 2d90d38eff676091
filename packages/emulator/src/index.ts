export { startEmulator } from './emulator.js';
export type { Emulator, EmulatorHost, StartEmulatorOptions } from './emulator.js';
export type { EmulatorMfa } from './dev/emulator-mfa.js';
export { parseConfig } from './config/parse.js';
export { defaultConfig } from './config/defaults.js';
export { CONFIG_SCHEMA } from './config/schema.js';
export type {
  ApiMfaSetting,
  ClientAuthMethod,
  EmulatorApi,
  EmulatorAuthenticatorSeed,
  EmulatorClient,
  EmulatorConfig,
  EmulatorConfigInput,
  EmulatorMfaOptions,
  EmulatorTtl,
  EmulatorUser,
} from './config/types.js';
export { driveLogin } from './testing/login.js';
export { localhostFetch, localhostLookup } from './https/fetch.js';
export type { LocalhostFetchOptions } from './https/fetch.js';
export type { LoginOptions } from './testing/login.js';
export type { RequestLogEntry } from './server/request-log.js';
export { CookieJar } from './testing/cookie-jar.js';
export { generateTotp } from './mfa/index.js';
export { TestAuthenticator } from './passkeys/test-authenticator.js';
export type { TestPasskeyCredential } from './passkeys/test-authenticator.js';
export type { AuthenticatorView, OobChannel, OutboxEntry, SeededUser } from './mfa/index.js';
