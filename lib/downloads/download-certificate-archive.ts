import "server-only";
import { buildDownloadArchive } from "@/lib/downloads/build-download-archive";
import { SERVER_TYPES } from "@/lib/downloads/build-download-bundle";
import {
  bundleFor,
  type DownloadRefusal,
  type DownloadRequest,
  openDownloadMaterial,
  recordDownload,
} from "@/lib/downloads/download-certificate";

/**
 * Every server type's bundle of one of the owner's certificates in one zip, a folder each
 * (the API's DownloadCertificate): the same files as the console's downloads, keystores left
 * out when there is no private key. Audited as one download of type "all".
 */
export async function downloadCertificateArchive(
  input: DownloadRequest,
): Promise<{ ok: true; fileName: string; zip: Uint8Array } | { ok: false; reason: DownloadRefusal }> {
  const material = await openDownloadMaterial(input);
  if ("refusal" in material) return { ok: false, reason: material.refusal };
  const bundles = SERVER_TYPES.flatMap((serverType) => {
    const bundle = bundleFor(serverType, material, input.now);
    return bundle ? [{ serverType, bundle }] : [];
  });
  const includesPrivateKey = material.privateKeyPem !== null;
  const archive = buildDownloadArchive(bundles, { includesPrivateKey, now: input.now });
  await recordDownload(input, { serverType: "all", fileName: archive.fileName, includesPrivateKey });
  return { ok: true, ...archive };
}
