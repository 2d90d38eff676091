import { writeFile } from 'node:fs/promises';
import { argumentError, requireObject, requireString } from '../lib/validate.js';
import type { TestSession } from './sessions.js';

/** A Playwright `storageState` (the shape `browser.newContext({ storageState })` reads). */
export interface StorageState {
  cookies: {
    name: string;
    value: string;
    domain: string;
    path: string;
    expires: number;
    httpOnly: boolean;
    secure: boolean;
    sameSite: 'Strict' | 'Lax' | 'None';
  }[];
  origins: { origin: string; localStorage: { name: string; value: string }[] }[];
}

/**
 * The Playwright `storageState` of a browser that holds `session` for the app at `appBaseUrl`: pass it
 * to `browser.newContext({ storageState })`, or write it with {@link writeStorageState} for a
 * Playwright config's `use.storageState`.
 */
export function storageState(session: TestSession, appBaseUrl: string | URL): StorageState {
  requireObject(session, 'session');
  if (!URL.canParse(String(appBaseUrl))) throw argumentError('"appBaseUrl" must be an absolute URL');
  const host = new URL(String(appBaseUrl)).hostname;
  return {
    // A cookie without a Domain attribute is host-only: Playwright writes those with the bare host.
    cookies: session.cookies.map(({ domain, ...cookie }) => ({ ...cookie, domain: domain ?? host })),
    origins: [],
  };
}

/** Writes {@link storageState} as JSON to `path` (a Playwright `storageState` file). */
export async function writeStorageState(
  path: string,
  session: TestSession,
  appBaseUrl: string | URL,
): Promise<void> {
  requireString(path, 'path');
  await writeFile(path, JSON.stringify(storageState(session, appBaseUrl), null, 2), { mode: 0o600 });
}

/** The part of a Playwright `Page` {@link loginWithEmulator} drives (`playwright-core`'s `Page` fits). */
export interface LoginPage {
  goto(url: string): Promise<unknown>;
  locator(selector: string): {
    fill(value: string): Promise<void>;
    click(): Promise<void>;
    waitFor(): Promise<void>;
  };
  waitForURL(url: (url: URL) => boolean): Promise<void>;
}

/** Where to start the login, and who logs in. */
export interface EmulatorLoginOptions {
  /** The app's login route, such as `http://127.0.0.1:3000/auth/login?returnTo=/profile`. */
  loginUrl: string;
  /** Typed into the emulator's login form. */
  email: string;
  /** Typed into the emulator's login form. */
  password: string;
}

/**
 * Logs `page` in through the real pages of `auth0-emulator`: opens the app's login route, fills the
 * emulator's login form and waits until the browser is back on the app past its callback. For a user
 * without MFA (the emulator's `mfa: "off"`); a factor prompt never brings the browser back, and the
 * wait ends with Playwright's timeout.
 */
export async function loginWithEmulator(page: LoginPage, options: EmulatorLoginOptions): Promise<void> {
  requireObject(options, 'options');
  const { loginUrl, email, password } = options;
  for (const [field, value] of Object.entries({ loginUrl, email, password })) requireString(value, field);
  if (!URL.canParse(loginUrl)) throw argumentError('"loginUrl" must be an absolute URL');
  const app = new URL(loginUrl).origin;
  await page.goto(loginUrl);
  await page.locator('form[data-step="login"]').waitFor();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form[data-step="login"] button[type="submit"]').click();
  // Back on the app, and past the callback (which redirects on once it has written the session).
  await page.waitForURL((url) => url.origin === app && !url.searchParams.has('code'));
}
