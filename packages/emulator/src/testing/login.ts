import { generateTotp } from '../mfa/index.js';
import { CookieJar } from './cookie-jar.js';

/** Which factor to use when the login asks for MFA, and how to answer it. */
export interface LoginOptions {
  /** Typed into the login form. */
  email: string;
  /** Typed into the login form. */
  password: string;
  /** Typed into the login form's organization field, when the client asks for one. */
  organization?: string;
  /** The authenticator app code, or a function of the secret shown while enrolling (defaults to computing it). */
  otp?: string | ((secret: string | undefined) => string);
  /** Answer the challenge with this recovery code. */
  recoveryCode?: string;
  /** The factor to challenge (default: otp when enrolled, else the first listed). */
  factor?: 'otp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code';
  /** The factor to enroll when the user has none (default: otp). */
  enroll?:
    | { type: 'otp' }
    | { type: 'sms' | 'voice'; phone_number: string }
    | { type: 'email'; email: string }
    | { type: 'push' };
  /** Receives the recovery code the login shows once. */
  onRecoveryCode?: (code: string) => void;
  /**
   * Typed into a connection's sign-in page when the authorize URL links an account (`link_account`);
   * an unlink (`unlink_account`) is confirmed without it.
   */
  account?: { username: string; password: string };
  /** Keeps the browser session's cookies for later requests (a second login, /v2/logout). */
  jar?: CookieJar;
}

interface Page {
  url: URL;
  status: number;
  text: string;
}

const MAX_STEPS = 40;

function attribute(text: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(text)?.[1];
}

function pageError(text: string): string | undefined {
  // One greedy class then trim: a lazy group next to `\s*` backtracks quadratically on long whitespace.
  return /role="alert">([^<]*)</.exec(text)?.[1]?.trim();
}

/**
 * Drives the emulator's login pages over HTTP, as a browser would, and returns the URL the login
 * finally redirects to (the relying party's redirect_uri with `code` and `state`).
 *
 * @throws Error naming the step when the pages show an error (wrong password, wrong code) or the flow
 * does not reach the redirect_uri.
 */
export async function driveLogin(
  issuer: string,
  authorizeUrl: string,
  options: LoginOptions,
  fetch: typeof globalThis.fetch = globalThis.fetch,
): Promise<string> {
  const origin = new URL(issuer).origin;
  const jar = options.jar ?? new CookieJar();
  const seen = new Set<string>();

  const request = async (url: URL, form?: Record<string, string>): Promise<Page | string> => {
    let next = url;
    let body = form ? new URLSearchParams(form).toString() : undefined;
    for (let hop = 0; hop < MAX_STEPS; hop += 1) {
      const response = await fetch(next, {
        method: body === undefined ? 'GET' : 'POST',
        redirect: 'manual',
        headers: {
          cookie: jar.header(),
          accept: 'text/html',
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        ...(body === undefined ? {} : { body }),
      });
      jar.store(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = new URL(location, next);
        body = undefined;
        if (next.origin !== origin) return next.href;
        continue;
      }
      return { url: next, status: response.status, text: await response.text() };
    }
    throw new Error('login did not finish: too many redirects');
  };

  let result = await request(new URL(authorizeUrl));
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (typeof result === 'string') return result;
    const page = result;
    const kind = attribute(page.text, 'data-step');
    const uid = /\/u\/([\w-]+)/.exec(page.url.pathname)?.[1];
    if (!kind || !uid)
      throw new Error(
        `login stopped on an unexpected page (HTTP ${page.status}): ${pageError(page.text) ?? page.url.pathname}`,
      );
    const key = `${kind}:${page.status}:${pageError(page.text) ?? ''}`;
    if (page.status >= 400 && seen.has(key))
      throw new Error(`login failed at ${kind}: ${pageError(page.text) ?? 'error'}`);
    if (page.status >= 400 && kind === 'login')
      throw new Error(`login failed: ${pageError(page.text) ?? 'error'}`);
    if (page.status >= 400 && kind !== 'push')
      throw new Error(`login failed at ${kind}: ${pageError(page.text) ?? 'error'}`);
    seen.add(key);
    const to = (action: string) => new URL(`/u/${uid}/${action}`, origin);
    result = await answer(kind, page.text, to, request, options, origin);
  }
  throw new Error('login did not finish');
}

async function answer(
  kind: string,
  text: string,
  to: (action: string) => URL,
  request: (url: URL, form?: Record<string, string>) => Promise<Page | string>,
  options: LoginOptions,
  origin: string,
): Promise<Page | string> {
  switch (kind) {
    case 'login':
      return request(to('login'), {
        email: options.email,
        password: options.password,
        ...(options.organization !== undefined && text.includes('name="organization"')
          ? { organization: options.organization }
          : {}),
      });
    case 'link':
      if (!options.account) throw new Error('login stopped on a link page: give options.account');
      return request(to('link'), { username: options.account.username, password: options.account.password });
    case 'unlink':
      return request(to('unlink'), {});
    case 'enroll': {
      const enroll = options.enroll ?? { type: 'otp' };
      const fields: Record<string, string> = { type: enroll.type };
      if ('phone_number' in enroll) fields.phone_number = enroll.phone_number;
      if ('email' in enroll) fields.email = enroll.email;
      return request(to('enroll'), fields);
    }
    case 'challenge': {
      const wanted = options.factor ?? (options.recoveryCode ? 'recovery-code' : 'otp');
      const buttons = [...text.matchAll(/value="([^"]+)"\s+data-type="([^"]+)"\s+data-channel="([^"]*)"/g)];
      const match =
        buttons.find(
          ([, , type, channel]) =>
            type === wanted || channel === wanted || (wanted === 'push' && channel === 'auth0'),
        ) ?? buttons[0];
      if (!match?.[1]) throw new Error('login failed at challenge: no enrolled factor to choose');
      return request(to('challenge'), { authenticator_id: match[1] });
    }
    case 'otp': {
      const secret = attribute(text, 'data-otp-secret');
      const otp =
        typeof options.otp === 'function'
          ? options.otp(secret)
          : (options.otp ?? (secret ? generateTotp(secret) : ''));
      return request(to('verify-otp'), { otp });
    }
    case 'code': {
      const outbox: unknown = await (await fetch(new URL('/__dev/outbox', origin))).json();
      const last = Array.isArray(outbox) ? outbox.at(-1) : undefined;
      const code = typeof last === 'object' && last !== null ? Reflect.get(last, 'code') : undefined;
      return request(to('verify-oob'), { binding_code: typeof code === 'string' ? code : '' });
    }
    case 'push': {
      const oobCode = attribute(text, 'data-oob-code');
      if (oobCode)
        await fetch(new URL(`/__dev/push/${encodeURIComponent(oobCode)}/approve`, origin), {
          method: 'POST',
        });
      return request(to('poll'), {});
    }
    case 'recovery-code':
      return request(to('verify-recovery'), { recovery_code: options.recoveryCode ?? '' });
    case 'recovery-shown': {
      const code = attribute(text, 'data-recovery-code');
      if (code) options.onRecoveryCode?.(code);
      return request(to('continue'), {});
    }
    default:
      throw new Error(`login stopped on an unknown step ${kind}`);
  }
}
