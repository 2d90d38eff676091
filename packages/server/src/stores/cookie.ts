import type { CookieSerializeOptions } from '../types.js';
import { argumentError, requireCookieName } from '../lib/validate.js';

/** What browsers accept in one `Set-Cookie` (name, value and attributes): RFC 6265bis, section 5.6. */
export const MAX_COOKIE_BYTES = 4096;

// RFC 6265 section 4.1.1: a value is cookie-octets.
const VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;
const ATTRIBUTE = /^[\x20-\x3A\x3C-\x7E]+$/;

const SAME_SITE = { lax: 'Lax', strict: 'Strict', none: 'None' } as const;
const PRIORITY = { low: 'Low', medium: 'Medium', high: 'High' } as const;

/**
 * Serializes a cookie as the value of a `Set-Cookie` header. The value is written as it is (no
 * URL-encoding): the stores only write base64url and dots.
 *
 * @throws {TypeError} naming `name`, `value` or the attribute when it holds characters a cookie cannot carry.
 * @example
 * res.setHeader('Set-Cookie', serializeCookie('__a0_session.0', value, { httpOnly: true, path: '/' }));
 */
export function serializeCookie(name: string, value: string, options: CookieSerializeOptions = {}): string {
  requireCookieName(name, 'name');
  if (!VALUE.test(value)) throw argumentError('cookie "value" holds characters a cookie value cannot carry');
  let header = `${name}=${value}`;
  if (options.maxAge !== undefined) {
    if (!Number.isInteger(options.maxAge)) throw argumentError('cookie "maxAge" must be an integer');
    header += `; Max-Age=${options.maxAge}`;
  }
  if (options.domain !== undefined) {
    if (!ATTRIBUTE.test(options.domain))
      throw argumentError('cookie "domain" is not a valid attribute value');
    header += `; Domain=${options.domain}`;
  }
  if (options.path !== undefined) {
    if (!ATTRIBUTE.test(options.path)) throw argumentError('cookie "path" is not a valid attribute value');
    header += `; Path=${options.path}`;
  }
  if (options.expires !== undefined) header += `; Expires=${options.expires.toUTCString()}`;
  if (options.httpOnly) header += '; HttpOnly';
  if (options.secure) header += '; Secure';
  if (options.partitioned) header += '; Partitioned';
  if (options.priority !== undefined) header += `; Priority=${PRIORITY[options.priority]}`;
  if (options.sameSite !== undefined) header += `; SameSite=${SAME_SITE[options.sameSite]}`;
  return header;
}

/**
 * Parses a `Cookie` request header into name/value pairs. The first occurrence of a name wins (the
 * browser sends the cookie with the most specific path first); `%`-escapes are decoded when valid.
 *
 * @throws {TypeError} naming `header` when it is not a string.
 * @example
 * const cookies = parseCookieHeader(req.headers.cookie ?? '');
 */
export function parseCookieHeader(header: string): Record<string, string> {
  if (typeof header !== 'string')
    throw argumentError('"header" must be the Cookie header, a string', 'ERR_INVALID_ARG_TYPE');
  const cookies: Record<string, string> = {};
  // One pass: each pair is found in place, and only its name and value become strings. The next `=`
  // is looked for again only once passed, so pairs without one cannot make the scan quadratic.
  let eq = -1;
  for (let start = 0; start < header.length;) {
    let end = header.indexOf(';', start);
    if (end === -1) end = header.length;
    if (eq < start) {
      eq = header.indexOf('=', start);
      if (eq === -1) eq = header.length;
    }
    if (eq < end) addCookie(cookies, header.slice(start, eq).trim(), header, eq + 1, end);
    start = end + 1;
  }
  return cookies;
}

/** Files the pair `name` = `header[from, to)` unless the name is empty or already taken. */
function addCookie(cookies: Record<string, string>, name: string, header: string, from: number, to: number) {
  if (!name || Object.hasOwn(cookies, name)) return;
  let value = header.slice(from, to).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not an escape sequence after all: keep the value as it came.
    }
  }
  cookies[name] = value;
}

/**
 * The bytes a `Set-Cookie` for `name` with `options` takes before its value, assuming the framework
 * also writes an `Expires` attribute (some always do), so a value of `MAX_COOKIE_BYTES` minus this
 * fits whichever way the cookie is written.
 */
export function cookieOverhead(name: string, options: CookieSerializeOptions): number {
  return utf8Length(serializeCookie(name, '', { ...options, expires: new Date(0) }));
}

const encoder = new TextEncoder();

/** The bytes `text` takes as UTF-8 (what a header on the wire weighs). */
export function utf8Length(text: string): number {
  // Cookie headers are ASCII but for a non-ASCII attribute a user might pass; skip the encoding then.
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}
