import { describe, expect, it } from 'vitest';
import { DPoPError } from '../../src/errors/index.js';
import { checkDpopBound } from '../../src/http/index.js';

describe('checkDpopBound (token answers to a request with a DPoP proof)', () => {
  it('passes a DPoP token, and answers without an access token', () => {
    const dpop = { access_token: 'at', token_type: 'dpop' };
    expect(checkDpopBound(dpop)).toBe(dpop);
    expect(checkDpopBound({ request_uri: 'urn:x', expires_in: 60 })).toEqual({
      request_uri: 'urn:x',
      expires_in: 60,
    });
  });

  it('refuses a Bearer access token: the server did not bind it', () => {
    expect(() => checkDpopBound({ access_token: 'at', token_type: 'bearer' })).toThrow(DPoPError);
    expect(() => checkDpopBound({ access_token: 'at', token_type: 'bearer' })).toThrow(
      expect.objectContaining({ code: 'dpop_token_type_mismatch' }),
    );
  });

  it("passes a token exchange's Bearer answer (issued_token_type: an upstream provider's token)", () => {
    const federated = {
      access_token: 'google-token',
      token_type: 'bearer',
      issued_token_type: 'http://auth0.com/oauth/token-type/federated-connection-access-token',
    };
    expect(checkDpopBound(federated)).toBe(federated);
  });
});
