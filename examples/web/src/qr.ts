import encodeQR from 'qr';
import { Html, escapeHtml } from './html.js';

/**
 * An `otpauth://` URI as an inline SVG QR code, labelled for assistive technology. Rendered on the server
 * so the page needs no script and the URI never goes to a third-party QR service.
 */
export async function qrCode(uri: string, label: string): Promise<Html> {
  const svg = encodeQR(uri, 'svg', { ecc: 'medium', border: 2 });
  return new Html(svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(label)}" class="qr" `));
}
