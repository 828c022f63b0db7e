import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { strToU8, type ZipAttributes, zipSync } from "fflate";
import { buildPkcs12 } from "@/lib/downloads/build-pkcs12";
import { generateKeystorePassword } from "@/lib/downloads/generate-keystore-password";
import { decodePemText } from "@/lib/pem/decode-pem-text";
import { encodePem } from "@/lib/pem/encode-pem";

export const SERVER_TYPES = ["nginx", "apache", "iis", "tomcat", "pem"] as const;
export type ServerType = (typeof SERVER_TYPES)[number];

// A constant alias lets a renewed keystore replace the old file without editing server.xml.
export const TOMCAT_KEY_ALIAS = "certdesk";

export type DownloadBundleInput = {
  domain: string;
  certificatePem: string;
  // Intermediate(s) then root; null or empty when the certificate has no chain.
  chainPem: string | null;
  // Unencrypted, as decrypted from storage by the caller.
  privateKeyPem: string;
  now: Date;
};

export type DownloadBundle = {
  fileName: string;
  zip: Uint8Array;
  // Only for the keystore formats. It is not stored anywhere: the caller shows it once.
  password?: string;
};

// Stored certificates are a few KiB; this only stops a corrupt row from being processed.
const MAX_PEM_BYTES = 256 * 1024;

/**
 * The zip a customer downloads to install a certificate on one kind of server, named after
 * the files each server's documentation expects. Apart from keystore passwords and PKCS#12
 * salts the output depends only on the input (file times come from `now`), so the same
 * certificate downloads as the same bytes.
 */
export function buildDownloadBundle(serverType: ServerType, input: DownloadBundleInput): DownloadBundle {
  const { leaf, chain, privateKey } = readMaterial(input);
  const base = fileSafeDomain(input.domain);
  const leafPem = encodePem("CERTIFICATE", leaf.raw);
  const chainPem = chain.map((certificate) => encodePem("CERTIFICATE", certificate.raw)).join("");
  const keyPem = String(privateKey.export({ type: "pkcs8", format: "pem" }));
  const files: BundleFile[] = [];

  switch (serverType) {
    case "nginx":
      // ssl_certificate takes the leaf followed by its chain in one file.
      files.push(text(`${base}_bundle.crt`, leafPem + chainPem), secret(`${base}.key`, keyPem));
      break;
    case "apache":
      files.push(text(`${base}.crt`, leafPem));
      if (chainPem) files.push(text("root_bundle.crt", chainPem));
      files.push(secret(`${base}.key`, keyPem));
      break;
    case "pem":
      files.push(text(`${base}.pem`, leafPem));
      if (chainPem) files.push(text(`${base}-chain.pem`, chainPem));
      files.push(secret(`${base}.key`, keyPem));
      break;
    case "iis": {
      const password = generateKeystorePassword();
      const pfx = buildPkcs12({
        privateKey,
        certificates: [leaf, ...chain],
        password,
        friendlyName: input.domain,
        // Windows Server 2016 and older cannot import AES-encrypted PFX files, and IIS on
        // them is still common.
        encryption: "3des-sha1",
      });
      files.push({ name: `${base}.pfx`, data: pfx, secret: true }, secret("keystorePass.txt", password));
      return { fileName: zipName(base, serverType), zip: zip(files, input.now), password };
    }
    case "tomcat": {
      const password = generateKeystorePassword();
      const p12 = buildPkcs12({
        privateKey,
        certificates: [leaf, ...chain],
        password,
        friendlyName: TOMCAT_KEY_ALIAS,
        // Every Java still supported (8u301+, 11.0.12+, 17+) reads AES-256 keystores.
        encryption: "aes256-sha256",
      });
      files.push(
        { name: `${base}.p12`, data: p12, secret: true },
        secret("keystorePass.txt", password),
        text("README.txt", tomcatReadme(input.domain, base)),
      );
      return { fileName: zipName(base, serverType), zip: zip(files, input.now), password };
    }
  }
  return { fileName: zipName(base, serverType), zip: zip(files, input.now) };
}

type BundleFile = { name: string; data: Uint8Array; secret: boolean };

const text = (name: string, content: string): BundleFile => ({ name, data: strToU8(content), secret: false });
const secret = (name: string, content: string): BundleFile => ({ name, data: strToU8(content), secret: true });

function readMaterial(input: DownloadBundleInput): {
  leaf: X509Certificate;
  chain: X509Certificate[];
  privateKey: KeyObject;
} {
  const [leaf, ...extra] = readCertificates(input.certificatePem, "certificatePem");
  if (!leaf || extra.length > 0) throw new Error("certificatePem must hold exactly one certificate");
  const chain = input.chainPem?.trim() ? readCertificates(input.chainPem, "chainPem") : [];
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(input.privateKeyPem);
  } catch {
    // OpenSSL's message is dropped so that nothing about the key can reach a log.
    throw new Error("privateKeyPem is not a readable unencrypted private key");
  }
  if (!leaf.checkPrivateKey(privateKey)) throw new Error("privateKeyPem does not match certificatePem");
  return { leaf, chain, privateKey };
}

function readCertificates(text: string, field: string): X509Certificate[] {
  const decoded = decodePemText({ text, maxBytes: MAX_PEM_BYTES, derConversionCommand: "" });
  if (!decoded.ok) throw new Error(`${field} is not PEM (${decoded.code})`);
  return decoded.blocks.map((block) => {
    if (block.label !== "CERTIFICATE") throw new Error(`${field} holds a ${block.label} block`);
    return new X509Certificate(block.der);
  });
}

/** "*.example.com" → "_.example.com"; anything that is not a host-name character becomes "_". */
function fileSafeDomain(domain: string): string {
  const safe = domain
    .trim()
    .toLowerCase()
    .replace(/^\*\./, "_.")
    .replace(/[^a-z0-9._-]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^\./, "");
  if (!/[a-z0-9]/.test(safe)) throw new Error("The domain gives no usable file name");
  return safe;
}

function zipName(base: string, serverType: ServerType): string {
  return `${base}_${serverType}.zip`;
}

// Unix permissions, honoured by `unzip`: keys and keystores readable by their owner only.
const UNIX = 3;
const PUBLIC_MODE = 0o100644;
const SECRET_MODE = 0o100600;

function zip(files: BundleFile[], now: Date): Uint8Array {
  const mtime = utcAsLocalTime(now);
  const entries: Record<string, [Uint8Array, ZipAttributes]> = {};
  for (const file of files) {
    const mode = file.secret ? SECRET_MODE : PUBLIC_MODE;
    entries[file.name] = [file.data, { mtime, os: UNIX, attrs: (mode << 16) >>> 0 }];
  }
  return zipSync(entries, { level: 6 });
}

// Zip stores wall-clock fields without a zone and fflate fills them from the local-time
// getters. Shifting by the zone offset writes `now` in UTC, so the bytes do not depend on
// the server's TZ. The offset is read at the shifted instant too, to be right across DST changes.
export function utcAsLocalTime(now: Date): Date {
  const firstGuess = new Date(now.getTime() + now.getTimezoneOffset() * 60_000);
  return new Date(now.getTime() + firstGuess.getTimezoneOffset() * 60_000);
}

function tomcatReadme(domain: string, base: string): string {
  return `Certificate for ${domain}, packaged for Apache Tomcat by CertDesk

Files
  ${base}.p12        PKCS#12 keystore: the private key, the certificate and its chain
  keystorePass.txt   the keystore password (shown once when you downloaded this file)

Keystore type
  PKCS#12 is the standard keystore type and, since Java 9 (JEP 229), Java's default; it
  is what Tomcat expects. JKS is a legacy Java-only format. If an old setup requires JKS:
    keytool -importkeystore -srckeystore ${base}.p12 -srcstoretype PKCS12 \\
            -destkeystore ${base}.jks -deststoretype JKS
  The keystore is encrypted with AES-256 and needs Java 8u301, 11.0.12, 17 or newer.
  The key entry's alias is "${TOMCAT_KEY_ALIAS}".

conf/server.xml (Tomcat 8.5 and newer)
  <Connector port="443" protocol="org.apache.coyote.http11.Http11NioProtocol"
             SSLEnabled="true" maxThreads="150">
    <SSLHostConfig>
      <Certificate certificateKeystoreFile="conf/${base}.p12"
                   certificateKeystoreType="PKCS12"
                   certificateKeystorePassword="(the password in keystorePass.txt)"
                   certificateKeyAlias="${TOMCAT_KEY_ALIAS}" />
    </SSLHostConfig>
  </Connector>

Restart Tomcat after copying the keystore into conf/.
`;
}
