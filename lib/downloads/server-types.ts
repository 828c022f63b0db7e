// The server types a certificate downloads for, without the bundle code (which needs Node's
// crypto): the console's menus import this. A test keeps it equal to SERVER_TYPES.

export const DOWNLOAD_SERVER_TYPES = ["nginx", "apache", "iis", "tomcat", "pem"] as const;
export type DownloadServerType = (typeof DOWNLOAD_SERVER_TYPES)[number];

/** Server types whose files make sense without the private key (the keystores need it). */
export const CERTIFICATE_ONLY_SERVER_TYPES = [
  "nginx",
  "apache",
  "pem",
] as const satisfies readonly DownloadServerType[];
export type CertificateOnlyServerType = (typeof CERTIFICATE_ONLY_SERVER_TYPES)[number];

export function isCertificateOnlyServerType(type: DownloadServerType): type is CertificateOnlyServerType {
  return (CERTIFICATE_ONLY_SERVER_TYPES as readonly string[]).includes(type);
}
