import { describe, expect, it } from 'vitest';
import { factorsFor, filterByRequirements, isFactorType, requirementOf } from '../../src/mfa/index.js';

const otp = { authenticatorType: 'otp' };
const sms = { authenticatorType: 'oob', oobChannel: 'sms' };
const voice = { authenticatorType: 'oob', oobChannel: 'voice' };
const email = { authenticatorType: 'oob', oobChannel: 'email' };
const push = { authenticatorType: 'oob', oobChannel: 'auth0' };
const recovery = { authenticatorType: 'recovery-code' };
const webauthn = { authenticatorType: 'webauthn-roaming' };
const all = [otp, sms, voice, email, push, recovery, webauthn];

describe('requirement mapping', () => {
  it('requirementOf maps each authenticator kind to its requirement type', () => {
    expect(all.map(requirementOf)).toEqual([
      'otp',
      'phone',
      'phone',
      'email',
      'push-notification',
      'recovery-code',
      undefined,
    ]);
  });

  it('requirementOf does not match an oob authenticator without a known channel', () => {
    expect(requirementOf({ authenticatorType: 'oob' })).toBeUndefined();
    expect(requirementOf({ authenticatorType: 'oob', oobChannel: 'carrier-pigeon' })).toBeUndefined();
  });

  it('filterByRequirements keeps the authenticators a challenge requirement names', () => {
    expect(filterByRequirements(all, [{ type: 'phone' }])).toEqual([sms, voice]);
    expect(filterByRequirements(all, [{ type: 'otp' }, { type: 'push-notification' }])).toEqual([otp, push]);
    expect(filterByRequirements(all, [{ type: 'email' }, { type: 'recovery-code' }])).toEqual([
      email,
      recovery,
    ]);
  });

  it('filterByRequirements keeps everything when there are no requirements', () => {
    expect(filterByRequirements(all, undefined)).toEqual(all);
    expect(filterByRequirements(all, [])).toEqual(all);
  });

  it('factorsFor gives the enrollable factors of a requirement type', () => {
    expect(factorsFor('otp')).toEqual(['otp']);
    expect(factorsFor('phone')).toEqual(['sms', 'voice']);
    expect(factorsFor('email')).toEqual(['email']);
    expect(factorsFor('push-notification')).toEqual(['push']);
    expect(factorsFor('recovery-code')).toEqual([]);
    expect(factorsFor('webauthn-platform')).toEqual([]);
  });

  it('isFactorType accepts exactly the enrollable factors', () => {
    expect(['otp', 'sms', 'voice', 'email', 'push'].every(isFactorType)).toBe(true);
    expect(['phone', 'recovery-code', 'auth0', undefined].some(isFactorType)).toBe(false);
  });
});
