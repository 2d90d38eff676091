/** QR codes for the login page, so an otpauth URI can be scanned with an authenticator app. */
import QRCode from 'qrcode';

/**
 * An SVG image of `uri` as a QR code.
 *
 * @param uri - Typically the `barcode_uri` of an otp enrollment.
 * @returns The SVG markup, ready to be inlined in HTML.
 * @example
 * ```ts
 * const svg = await qrSvg('otpauth://totp/127.0.0.1%3A4400:alice%40example.com?secret=...');
 * ```
 */
export async function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
