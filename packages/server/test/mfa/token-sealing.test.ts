import { describe, expect, it, vi } from 'vitest';
import { MfaRequiredError, MfaTokenExpiredError, MfaTokenInvalidError } from '../../src/errors/index.js';
import { errorAnswer } from '../../src/http/index.js';
import { createMfaTokens, parseRequirements } from '../../src/mfa/index.js';
import { CLIENT_ID, ISSUER, SECRET, session, setup } from './harness.js';

const RAW = 'RAW-MFA-TOKEN-never-shown';
const input = {
  mfaToken: RAW,
  audience: 'https://api.example.com',
  scope: 'read:things',
  mfaRequirements: { challenge: [{ type: 'otp' }] },
};
const tokensFor = (over: Partial<Parameters<typeof createMfaTokens>[0]> = {}) =>
  createMfaTokens({ secrets: [SECRET], clientId: CLIENT_ID, issuer: ISSUER, ...over });

describe('encrypted mfa tokens', () => {
  it('decryptMfaToken returns what encryptMfaToken sealed, bound to the current session', async () => {
    const { mfa } = setup({ sessions: { a: session('sid-a') } });
    const token = await mfa.encryptMfaToken(input, { session: 'a' });
    expect(token.split('.')).toHaveLength(5);
    expect(token).not.toContain(RAW);
    const context = await mfa.decryptMfaToken(token, { session: 'a' });
    expect(context).toMatchObject({ ...input, session: { sid: 'sid-a', sub: 'auth0|alice' } });
    expect(context.expiresAt).toBeGreaterThan(Date.now() / 1000 + 290);
  });

  it('a token sealed with no session is bound to client and issuer only', async () => {
    const { mfa } = setup({ sessions: { a: session('sid-a') } });
    const token = await mfa.encryptMfaToken({ mfaToken: RAW });
    await expect(mfa.decryptMfaToken(token)).resolves.toMatchObject({ mfaToken: RAW });
    await expect(mfa.decryptMfaToken(token, { session: 'a' })).resolves.toMatchObject({ mfaToken: RAW });
  });

  it('a session-bound token presented with another session, or with none, is invalid', async () => {
    const { mfa } = setup({
      sessions: { a: session('sid-a'), b: session('sid-b'), c: session('sid-a', 'auth0|bob') },
    });
    const token = await mfa.encryptMfaToken(input, { session: 'a' });
    for (const other of [{ session: 'b' }, { session: 'c' }, undefined]) {
      await expect(mfa.decryptMfaToken(token, other)).rejects.toBeInstanceOf(MfaTokenInvalidError);
    }
  });

  it('a tampered token is invalid', async () => {
    const tokens = tokensFor();
    const token = await tokens.encrypt(input, undefined);
    const parts = token.split('.');
    const cipher = parts[3] ?? '';
    parts[3] = (cipher[0] === 'A' ? 'B' : 'A') + cipher.slice(1);
    await expect(tokens.decrypt(parts.join('.'), undefined)).rejects.toMatchObject({
      code: 'mfa_token_invalid',
    });
  });

  it('a token sealed with a foreign secret, for another client or another issuer is invalid', async () => {
    const token = await tokensFor().encrypt(input, undefined);
    const others = [
      tokensFor({ secrets: ['another-secret-that-is-at-least-32-characters'] }),
      tokensFor({ clientId: 'other-app' }),
      tokensFor({ issuer: 'https://other.example.com/' }),
    ];
    for (const other of others) {
      await expect(other.decrypt(token, undefined)).rejects.toBeInstanceOf(MfaTokenInvalidError);
    }
  });

  it('garbage is invalid', async () => {
    const tokens = tokensFor();
    for (const garbage of ['', 'not-a-token', 'a.b.c.d.e', RAW]) {
      await expect(tokens.decrypt(garbage, undefined)).rejects.toBeInstanceOf(MfaTokenInvalidError);
    }
  });

  it('expires after the ttl, with at most one second of clock tolerance', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date'] });
    const tokens = tokensFor({ ttlSeconds: 60 });
    const token = await tokens.encrypt(input, undefined);
    vi.setSystemTime(new Date('2030-01-01T00:01:00.900Z'));
    await expect(tokens.decrypt(token, undefined)).resolves.toMatchObject({ mfaToken: RAW });
    vi.setSystemTime(new Date('2030-01-01T00:01:01Z'));
    await expect(tokens.decrypt(token, undefined)).rejects.toBeInstanceOf(MfaTokenExpiredError);
  });

  it('after a secret rotation, tokens sealed with the old secret still open', async () => {
    const old = await tokensFor({ secrets: ['old-secret-that-is-at-least-32-characters!'] }).encrypt(
      input,
      undefined,
    );
    const rotated = tokensFor({ secrets: [SECRET, 'old-secret-that-is-at-least-32-characters!'] });
    await expect(rotated.decrypt(old, undefined)).resolves.toMatchObject({ mfaToken: RAW });
    const fresh = await rotated.encrypt(input, undefined);
    await expect(tokensFor().decrypt(fresh, undefined)).resolves.toMatchObject({ mfaToken: RAW });
  });

  it('sealRequired turns a raw mfa_required answer into an MfaRequiredError that never shows the raw token', async () => {
    const tokens = tokensFor();
    const answer = errorAnswer(
      403,
      {
        error: 'mfa_required',
        error_description: 'MFA',
        mfa_token: RAW,
        mfa_requirements: input.mfaRequirements,
      },
      new Headers(),
    );
    if (!answer) throw new Error('not an error answer');
    const err = await tokens.sealRequired(answer, {
      audience: input.audience,
      scope: input.scope,
      session: { sid: 'sid-a', sub: 'auth0|alice' },
    });
    if (!err) throw new Error('mfa_required was not sealed');
    expect(err).toBeInstanceOf(MfaRequiredError);
    expect(err).toMatchObject({ code: 'mfa_required', error: 'mfa_required', status: 403 });
    expect(err.mfaRequirements).toEqual(input.mfaRequirements);
    for (const text of [err.message, err.stack ?? '', JSON.stringify(err), String(err.cause)]) {
      expect(text).not.toContain(RAW);
    }
    const opened = await tokens.decrypt(err.mfaToken, { sid: 'sid-a', sub: 'auth0|alice' });
    expect(opened).toMatchObject({ mfaToken: RAW, audience: input.audience, scope: input.scope });
  });

  it('sealRequired leaves every other error answer to the transport', () => {
    const answer = errorAnswer(403, { error: 'invalid_grant', mfa_token: RAW }, new Headers());
    if (!answer) throw new Error('not an error answer');
    expect(tokensFor().sealRequired(answer, undefined)).toBeUndefined();
  });

  it('parseRequirements keeps well-formed entries and drops the rest', () => {
    expect(parseRequirements({ challenge: [{ type: 'otp' }, { nope: 1 }, 'x'], enroll: 'bad' })).toEqual({
      challenge: [{ type: 'otp' }],
    });
    expect(parseRequirements(undefined)).toBeUndefined();
  });

  it('createMfaTokens refuses a non-positive ttl', () => {
    expect(() => tokensFor({ ttlSeconds: 0 })).toThrow(TypeError);
  });
});
