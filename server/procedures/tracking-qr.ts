import { qrSvg } from '../qr';
import { notFound } from '../errors';
import { rt } from '../runtime';
import { trackingUrl } from './notify';

/** SVG QR code of a procedure's public tracking page: shown at the counter, scanned at the kiosk. */
export async function trackingQrSvg(trackingCode: string): Promise<string> {
  const exists = await rt().db.procedure.count({ where: { trackingCode } });
  if (!exists) throw notFound('Procedure');
  return qrSvg(trackingUrl(trackingCode));
}
