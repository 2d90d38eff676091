import { describe, expect, it } from 'vitest';
import { EMAIL_MAX_LENGTH, PHONE_MAX_LENGTH, isE164, isEmail } from '../../src/lib/addresses.js';
import { setup } from './setup.js';

// Inputs that made the previous regular expression backtrack quadratically (seconds of blocked server).
const DOTS = `a@${'.'.repeat(40_000)} `;
const DOTTED = `a@${'a.'.repeat(20_000)} `;

function address(length: number): string {
  const domain = '@example.com';
  return `${'a'.repeat(length - domain.length)}${domain}`;
}

describe('isEmail', () => {
  it('accepts ordinary addresses and refuses ones without @, a dotted domain or with spaces', () => {
    expect(isEmail('mia@example.com')).toBe(true);
    expect(isEmail('first.last+tag@mail.example.co.uk')).toBe(true);
    for (const bad of ['mia', 'mia@', '@example.com', 'mia@example', 'mia@@example.com', 'm ia@example.com'])
      expect(isEmail(bad), bad).toBe(false);
    for (const bad of ['mia@.example', 'mia@example.', 'mi\ta@example.com', 'mia@exa\nmple.com'])
      expect(isEmail(bad), JSON.stringify(bad)).toBe(false);
  });

  it(`applies the RFC 5321 length cap of ${EMAIL_MAX_LENGTH} characters before any pattern`, () => {
    expect(EMAIL_MAX_LENGTH).toBe(254);
    // Well-formed apart from the length: only the cap can refuse the longer one.
    expect(isEmail(address(EMAIL_MAX_LENGTH))).toBe(true);
    expect(isEmail(address(EMAIL_MAX_LENGTH + 1))).toBe(false);
  });

  it('refuses 40,000-character addresses built to make a pattern backtrack', () => {
    expect(isEmail(DOTS)).toBe(false);
    expect(isEmail(DOTTED)).toBe(false);
    expect(isEmail(address(40_000))).toBe(false);
  });
});

describe('isE164', () => {
  it('accepts E.164 numbers and refuses anything longer than the 16 characters one can have', () => {
    expect(PHONE_MAX_LENGTH).toBe(16);
    expect(isE164('+15551234567')).toBe(true);
    expect(isE164(`+1${'5'.repeat(14)}`)).toBe(true);
    expect(isE164(`+1${'5'.repeat(15)}`)).toBe(false);
    expect(isE164(`+${'1'.repeat(40_000)}`)).toBe(false);
    expect(isE164('15551234567')).toBe(false);
  });
});

describe('associate with an oversized email address', () => {
  it('answers 400 invalid_request naming the field', () => {
    const t = setup();
    const { token } = t.start({ userId: 'auth0|mia' });
    const answer = t.mfa.associate(
      { clientId: 'app', mfaToken: token },
      { authenticator_types: ['oob'], oob_channels: ['email'], email: DOTS },
    );
    expect(answer).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'email must be an email address' },
    });
  });
});
