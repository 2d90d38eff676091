import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/mfa/index.js';

describe('qrSvg', () => {
  it('renders an otpauth URI as inline SVG', async () => {
    const svg = await qrSvg('otpauth://totp/127.0.0.1%3A4400:a%40example.com?secret=JBSWY3DPEHPK3PXP');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<path');
  });
});
