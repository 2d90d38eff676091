import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The folder name the emulator keeps its files in (the development CA; keys beside them). */
export const STATE_DIR_NAME = '.auth0-emulator';

/** The signing key's file in the state folder: the CLI's key, and the key material of other starts. */
export const SIGNING_KEY_FILE = 'signing-key.json';

/**
 * Where the emulator keeps what must outlive one run (its development CA): the folder the user named,
 * else `.auth0-emulator/` beside the configuration file, else `~/.auth0-emulator/`. One helper, so every
 * file the emulator persists lands in the same place.
 */
export function stateDir(
  options: { dir?: string | undefined; configFile?: string | undefined } = {},
): string {
  if (options.dir) return resolve(options.dir);
  if (options.configFile) return join(dirname(resolve(options.configFile)), STATE_DIR_NAME);
  return join(homedir(), STATE_DIR_NAME);
}
