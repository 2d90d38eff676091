import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCESS_TOKEN_LIFETIME,
  tokenTypeOf,
  toTokenResponse,
} from '../../src/protocol/token-response.js';

describe('tokenTypeOf', () => {
  it('gives back the registered spelling oauth4webapi lowercased', () => {
    expect(tokenTypeOf('bearer')).toBe('Bearer');
    expect(tokenTypeOf('dpop')).toBe('DPoP');
    expect(tokenTypeOf('n_a')).toBe('n_a');
  });

  it('is applied by toTokenResponse', () => {
    const response = { access_token: 'at', token_type: 'bearer' as const, expires_in: 60 };
    expect(toTokenResponse(response, 0)).toEqual({ accessToken: 'at', expiresAt: 60, tokenType: 'Bearer' });
  });
});

describe('toTokenResponse without expires_in', () => {
  it("takes the expiry from a JWT access token's exp claim", () => {
    const jwt = new UnsecuredJWT({ sub: 'u' }).setExpirationTime(5_000).encode();
    const response = { access_token: jwt, token_type: 'bearer' as const };
    expect(toTokenResponse(response, 1_000_000).expiresAt).toBe(5_000);
  });

  it('falls back to the documented default lifetime for an opaque access token', () => {
    const response = { access_token: 'opaque-token', token_type: 'bearer' as const };
    expect(DEFAULT_ACCESS_TOKEN_LIFETIME).toBe(3600);
    expect(toTokenResponse(response, 1_000_000).expiresAt).toBe(1_000 + 3600);
  });

  it('falls back to the default for a JWT without a usable exp', () => {
    const jwt = new UnsecuredJWT({ sub: 'u' }).encode();
    expect(toTokenResponse({ access_token: jwt, token_type: 'bearer' as const }, 1_000_000).expiresAt).toBe(
      4_600,
    );
  });

  it('prefers expires_in when the server sent it', () => {
    const jwt = new UnsecuredJWT({ sub: 'u' }).setExpirationTime(5_000).encode();
    const response = { access_token: jwt, token_type: 'bearer' as const, expires_in: 60 };
    expect(toTokenResponse(response, 1_000_000).expiresAt).toBe(1_060);
  });
});
