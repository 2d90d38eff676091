import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where the tests expect Chromium (`apt-get install -y chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags every browser test runs Chromium with: headless, and nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Chromium, or fails saying what to install. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium"`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
