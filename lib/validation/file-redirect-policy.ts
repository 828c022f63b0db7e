// Which redirects a file-validation check follows (ours, after the Baseline Requirements'
// "Agreed-Upon Change to Website"): at most two, to http or https on the standard ports,
// and only to the host being validated or its www/apex counterpart, so a site can send
// `example.com` to `www.example.com` (or to https) but never prove a name with another
// site's file. Pure.

export const MAX_FILE_REDIRECTS = 2;

export type RedirectRefusal = "TOO_MANY_REDIRECTS" | "NOT_HTTP" | "OTHER_HOST" | "OTHER_PORT" | "BAD_LOCATION";

export type RedirectDecision =
  | { follow: true; url: URL }
  | { follow: false; reason: RedirectRefusal; location: string };

/** The host itself and its counterpart: `example.com` ↔ `www.example.com`. */
export function sameSiteHosts(host: string): string[] {
  return host.startsWith("www.") ? [host, host.slice(4)] : [host, `www.${host}`];
}

/**
 * Whether to follow a `Location` from `from` while validating `host`, after `redirects`
 * redirects already followed. `ports` are the ports allowed besides the scheme's default
 * (tests run their HTTP servers on free ports).
 */
export function decideRedirect(input: {
  host: string;
  from: URL;
  location: string | undefined;
  redirects: number;
  ports?: readonly number[];
}): RedirectDecision {
  const location = input.location ?? "";
  if (input.redirects >= MAX_FILE_REDIRECTS) return { follow: false, reason: "TOO_MANY_REDIRECTS", location };
  let url: URL;
  try {
    url = new URL(location, input.from);
  } catch {
    return { follow: false, reason: "BAD_LOCATION", location };
  }
  if (!location) return { follow: false, reason: "BAD_LOCATION", location };
  if (url.protocol !== "http:" && url.protocol !== "https:") return { follow: false, reason: "NOT_HTTP", location };
  if (url.username || url.password || !sameSiteHosts(input.host).includes(url.hostname)) {
    return { follow: false, reason: "OTHER_HOST", location };
  }
  if (url.port !== "" && !(input.ports ?? []).includes(Number(url.port))) {
    return { follow: false, reason: "OTHER_PORT", location };
  }
  return { follow: true, url };
}
