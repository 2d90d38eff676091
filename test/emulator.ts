import {
  startEmulator,
  type Emulator,
  type EmulatorConfigInput,
  type StartEmulatorOptions,
} from 'auth0-emulator';
import { EMULATOR_SIGNING_KEY } from './keys.js';

/**
 * `startEmulator` as the tests run it: a free port, quiet, signing with the test-only fixture key
 * instead of generating an RSA key per start. `options` overrides any of these.
 */
export function startTestEmulator(
  config: EmulatorConfigInput,
  options: Omit<StartEmulatorOptions, 'config'> = {},
): Promise<Emulator> {
  return startEmulator({ port: 0, quiet: true, signingKey: EMULATOR_SIGNING_KEY, config, ...options });
}

type ClientInput = NonNullable<EmulatorConfigInput['clients']>[number];

/**
 * A web app at `origin` registered as a client: `/auth/callback` to return to, its home page after a
 * logout, and a back-channel logout route when `backchannelPath` names one.
 */
export function appClient(
  origin: string,
  clientSecret: string,
  options: { clientId?: string; backchannelPath?: string } = {},
): ClientInput {
  return {
    client_id: options.clientId ?? 'app',
    client_secret: clientSecret,
    redirect_uris: [`${origin}/auth/callback`],
    post_logout_redirect_uris: [`${origin}/`],
    ...(options.backchannelPath ? { backchannel_logout_uri: `${origin}${options.backchannelPath}` } : {}),
  };
}
