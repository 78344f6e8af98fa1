/**
 * "Request it online": the portal page where a service is requested from home, and its QR code,
 * for the kiosk and the booking pages to point citizens to (a service that needs a digital
 * identity only once a provider is configured).
 */
import { qrSvg } from '../qr';
import type { IdentityLevel } from '../db/generated/client';
import { notFound } from '../errors';
import { rt } from '../runtime';
import { oidcConfigured } from '../citizens/identity';

export function requestableOnline(onlineIdentity: IdentityLevel | null): boolean {
  return onlineIdentity === 'email' || (onlineIdentity === 'strong' && oidcConfigured());
}

export const onlineRequestPath = (serviceId: string) => `/portale?new=${encodeURIComponent(serviceId)}`;

/** SVG QR code of the portal page that requests the service; 404 unless it can be requested online now. */
export async function onlineRequestQrSvg(serviceId: string): Promise<string> {
  const service = await rt().db.service.findUnique({ where: { id: serviceId }, select: { active: true, onlineIdentity: true } });
  if (!service?.active || !requestableOnline(service.onlineIdentity)) throw notFound('Online service');
  return qrSvg(`${rt().baseUrl}${onlineRequestPath(serviceId)}`);
}
