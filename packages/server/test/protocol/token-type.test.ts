import { describe, expect, it } from 'vitest';
import { tokenTypeOf, toTokenResponse } from '../../src/protocol/token-response.js';

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
