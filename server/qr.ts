import QRCode from 'qrcode';

/** An address as the SVG QR code every screen shows (ticket, appointment, tracking, online request). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
