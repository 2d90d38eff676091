import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  isAuth0Error,
  LoginRequiredError,
  MfaRequiredError,
  RequestError,
  type AnyAuth0Error,
} from '../../src/index.js';

function describeError(err: AnyAuth0Error): string {
  switch (err.code) {
    case 'mfa_required':
      // Narrowed to the class: its own fields are readable without a cast.
      expectTypeOf(err).toEqualTypeOf<MfaRequiredError>();
      return `mfa:${err.mfaToken}`;
    case 'login_required':
      return 'login';
    case 'request_timeout':
    case 'request_aborted':
      expectTypeOf(err).toEqualTypeOf<RequestError>();
      return err.code;
    default:
      return 'other';
  }
}

describe('isAuth0Error', () => {
  it('recognises the SDK errors and nothing else', () => {
    expect(isAuth0Error(new LoginRequiredError('log in'))).toBe(true);
    expect(isAuth0Error(new Error('x'))).toBe(false);
    expect(isAuth0Error({ code: 'mfa_required' })).toBe(false);
  });

  it('lets switch (err.code) narrow to the class', () => {
    const errors: unknown[] = [
      new MfaRequiredError('sealed', undefined),
      new LoginRequiredError('log in'),
      new RequestError('request_aborted', 'aborted'),
    ];
    expect(errors.filter(isAuth0Error).map(describeError)).toEqual([
      'mfa:sealed',
      'login',
      'request_aborted',
    ]);
  });
});

describe('MfaRequiredError', () => {
  it('keeps even the sealed token out of JSON and inspection, while err.mfaToken reads it', async () => {
    const { inspect } = await import('node:util');
    const err = new MfaRequiredError('SEALED-TOKEN-VALUE', { challenge: [{ type: 'otp' }] });
    expect(err.mfaToken).toBe('SEALED-TOKEN-VALUE');
    expect(JSON.stringify(err)).not.toContain('SEALED-TOKEN-VALUE');
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({
      code: 'mfa_required',
      mfaRequirements: { challenge: [{ type: 'otp' }] },
    });
    expect(inspect(err)).not.toContain('SEALED-TOKEN-VALUE');
    expect(err).toMatchObject({ mfaToken: 'SEALED-TOKEN-VALUE' });
  });
});
