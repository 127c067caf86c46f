/** The school address as an SVG QR code for the set-up page: attributes only, hidden from screen readers (the address is written beside it). */
import QRCode from 'qrcode';

export async function qrCodeSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
