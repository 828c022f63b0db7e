// Shared by the download route and the console that reads its response.

/** The keystore password travels in this header of the one response that carries the keystore. */
export const KEYSTORE_PASSWORD_HEADER = "X-Keystore-Password";
/** "false" when the zip holds the certificate without a private key (uploaded without one). */
export const INCLUDES_PRIVATE_KEY_HEADER = "X-Includes-Private-Key";

export function downloadUrl(certificateId: string, serverType: string): string {
  return `/api/certificates/${encodeURIComponent(certificateId)}/download?type=${encodeURIComponent(serverType)}`;
}
