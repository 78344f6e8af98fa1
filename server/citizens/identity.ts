/**
 * Which sign-ins the portal offers. `strong` services (SPID/CIE through the town's OpenID Connect
 * gateway) are only offered once a provider is configured; the OpenID Connect sign-in is not built
 * yet (issue 9), so today every `strong` service is listed as unavailable and refused.
 */
export function oidcConfigured(): boolean {
  return false;
}
