// One zip with a folder per server type, each holding exactly the files of that type's own
// download (the original's DownloadCertificate answers with such an archive). Pure.
import { unzipSync, type ZipAttributes, zipSync } from "fflate";
import { type DownloadBundle, type ServerType, utcAsLocalTime } from "@/lib/downloads/build-download-bundle";

/** The folder names, as in the original's archive (PEM is CertDesk's: leaf, chain and key apart). */
export const ARCHIVE_FOLDERS: Record<ServerType, string> = {
  nginx: "Nginx",
  apache: "Apache",
  iis: "IIS",
  tomcat: "Tomcat",
  pem: "PEM",
};

const UNIX = 3;
// Every entry is readable by its owner only when the archive holds a key anywhere: one
// unzip puts them all in one place.
const SECRET_MODE = 0o100600;
const PUBLIC_MODE = 0o100644;

export function buildDownloadArchive(
  bundles: readonly { serverType: ServerType; bundle: DownloadBundle }[],
  input: { includesPrivateKey: boolean; now: Date },
): { fileName: string; zip: Uint8Array } {
  const mtime = utcAsLocalTime(input.now);
  const mode = input.includesPrivateKey ? SECRET_MODE : PUBLIC_MODE;
  const entries: Record<string, [Uint8Array, ZipAttributes]> = {};
  for (const { serverType, bundle } of bundles) {
    for (const [name, data] of Object.entries(unzipSync(bundle.zip))) {
      entries[`${ARCHIVE_FOLDERS[serverType]}/${name}`] = [data, { mtime, os: UNIX, attrs: (mode << 16) >>> 0 }];
    }
  }
  const base = bundles[0]?.bundle.fileName.replace(/_[a-z]+\.zip$/, "") ?? "certificate";
  return { fileName: `${base}.zip`, zip: zipSync(entries, { level: 6 }) };
}
