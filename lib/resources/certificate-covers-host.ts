// Whether a certificate can serve a host name, the way TLS clients match names
// (RFC 6125): exact, or a wildcard covering exactly one label. Pure.

// A resource named like a host (a CDN or live-streaming domain) is checked; names such as
// "shop-lb-prod" identify a load balancer, not a host, and are not.
const HOST_NAME = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

export function looksLikeHostName(name: string): boolean {
  return name.length <= 253 && name.includes(".") && HOST_NAME.test(name);
}

export function certificateCoversHost(certificateNames: readonly string[], host: string): boolean {
  const wanted = host.trim().toLowerCase().replace(/\.$/, "");
  return certificateNames.some((raw) => {
    const name = raw.trim().toLowerCase().replace(/\.$/, "");
    if (name === wanted) return true;
    if (!name.startsWith("*.")) return false;
    const suffix = name.slice(1); // ".example.com"
    if (!wanted.endsWith(suffix)) return false;
    const label = wanted.slice(0, -suffix.length);
    return label.length > 0 && !label.includes(".") && label !== "*";
  });
}

/** The host names a resource serves that the certificate does not cover (empty: deployable). */
export function uncoveredHosts(certificateNames: readonly string[], resourceName: string): string[] {
  if (!looksLikeHostName(resourceName)) return [];
  return certificateCoversHost(certificateNames, resourceName) ? [] : [resourceName.toLowerCase()];
}
