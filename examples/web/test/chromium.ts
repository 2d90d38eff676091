// One way for the demo's browser tests to start Debian's Chromium and the demo (app + emulator on ephemeral
// ports), so that each feature's browser test can live in a file of its own.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startDemo, type RunningDemo, type StartDemoOptions } from '../src/start.js';
import { launchChromium } from '../../../test/chromium.js';

/** Where each step's screenshot goes (git-ignored). */
export const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The test users' password in emulator.json. */
export const DEMO_PASSWORD = 'Passw0rd!';

export interface DemoInChromium {
  demo: RunningDemo;
  browser: Browser;
  page: Page;
  /** Saves a full-page screenshot named `<prefix>-NN-<name>.png`. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the demo and Chromium with one page; `prefix` keeps this file's screenshots apart. */
export async function startDemoInChromium(
  prefix: string,
  options: Partial<StartDemoOptions> = {},
): Promise<DemoInChromium> {
  mkdirSync(SHOTS, { recursive: true });
  const demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true, ...options });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  // Generous per-step limit: on a loaded machine one login through the emulator's pages takes seconds.
  page.setDefaultTimeout(10_000);
  let shot = 0;
  return {
    demo,
    browser,
    page,
    async screenshot(name) {
      shot += 1;
      await page.screenshot({
        path: `${SHOTS}${prefix}-${String(shot).padStart(2, '0')}-${name}.png`,
        fullPage: true,
      });
    },
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

/** Logs `email` in from the demo's home page through the emulator's login form; ends on /profile. */
export async function logInThroughEmulator(
  page: Page,
  demo: RunningDemo,
  email: string,
  password = DEMO_PASSWORD,
) {
  await page.goto(`${demo.url}/`);
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.href.startsWith(demo.emulator.issuer));
  await page.getByLabel(/^email/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole('button', { name: /continue|log in/i }).click();
  await page.waitForURL(`${demo.url}/profile`);
}

/** The newest code the emulator sent on `channel` (`sms`, `email`, …), from its development outbox. */
export async function outboxCode(demo: RunningDemo, channel: string): Promise<string> {
  const sent: Array<{ channel: string; code: string }> = await (
    await fetch(`${demo.emulator.issuer}__dev/outbox`)
  ).json();
  const code = sent.filter((entry) => entry.channel === channel).at(-1)?.code;
  if (!code) throw new Error(`no ${channel} code in the outbox`);
  return code;
}
