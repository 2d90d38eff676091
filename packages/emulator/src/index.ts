export { startEmulator } from './emulator.js';
export type { Emulator, StartEmulatorOptions } from './emulator.js';
export { parseConfig } from './config/parse.js';
export { defaultConfig } from './config/defaults.js';
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
export type { LoginOptions } from './testing/login.js';
export { CookieJar } from './testing/cookie-jar.js';
export { generateTotp } from './mfa/index.js';
export type { OutboxEntry, SeededUser } from './mfa/index.js';
