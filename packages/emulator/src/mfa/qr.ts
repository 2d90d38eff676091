/** QR codes for the login page, so an otpauth URI can be scanned with an authenticator app. */
import encodeQR from 'qr';

/**
 * An SVG image of `uri` as a QR code (error correction level M, a two-module quiet zone), ready to be
 * inlined in HTML. The page gives it a white background.
 */
export async function qrSvg(uri: string): Promise<string> {
  return encodeQR(uri, 'svg', { ecc: 'medium', border: 2 });
}
