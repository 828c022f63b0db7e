// Test fixtures only: certificate signing requests made by the openssl command, the tool
// customers use, for every kind of key a CSR can carry (weak and refused ones included).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type TestCsrKey =
  | "rsa-2048"
  | "rsa-3072"
  | "rsa-1024"
  | "rsa-2048-e3"
  | "ec-p256"
  | "ec-p384"
  | "ec-p521"
  | "ed25519"
  | "dsa";

const GENPKEY: Record<TestCsrKey, string[]> = {
  "rsa-2048": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
  "rsa-3072": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"],
  "rsa-1024": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"],
  "rsa-2048-e3": ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_keygen_pubexp:3"],
  "ec-p256": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
  "ec-p384": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
  "ec-p521": ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
  ed25519: ["-algorithm", "ED25519"],
  dsa: [],
};

function openssl(args: string[], input?: string): string {
  try {
    return execFileSync("openssl", args, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("These tests make CSRs with the openssl command: install it (apt-get install openssl)");
    }
    throw error;
  }
}

/** A PEM CSR for `commonName` (omit with null) and the SAN DNS names, on a new key of `key`, and its key. */
export function createTestCsr(options: {
  key: TestCsrKey;
  commonName: string | null;
  sans?: string[];
  ipSans?: string[];
}): { csrPem: string; privateKeyPem: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "certdesk-csr-"));
  try {
    const keyFile = path.join(dir, "key.pem");
    if (options.key === "dsa") {
      const params = path.join(dir, "dsa.pem");
      openssl(["genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024", "-out", params]);
      openssl(["genpkey", "-paramfile", params, "-out", keyFile]);
    } else {
      openssl(["genpkey", ...GENPKEY[options.key], "-out", keyFile]);
    }
    const san = [
      ...(options.sans ?? []).map((name) => `DNS:${name}`),
      ...(options.ipSans ?? []).map((ip) => `IP:${ip}`),
    ];
    const config = path.join(dir, "req.cnf");
    writeFileSync(
      config,
      [
        "[req]",
        "distinguished_name = dn",
        "prompt = no",
        ...(san.length > 0 ? ["req_extensions = ext"] : []),
        "[dn]",
        options.commonName === null ? "O = CertDesk Tests" : `CN = ${options.commonName}`,
        "[ext]",
        ...(san.length > 0 ? [`subjectAltName = ${san.join(",")}`] : []),
        "",
      ].join("\n"),
    );
    const csrPem = openssl(["req", "-new", "-key", keyFile, "-config", config]);
    return { csrPem, privateKeyPem: openssl(["pkey", "-in", keyFile]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same CSR with one byte of its signature changed: well-formed, but not signed by its key. */
export function breakCsrSignature(csrPem: string): string {
  const base64 = csrPem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  const der = Buffer.from(base64, "base64");
  der[der.length - 3] = (der[der.length - 3] ?? 0) ^ 0xff;
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE REQUEST-----\n${lines.join("\n")}\n-----END CERTIFICATE REQUEST-----\n`;
}
