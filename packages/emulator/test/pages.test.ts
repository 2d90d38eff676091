import { describe, expect, it } from 'vitest';
import { qrSvg } from '../src/mfa/index.js';
import { otpEnrollExtra, enrollPage } from '../src/login/mfa-views.js';
import { codePage, loginPage } from '../src/login/views.js';
import { signedOutPage } from '../src/provider/pages.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

async function otpEnrollPage(): Promise<string> {
  const extra = otpEnrollExtra(SECRET, await qrSvg(`otpauth://totp/emulator:bob?secret=${SECRET}`));
  return codePage('uid1', {
    title: 'Set up your authenticator app',
    intro: 'Enter the 6-digit code from your authenticator app.',
    action: 'verify-otp',
    field: 'otp',
    step: 'otp',
    extra,
  });
}

describe('the login pages', () => {
  it('carry one inline stylesheet with a focus ring and a phone-width rule, and load nothing from elsewhere', async () => {
    for (const html of [loginPage('u', { clientName: 'app' }), signedOutPage(), await otpEnrollPage()]) {
      expect(html.match(/<style>/g)).toHaveLength(1);
      expect(html).toContain(':focus-visible');
      expect(html).toMatch(/@media \(max-width:\d+rem\)/);
      expect(html).not.toMatch(/<link|@import|url\(|<script/);
    }
  });

  it('authenticator app enrollment reads in order: QR code, then the key, then the code field', async () => {
    const html = await otpEnrollPage();
    const qr = html.indexOf('<svg');
    const key = html.indexOf('data-otp-secret');
    const code = html.indexOf('<label for="code">Code</label>');
    expect(qr).toBeGreaterThan(0);
    expect(key).toBeGreaterThan(qr);
    expect(code).toBeGreaterThan(key);
  });

  it('shows the key in groups of four that cannot wrap inside a group', async () => {
    const html = await otpEnrollPage();
    const key = /<code class="secret" data-otp-secret="([^"]+)">(.*?)<\/code>/s.exec(html);
    expect(key?.[1]).toBe(SECRET);
    const groups = [...(key?.[2] ?? '').matchAll(/<span>([^<]*)<\/span>/g)].map((match) => match[1]);
    expect(groups).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'JBSW', 'Y3DP', 'EHPK', '3PXP']);
    expect(html).toMatch(/\.secret span\{display:inline-block;white-space:nowrap/);
  });

  it('keeps the field labels and button names the browser tests select by', () => {
    const login = loginPage('u', { clientName: 'app' });
    expect(login).toContain('<label for="email">Email address</label>');
    expect(login).toContain('<label for="password">Password</label>');
    expect(login).toContain('<button type="submit">Continue</button>');
    const enroll = enrollPage('u', { email: 'bob@example.com' });
    for (const name of [
      'Authenticator app',
      'Send a text message',
      'Call me',
      'Email me a code',
      'Push notifications (Guardian)',
    ])
      expect(enroll).toMatch(new RegExp(`<button[^>]*>${name.replace(/[()]/g, '\\$&')}</button>`));
    expect(enroll).toContain('<label for="phone">Phone number (E.164, for example +15555550100)</label>');
    expect(enroll).toContain('<label for="enroll-email">Email address</label>');
  });
});
