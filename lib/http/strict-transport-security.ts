// HSTS tells browsers to use https only, for two years, subdomains included. It is sent
// only by a production server reached over https: over plain http a browser ignores it
// anyway, and in development it would pin localhost to https for every other project. Pure.

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function strictTransportSecurityFor(request: {
  nodeEnv: "development" | "production" | "test";
  protocol: "http" | "https";
}): string | undefined {
  return request.nodeEnv === "production" && request.protocol === "https" ? STRICT_TRANSPORT_SECURITY : undefined;
}
