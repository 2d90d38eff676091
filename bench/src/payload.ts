import { randomBytes } from 'node:crypto';

/** A JWT-shaped string of about `bytes` characters (three base64url parts), as tokens look in a session. */
function jwtLike(claims: Record<string, unknown>, bytes: number): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'bench-key' })).toString(
    'base64url',
  );
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = randomBytes(256).toString('base64url');
  const token = `${header}.${body}.${signature}`;
  return token.length >= bytes ? token : `${header}.${body}${'A'.repeat(bytes - token.length)}.${signature}`;
}

export const ISSUER = 'https://tenant.example.com/';
export const API = 'https://api.example.com';

/** The user's claims, as an ID token for a social login carries them. */
export const USER = {
  sub: 'google-oauth2|104720581234567890123',
  given_name: 'Alice',
  family_name: 'Example',
  nickname: 'alice.example',
  name: 'Alice Example',
  picture: 'https://lh3.googleusercontent.com/a/ACg8ocK3h2Xc9Yzq4W5b6N7m8P9r0S1t2U3v4W5x6Y7z8A9b=s96-c',
  locale: 'en',
  updated_at: '2026-11-30T09:12:44.123Z',
  email: 'alice.example@gmail.com',
  email_verified: true,
  sid: 'nX0p3QwYbq8cJj2m3Aq5Q2nX0p3QwYbq',
};

/**
 * The session both SDKs store in the benchmarks: about 2.6 KB of JSON (user claims, an ID token that
 * carries them, a refresh token and one access token), the size the issue measured.
 */
export function sessionState(expiresAt: number): {
  user: typeof USER;
  idToken: string;
  refreshToken: string;
  tokenSets: { audience: string; accessToken: string; scope: string; expiresAt: number }[];
  internal: { sid: string; createdAt: number };
} {
  const now = Math.floor(Date.now() / 1000);
  return {
    user: USER,
    idToken: jwtLike({ ...USER, iss: ISSUER, aud: 'bench-client', iat: now, exp: now + 36000 }, 1050),
    refreshToken: 'v1.M' + randomBytes(60).toString('base64url'),
    tokenSets: [
      {
        audience: API,
        accessToken: jwtLike(
          {
            iss: ISSUER,
            sub: USER.sub,
            aud: [API],
            iat: now,
            exp: expiresAt,
            scope: 'openid profile email read:data',
          },
          720,
        ),
        scope: 'openid profile email offline_access read:data',
        expiresAt,
      },
    ],
    internal: { sid: 'q5Q2nX0p3QwYbq8cJj2m3A', createdAt: now },
  };
}
