import { spawnSync } from "node:child_process";
import { createHash, createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDownloadBundle, type DownloadBundleInput, TOMCAT_KEY_ALIAS } from "@/lib/downloads/build-download-bundle";
import { generateTestKeyPair, issueTestCertificate, type TestCertificate } from "@/testing/issue-test-certificate";

const now = new Date("2026-03-01T09:08:06Z");
const valid = { notBefore: new Date("2026-02-01T00:00:00Z"), notAfter: new Date("2027-02-01T00:00:00Z") };

let root: TestCertificate;
let intermediate: TestCertificate;
let rsaLeaf: TestCertificate;
let ecLeaf: TestCertificate;
let wildcardLeaf: TestCertificate;
let workDir: string;

beforeAll(() => {
  root = issueTestCertificate({
    commonName: "Bundle Root",
    isCa: true,
    ...valid,
    keys: generateTestKeyPair("ec-p384"),
  });
  intermediate = issueTestCertificate({
    commonName: "Bundle Intermediate",
    isCa: true,
    ...valid,
    keys: generateTestKeyPair("ec-p256"),
    issuer: root,
  });
  const leaf = (commonName: string, type: "rsa-2048" | "ec-p256") =>
    issueTestCertificate({
      commonName,
      sans: [commonName],
      ...valid,
      keys: generateTestKeyPair(type),
      issuer: intermediate,
    });
  // The only RSA key in this file.
  rsaLeaf = leaf("www.example.com", "rsa-2048");
  ecLeaf = leaf("api.example.com", "ec-p256");
  wildcardLeaf = leaf("*.example.com", "ec-p256");
  workDir = mkdtempSync(path.join(tmpdir(), "certdesk-bundle-"));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function inputFor(leaf: TestCertificate, overrides: Partial<DownloadBundleInput> = {}): DownloadBundleInput {
  return {
    domain: leaf.commonName,
    certificatePem: leaf.pem,
    chainPem: intermediate.pem + root.pem,
    privateKeyPem: leaf.privateKeyPem,
    now,
    ...overrides,
  };
}

function unzip(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

function textOf(files: Record<string, Uint8Array>, name: string): string {
  const data = files[name];
  if (!data) throw new Error(`${name} is not in the zip (has ${Object.keys(files).join(", ")})`);
  return strFromU8(data);
}

function certificatesIn(pem: string): X509Certificate[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g)].map(
    (match) => new X509Certificate(match[0]),
  );
}

function expectLinkedChain(certificates: X509Certificate[]) {
  for (let i = 0; i + 1 < certificates.length; i++) {
    const [subject, issuer] = [certificates[i], certificates[i + 1]];
    if (!subject || !issuer) throw new Error("missing certificate");
    expect(subject.issuer).toBe(issuer.subject);
    expect(subject.checkIssued(issuer)).toBe(true);
    expect(subject.verify(issuer.publicKey)).toBe(true);
  }
}

type Pkcs12Contents = { key: KeyObject; certificates: X509Certificate[]; keyAttributes: Record<string, string[]> };

/** Reads a PKCS#12 file with node-forge, independently of how it was written. */
function readPkcs12(data: Uint8Array, password: string): Pkcs12Contents {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(data).toString("binary")), password);
  const keyBagType = forge.pki.oids.pkcs8ShroudedKeyBag ?? "";
  const certBagType = forge.pki.oids.certBag ?? "";
  const keyBags = pfx.getBags({ bagType: keyBagType })[keyBagType] ?? [];
  const certBags = pfx.getBags({ bagType: certBagType })[certBagType] ?? [];
  expect(keyBags).toHaveLength(1);
  const [keyBag] = keyBags;
  if (!keyBag) throw new Error("no key bag");
  // forge decodes RSA keys and certificates itself and leaves other algorithms as ASN.1.
  const key = keyBag.key
    ? createPrivateKey(forge.pki.privateKeyToPem(keyBag.key))
    : createPrivateKey({ key: derOf(keyBag.asn1), format: "der", type: "pkcs8" });
  const certificates = certBags.map(
    (bag) => new X509Certificate(bag.cert ? derOf(forge.pki.certificateToAsn1(bag.cert)) : derOf(bag.asn1)),
  );
  return { key, certificates, keyAttributes: keyBag.attributes as Record<string, string[]> };
}

function derOf(value: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(value).getBytes(), "binary");
}

const fingerprints = (certificates: X509Certificate[]) => certificates.map((certificate) => certificate.fingerprint256);

type ZipEntry = { name: string; os: number; mode: number; modified: string };

/** The central directory of a zip: what `unzip` uses for names, permissions and times. */
function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = Buffer.from(zip);
  const end = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = view.readUInt16LE(end + 10);
  let offset = view.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const time = view.readUInt16LE(offset + 12);
    const date = view.readUInt16LE(offset + 14);
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const commentLength = view.readUInt16LE(offset + 32);
    const pad = (n: number) => String(n).padStart(2, "0");
    entries.push({
      name: view.toString("utf8", offset + 46, offset + 46 + nameLength),
      os: view.readUInt8(offset + 5),
      mode: view.readUInt32LE(offset + 38) >>> 16,
      modified: `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)}T${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe("buildDownloadBundle: PEM bundles", () => {
  it("nginx: a full-chain file leaf → intermediate → root, and the matching key", () => {
    const bundle = buildDownloadBundle("nginx", inputFor(rsaLeaf));
    expect(bundle.fileName).toBe("www.example.com_nginx.zip");
    expect(bundle.password).toBeUndefined();
    const files = unzip(bundle.zip);
    expect(Object.keys(files).sort()).toEqual(["www.example.com.key", "www.example.com_bundle.crt"]);

    const fullChain = certificatesIn(textOf(files, "www.example.com_bundle.crt"));
    expect(fingerprints(fullChain)).toEqual(fingerprints([rsaLeaf.x509, intermediate.x509, root.x509]));
    expectLinkedChain(fullChain);
    expect(fullChain[2]?.checkIssued(fullChain[2])).toBe(true);

    const keyPem = textOf(files, "www.example.com.key");
    expect(keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(fullChain[0]?.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
  });

  it("apache: the leaf, the chain as root_bundle.crt, and the key", () => {
    const files = unzip(buildDownloadBundle("apache", inputFor(ecLeaf)).zip);
    expect(Object.keys(files).sort()).toEqual(["api.example.com.crt", "api.example.com.key", "root_bundle.crt"]);
    expect(fingerprints(certificatesIn(textOf(files, "api.example.com.crt")))).toEqual([ecLeaf.x509.fingerprint256]);
    const chain = certificatesIn(textOf(files, "root_bundle.crt"));
    expect(fingerprints(chain)).toEqual(fingerprints([intermediate.x509, root.x509]));
    expectLinkedChain([ecLeaf.x509, ...chain]);
    expect(ecLeaf.x509.checkPrivateKey(createPrivateKey(textOf(files, "api.example.com.key")))).toBe(true);
  });

  it("pem: the leaf, the chain and the key as separate files", () => {
    const bundle = buildDownloadBundle("pem", inputFor(ecLeaf));
    expect(bundle.fileName).toBe("api.example.com_pem.zip");
    const files = unzip(bundle.zip);
    expect(Object.keys(files).sort()).toEqual([
      "api.example.com-chain.pem",
      "api.example.com.key",
      "api.example.com.pem",
    ]);
    expect(textOf(files, "api.example.com.pem")).toBe(ecLeaf.pem);
    expect(textOf(files, "api.example.com-chain.pem")).toBe(intermediate.pem + root.pem);
    expect(textOf(files, "api.example.com.key")).toBe(ecLeaf.privateKeyPem);
  });

  it("leaves the chain file out when the certificate has no chain", () => {
    expect(Object.keys(unzip(buildDownloadBundle("apache", inputFor(ecLeaf, { chainPem: null })).zip)).sort()).toEqual([
      "api.example.com.crt",
      "api.example.com.key",
    ]);
    expect(Object.keys(unzip(buildDownloadBundle("pem", inputFor(ecLeaf, { chainPem: "" })).zip)).sort()).toEqual([
      "api.example.com.key",
      "api.example.com.pem",
    ]);
  });

  it("names a wildcard certificate's files with _ for *", () => {
    const nginx = buildDownloadBundle("nginx", inputFor(wildcardLeaf));
    expect(nginx.fileName).toBe("_.example.com_nginx.zip");
    expect(Object.keys(unzip(nginx.zip)).sort()).toEqual(["_.example.com.key", "_.example.com_bundle.crt"]);
    const iis = buildDownloadBundle("iis", inputFor(wildcardLeaf));
    expect(iis.fileName).toBe("_.example.com_iis.zip");
    expect(Object.keys(unzip(iis.zip)).sort()).toEqual(["_.example.com.pfx", "keystorePass.txt"]);
  });

  it("keeps path characters out of file names", () => {
    const bundle = buildDownloadBundle("pem", inputFor(ecLeaf, { domain: "../../etc/passwd" }));
    expect(bundle.fileName).toBe("_._etc_passwd_pem.zip");
    for (const name of Object.keys(unzip(bundle.zip))) expect(name).not.toContain("/");
  });
});

describe("buildDownloadBundle: keystores", () => {
  it("iis: a PFX with the key, the leaf and the chain, under the returned password", () => {
    const bundle = buildDownloadBundle("iis", inputFor(rsaLeaf));
    expect(bundle.fileName).toBe("www.example.com_iis.zip");
    const files = unzip(bundle.zip);
    expect(Object.keys(files).sort()).toEqual(["keystorePass.txt", "www.example.com.pfx"]);
    const password = bundle.password ?? "";
    expect(password).toMatch(/^[A-Za-z2-9]{24}$/);
    expect(textOf(files, "keystorePass.txt")).toBe(password);

    const pfx = readPkcs12(files["www.example.com.pfx"] ?? new Uint8Array(), password);
    expect(fingerprints(pfx.certificates)).toEqual(fingerprints([rsaLeaf.x509, intermediate.x509, root.x509]));
    expect(rsaLeaf.x509.checkPrivateKey(pfx.key)).toBe(true);
    expect(pfx.keyAttributes.friendlyName).toEqual(["www.example.com"]);
    const sha1 = createHash("sha1").update(rsaLeaf.der).digest("binary");
    expect(pfx.keyAttributes.localKeyId).toEqual([sha1]);
  });

  it("tomcat: a PKCS#12 keystore with alias certdesk, its password and a README on PKCS#12 vs JKS", () => {
    const bundle = buildDownloadBundle("tomcat", inputFor(ecLeaf));
    expect(bundle.fileName).toBe("api.example.com_tomcat.zip");
    const files = unzip(bundle.zip);
    expect(Object.keys(files).sort()).toEqual(["README.txt", "api.example.com.p12", "keystorePass.txt"]);
    const password = bundle.password ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(textOf(files, "keystorePass.txt")).toBe(password);

    const p12 = readPkcs12(files["api.example.com.p12"] ?? new Uint8Array(), password);
    expect(fingerprints(p12.certificates)).toEqual(fingerprints([ecLeaf.x509, intermediate.x509, root.x509]));
    expect(ecLeaf.x509.checkPrivateKey(p12.key)).toBe(true);
    expect(p12.keyAttributes.friendlyName).toEqual([TOMCAT_KEY_ALIAS]);

    const readme = textOf(files, "README.txt");
    expect(readme).toContain("Java 9");
    expect(readme).toContain("JKS");
    expect(readme).toContain('certificateKeystoreFile="conf/api.example.com.p12"');
    expect(readme).toContain('certificateKeyAlias="certdesk"');
    expect(readme).not.toContain(password);
  });

  it.each(["iis", "tomcat"] as const)("%s: the keystore does not open with another password", (serverType) => {
    const bundle = buildDownloadBundle(serverType, inputFor(ecLeaf));
    const [keystore] = Object.entries(unzip(bundle.zip)).filter(([name]) => /\.(pfx|p12)$/.test(name));
    expect(keystore).toBeDefined();
    expect(() => readPkcs12(keystore?.[1] ?? new Uint8Array(), `${bundle.password}x`)).toThrow(/MAC|password/i);
  });

  it("generates a new password for every download", () => {
    const first = buildDownloadBundle("iis", inputFor(ecLeaf));
    const second = buildDownloadBundle("iis", inputFor(ecLeaf));
    expect(first.password).not.toBe(second.password);
  });

  it.each([
    ["iis", "www.example.com.pfx", ["MAC: sha1", "Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC"]],
    ["tomcat", "www.example.com.p12", ["MAC: sha256", "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC"]],
  ] as const)(
    "%s: openssl reads the keystore with the password and only with it",
    (serverType, fileName, algorithms) => {
      const bundle = buildDownloadBundle(serverType, inputFor(rsaLeaf));
      const file = path.join(workDir, fileName);
      writeFileSync(file, unzip(bundle.zip)[fileName] ?? new Uint8Array());
      const openssl = (password: string, ...args: string[]) => {
        const run = spawnSync("openssl", ["pkcs12", "-in", file, "-passin", `pass:${password}`, ...args]);
        return { status: run.status, output: `${run.stdout}${run.stderr}` };
      };
      const password = bundle.password ?? "";

      const certificatesOut = openssl(password, "-nokeys");
      expect(certificatesOut.status).toBe(0);
      expect(fingerprints(certificatesIn(certificatesOut.output))).toEqual(
        fingerprints([rsaLeaf.x509, intermediate.x509, root.x509]),
      );
      const keyOut = openssl(password, "-nocerts", "-nodes");
      const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(keyOut.output)?.[0] ?? "";
      expect(rsaLeaf.x509.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
      // The encryption each server type needs (see build-download-bundle.ts).
      const info = openssl(password, "-info", "-noout").output;
      for (const algorithm of algorithms) expect(info).toContain(algorithm);

      expect(openssl("wrong-password", "-nokeys").status).not.toBe(0);
    },
  );
});

describe("buildDownloadBundle: zip layout", () => {
  it("is byte-for-byte repeatable, whatever the server's time zone", () => {
    const first = buildDownloadBundle("nginx", inputFor(ecLeaf)).zip;
    const previousZone = process.env.TZ;
    process.env.TZ = "Asia/Shanghai";
    try {
      expect(Buffer.from(buildDownloadBundle("nginx", inputFor(ecLeaf)).zip).equals(Buffer.from(first))).toBe(true);
    } finally {
      if (previousZone === undefined) delete process.env.TZ;
      else process.env.TZ = previousZone;
    }
  });

  it("dates the files at `now` (UTC) and makes keys readable by their owner only", () => {
    const entries = zipEntries(buildDownloadBundle("tomcat", inputFor(ecLeaf)).zip);
    expect(entries.map(({ name, mode }) => [name, mode.toString(8)])).toEqual([
      ["api.example.com.p12", "100600"],
      ["keystorePass.txt", "100600"],
      ["README.txt", "100644"],
    ]);
    for (const entry of entries) {
      expect(entry.os).toBe(3);
      expect(entry.modified).toBe("2026-03-01T09:08:06");
    }
    const nginx = zipEntries(buildDownloadBundle("nginx", inputFor(ecLeaf)).zip);
    expect(nginx.map(({ name, mode }) => [name, mode.toString(8)])).toEqual([
      ["api.example.com_bundle.crt", "100644"],
      ["api.example.com.key", "100600"],
    ]);
  });
});

describe("buildDownloadBundle: inconsistent input", () => {
  it("refuses a key that does not belong to the certificate, without quoting the key", () => {
    const call = () => buildDownloadBundle("nginx", inputFor(ecLeaf, { privateKeyPem: rsaLeaf.privateKeyPem }));
    expect(call).toThrow("privateKeyPem does not match certificatePem");
    try {
      call();
    } catch (error) {
      const body = rsaLeaf.privateKeyPem.split("\n")[1] ?? "";
      expect(String(error)).not.toContain(body.slice(0, 20));
    }
  });

  it("refuses a certificate field holding more than one certificate", () => {
    expect(() =>
      buildDownloadBundle("pem", inputFor(ecLeaf, { certificatePem: ecLeaf.pem + intermediate.pem })),
    ).toThrow("exactly one certificate");
  });

  it("refuses an encrypted key with a message that does not quote it", () => {
    const encrypted = String(
      ecLeaf.keys.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "x" }),
    );
    expect(() => buildDownloadBundle("pem", inputFor(ecLeaf, { privateKeyPem: encrypted }))).toThrow(
      /^privateKeyPem is not a readable unencrypted private key$/,
    );
  });
});
