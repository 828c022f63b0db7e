import { createHash, createPrivateKey } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { x509 } from "@/lib/ca/x509";
import {
  MAX_FIELD_BYTES,
  type ParseUploadedCertificateInput,
  type ParseUploadedCertificateResult,
  parseUploadedCertificate,
  UPLOADED_CERTIFICATE_ERROR_CODES,
  UPLOADED_CERTIFICATE_WARNING_CODES,
  type UploadedCertificateError,
  type UploadedCertificateErrorCode,
  type UploadField,
} from "@/lib/pem/parse-uploaded-certificate";
import {
  generateTestKeyPair,
  type IssueTestCertificateOptions,
  issueTestCertificate,
  type TestCertificate,
  type TestKeyPair,
} from "@/testing/issue-test-certificate";

const now = new Date("2026-03-01T00:00:00Z");
const days = (count: number) => new Date(now.getTime() + count * 86_400_000);
const valid = { notBefore: days(-30), notAfter: days(335) };

type Fixtures = {
  root: TestCertificate;
  intermediate: TestCertificate;
  rsaLeaf: TestCertificate;
  ecLeaf: TestCertificate;
  otherRoot: TestCertificate;
  // Same name and key identifier as `intermediate`, different key: only a signature check tells them apart.
  impostorIntermediate: TestCertificate;
  weakRsaLeaf: TestCertificate;
  leaf: (options: Partial<IssueTestCertificateOptions>) => TestCertificate;
};

let f: Fixtures;
// Every private key a test uses, to prove none of it ever appears in an error.
const privateKeys: string[] = [];

beforeAll(() => {
  const ecKeys = () => generateTestKeyPair("ec-p256");
  const root = issueTestCertificate({ commonName: "CertDesk Test Root", isCa: true, ...valid, keys: ecKeys() });
  const intermediate = issueTestCertificate({
    commonName: "CertDesk Test Intermediate",
    isCa: true,
    ...valid,
    keys: ecKeys(),
    issuer: root,
  });
  const otherRoot = issueTestCertificate({ commonName: "Unrelated Root", isCa: true, ...valid, keys: ecKeys() });
  const impostorIntermediate = issueTestCertificate({
    commonName: intermediate.commonName,
    isCa: true,
    ...valid,
    keys: ecKeys(),
    issuer: root,
    keyIdentifier: intermediate.keyIdentifier,
  });
  const leaf = (options: Partial<IssueTestCertificateOptions>) => {
    const keys: TestKeyPair = options.keys ?? ecKeys();
    privateKeys.push(String(keys.privateKey.export({ type: "pkcs8", format: "pem" })));
    return issueTestCertificate({
      commonName: "www.example.com",
      sans: ["www.example.com", "example.com"],
      ...valid,
      issuer: intermediate,
      ...options,
      keys,
    });
  };
  // The only RSA keys in this file: generating them is what takes time.
  const rsaLeaf = leaf({ keys: generateTestKeyPair("rsa-2048") });
  const weakRsaLeaf = leaf({ keys: generateTestKeyPair("rsa-1024") });
  f = { root, intermediate, rsaLeaf, ecLeaf: leaf({}), otherRoot, impostorIntermediate, weakRsaLeaf, leaf };
});

function parse(input: Partial<ParseUploadedCertificateInput>) {
  return parseUploadedCertificate({ certificatePem: f.ecLeaf.pem, now, ...input });
}

function expectAccepted(result: ParseUploadedCertificateResult) {
  if (!result.ok) throw new Error(`expected the upload to be accepted, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function expectRejected(result: ParseUploadedCertificateResult): UploadedCertificateError[] {
  if (result.ok) throw new Error("expected the upload to be rejected");
  expectNoKeyMaterial(result.errors);
  return result.errors;
}

function expectNoKeyMaterial(errors: UploadedCertificateError[]) {
  const serialised = JSON.stringify(errors);
  expect(serialised).not.toContain("-----");
  for (const pem of privateKeys) {
    const body = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
    for (let i = 0; i + 24 <= body.length; i += 24) expect(serialised).not.toContain(body.slice(i, i + 24));
  }
}

/** A PEM block whose base64 body lines are changed by `edit`. */
function editBody(pem: string, edit: (lines: string[]) => string[]): string {
  const lines = pem.trim().split("\n");
  return [lines[0], ...edit(lines.slice(1, -1)), lines.at(-1)].join("\n");
}

const bytesAsLatin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const bytesAsUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("parseUploadedCertificate: accepted uploads", () => {
  it("accepts an RSA leaf with its chain and key, and describes it", () => {
    const value = expectAccepted(
      parse({
        certificatePem: f.rsaLeaf.pem,
        chainPem: f.intermediate.pem + f.root.pem,
        privateKeyPem: f.rsaLeaf.privateKeyPem,
      }),
    );
    expect(value).toMatchObject({
      domain: "www.example.com",
      sans: ["example.com"],
      isWildcard: false,
      keyAlgorithm: "RSA_2048",
      notBefore: valid.notBefore,
      notAfter: valid.notAfter,
      subject: "O=CertDesk Test, CN=www.example.com",
      issuer: "O=CertDesk Test, CN=CertDesk Test Intermediate",
      serialNumber: f.rsaLeaf.x509.serialNumber,
      fingerprintSha256: createHash("sha256").update(f.rsaLeaf.der).digest("hex"),
      certificatePem: f.rsaLeaf.pem,
      chainPem: f.intermediate.pem + f.root.pem,
      warnings: [],
    });
    expect(value.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(value.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(f.rsaLeaf.x509.checkPrivateKey(createPrivateKey(value.privateKeyPem ?? ""))).toBe(true);
  });

  it("accepts an ECDSA P-256 leaf with a SEC 1 (BEGIN EC PRIVATE KEY) key and returns the key as PKCS#8", () => {
    const sec1 = String(f.ecLeaf.keys.privateKey.export({ type: "sec1", format: "pem" }));
    expect(sec1).toContain("BEGIN EC PRIVATE KEY");
    const value = expectAccepted(parse({ chainPem: f.intermediate.pem, privateKeyPem: sec1 }));
    expect(value.keyAlgorithm).toBe("ECDSA_P256");
    expect(value.privateKeyPem).toBe(f.ecLeaf.privateKeyPem);
  });

  it("accepts the EC PARAMETERS block `openssl ecparam -genkey` writes before the key", () => {
    const sec1 = String(f.ecLeaf.keys.privateKey.export({ type: "sec1", format: "pem" }));
    const withParameters = `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${sec1}`;
    expect(expectAccepted(parse({ privateKeyPem: withParameters })).privateKeyPem).toBe(f.ecLeaf.privateKeyPem);
  });

  it("accepts an RSA PKCS#1 (BEGIN RSA PRIVATE KEY) key", () => {
    const pkcs1 = String(f.rsaLeaf.keys.privateKey.export({ type: "pkcs1", format: "pem" }));
    expect(pkcs1).toContain("BEGIN RSA PRIVATE KEY");
    const value = expectAccepted(parse({ certificatePem: f.rsaLeaf.pem, privateKeyPem: pkcs1 }));
    expect(value.privateKeyPem).toBe(f.rsaLeaf.privateKeyPem);
  });

  it("names a P-384 key ECDSA_P384", () => {
    const leaf = f.leaf({ keys: generateTestKeyPair("ec-p384") });
    expect(expectAccepted(parse({ certificatePem: leaf.pem })).keyAlgorithm).toBe("ECDSA_P384");
  });

  it("recognises a wildcard certificate", () => {
    const leaf = f.leaf({ commonName: "*.example.com", sans: ["*.example.com", "example.com"] });
    const value = expectAccepted(parse({ certificatePem: leaf.pem }));
    expect(value).toMatchObject({ domain: "*.example.com", sans: ["example.com"], isWildcard: true });
  });

  it("takes the domain from the first DNS SAN when the CN is not a host name", () => {
    const leaf = f.leaf({ commonName: "Example Web Server", sans: ["shop.example.com", "Pay.Example.com"] });
    const value = expectAccepted(parse({ certificatePem: leaf.pem }));
    expect(value).toMatchObject({ domain: "shop.example.com", sans: ["pay.example.com"], isWildcard: false });
  });

  it("accepts Windows line ends, a byte-order mark and text around the blocks, and normalises them", () => {
    const messy = `\uFEFFsubject=CN = www.example.com\r\n\r\n${f.ecLeaf.pem.replace(/\n/g, "\r\n")}\r\n  `;
    const chain = `Bag Attributes\n    friendlyName: intermediate\n${f.intermediate.pem}`;
    const value = expectAccepted(parse({ certificatePem: messy, chainPem: chain }));
    expect(value.certificatePem).toBe(f.ecLeaf.pem);
    expect(value.chainPem).toBe(f.intermediate.pem);
  });

  it("treats empty chain and key fields as not given, and warns that the chain is missing", () => {
    const value = expectAccepted(parse({ chainPem: " \n", privateKeyPem: "" }));
    expect(value.chainPem).toBeNull();
    expect(value.privateKeyPem).toBeNull();
    expect(value.warnings).toEqual([
      { field: "chain", code: "CHAIN_MISSING", params: { issuer: "O=CertDesk Test, CN=CertDesk Test Intermediate" } },
    ]);
  });

  it("puts a reversed chain in order and says so", () => {
    const value = expectAccepted(parse({ chainPem: f.root.pem + f.intermediate.pem }));
    expect(value.chainPem).toBe(f.intermediate.pem + f.root.pem);
    expect(value.warnings).toEqual([{ field: "chain", code: "CHAIN_REORDERED", params: {} }]);
  });

  it("drops the leaf when the full-chain file is pasted as the chain", () => {
    const value = expectAccepted(parse({ chainPem: f.ecLeaf.pem + f.intermediate.pem }));
    expect(value.chainPem).toBe(f.intermediate.pem);
    expect(value.warnings).toEqual([{ field: "chain", code: "CHAIN_DUPLICATE_REMOVED", params: { position: 1 } }]);
  });

  it("accepts a certificate that is one second from expiry", () => {
    const leaf = f.leaf({ notAfter: new Date(now.getTime() + 1000) });
    expect(expectAccepted(parse({ certificatePem: leaf.pem })).notAfter).toEqual(new Date(now.getTime() + 1000));
  });
});

type RejectionCase = {
  name: string;
  input: () => Partial<ParseUploadedCertificateInput>;
  field: UploadField;
  code: UploadedCertificateErrorCode;
  params?: Record<string, string | number>;
};

const PNG_HEADER = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44]);
const CERTIFICATE_DER_COMMAND = "openssl x509 -inform der -in certificate.der -out certificate.pem";

const rejections: RejectionCase[] = [
  { name: "an empty certificate", input: () => ({ certificatePem: "  \n " }), field: "certificate", code: "EMPTY" },
  {
    // Counted in UTF-8 bytes: 32,769 characters of two bytes each.
    name: "an oversize certificate",
    input: () => ({ certificatePem: "é".repeat(MAX_FIELD_BYTES / 2 + 1) }),
    field: "certificate",
    code: "TOO_LARGE",
    params: { maxBytes: 65_536, actualBytes: 65_538 },
  },
  {
    name: "an oversize chain",
    input: () => ({ chainPem: f.intermediate.pem + " ".repeat(MAX_FIELD_BYTES) }),
    field: "chain",
    code: "TOO_LARGE",
  },
  {
    name: "binary junk (an image)",
    input: () => ({ certificatePem: bytesAsLatin1(PNG_HEADER) }),
    field: "certificate",
    code: "NOT_TEXT",
  },
  {
    name: "binary junk read as UTF-8",
    input: () => ({ certificatePem: `${f.ecLeaf.pem}${bytesAsUtf8(PNG_HEADER)}` }),
    field: "certificate",
    code: "NOT_TEXT",
  },
  {
    name: "a DER certificate read as Latin-1",
    input: () => ({ certificatePem: bytesAsLatin1(f.ecLeaf.der) }),
    field: "certificate",
    code: "DER_NOT_PEM",
    params: { command: CERTIFICATE_DER_COMMAND },
  },
  {
    name: "a DER certificate read as UTF-8",
    input: () => ({ certificatePem: bytesAsUtf8(f.ecLeaf.der) }),
    field: "certificate",
    code: "DER_NOT_PEM",
    params: { command: CERTIFICATE_DER_COMMAND },
  },
  {
    name: "a DER chain",
    input: () => ({ chainPem: bytesAsUtf8(f.intermediate.der) }),
    field: "chain",
    code: "DER_NOT_PEM",
  },
  {
    name: "a DER private key",
    input: () => ({ privateKeyPem: bytesAsLatin1(f.ecLeaf.keys.privateKey.export({ type: "pkcs8", format: "der" })) }),
    field: "privateKey",
    code: "DER_NOT_PEM",
    params: { command: "openssl pkey -inform der -in private.key -out private.pem" },
  },
  {
    name: "text that is not PEM at all",
    input: () => ({ certificatePem: "my certificate is attached" }),
    field: "certificate",
    code: "PEM_NOT_FOUND",
  },
  {
    name: "base64 without its BEGIN/END lines",
    input: () => ({ certificatePem: f.ecLeaf.der.toString("base64") }),
    field: "certificate",
    code: "PEM_HEADER_MISSING",
  },
  {
    name: "a certificate without its END line",
    input: () => ({ certificatePem: f.ecLeaf.pem.replace("-----END CERTIFICATE-----", "") }),
    field: "certificate",
    code: "PEM_TRUNCATED",
    params: { label: "CERTIFICATE", missing: "END" },
  },
  {
    name: "a certificate without its BEGIN line",
    input: () => ({ certificatePem: f.ecLeaf.pem.replace("-----BEGIN CERTIFICATE-----", "") }),
    field: "certificate",
    code: "PEM_TRUNCATED",
    params: { label: "CERTIFICATE", missing: "BEGIN" },
  },
  {
    name: "a certificate with lines missing from the middle",
    input: () => ({ certificatePem: editBody(f.ecLeaf.pem, (lines) => [...lines.slice(0, 2), ...lines.slice(4)]) }),
    field: "certificate",
    code: "PEM_TRUNCATED",
    params: { label: "CERTIFICATE", missing: "DATA" },
  },
  {
    name: "mismatched BEGIN and END labels",
    input: () => ({ certificatePem: f.ecLeaf.pem.replace("END CERTIFICATE", "END X509 CRL") }),
    field: "certificate",
    code: "PEM_LABEL_MISMATCH",
    params: { beginLabel: "CERTIFICATE", endLabel: "X509 CRL" },
  },
  {
    name: "characters that are not base64",
    input: () => ({
      certificatePem: editBody(f.ecLeaf.pem, (lines) => [`${lines[0]?.slice(0, -4)}ab!c`, ...lines.slice(1)]),
    }),
    field: "certificate",
    code: "PEM_BASE64_INVALID",
    params: { label: "CERTIFICATE", block: 1 },
  },
  {
    name: "a private key pasted with the certificate",
    input: () => ({ certificatePem: f.ecLeaf.pem + f.ecLeaf.privateKeyPem }),
    field: "certificate",
    code: "PEM_UNEXPECTED_LABEL",
    params: { label: "PRIVATE KEY", expected: "CERTIFICATE" },
  },
  {
    name: "a public key pasted as the private key",
    input: () => ({ privateKeyPem: String(f.ecLeaf.keys.publicKey.export({ type: "spki", format: "pem" })) }),
    field: "privateKey",
    code: "PEM_UNEXPECTED_LABEL",
    params: { label: "PUBLIC KEY", expected: "PRIVATE KEY" },
  },
  {
    name: "two certificates in the certificate field",
    input: () => ({ certificatePem: f.ecLeaf.pem + f.intermediate.pem }),
    field: "certificate",
    code: "CERTIFICATE_MULTIPLE",
    params: { count: 2 },
  },
  {
    name: "a CERTIFICATE block that is not X.509",
    input: () => ({
      certificatePem: String(f.ecLeaf.keys.publicKey.export({ type: "spki", format: "pem" })).replace(
        /PUBLIC KEY/g,
        "CERTIFICATE",
      ),
    }),
    field: "certificate",
    code: "CERTIFICATE_UNPARSEABLE",
  },
  {
    name: "an expired certificate",
    input: () => ({ certificatePem: f.leaf({ notBefore: days(-400), notAfter: days(-1) }).pem }),
    field: "certificate",
    code: "CERTIFICATE_EXPIRED",
    params: { notAfter: days(-1).toISOString() },
  },
  {
    name: "a certificate expiring exactly now",
    input: () => ({ certificatePem: f.leaf({ notBefore: days(-400), notAfter: now }).pem }),
    field: "certificate",
    code: "CERTIFICATE_EXPIRED",
    params: { notAfter: now.toISOString() },
  },
  {
    name: "a certificate not valid yet",
    input: () => ({ certificatePem: f.leaf({ notBefore: days(2), notAfter: days(400) }).pem }),
    field: "certificate",
    code: "CERTIFICATE_NOT_YET_VALID",
    params: { notBefore: days(2).toISOString() },
  },
  {
    name: "a CA certificate uploaded as the leaf",
    input: () => ({ certificatePem: f.intermediate.pem }),
    field: "certificate",
    code: "CERTIFICATE_IS_CA",
    params: { subject: "O=CertDesk Test, CN=CertDesk Test Intermediate" },
  },
  {
    name: "a certificate that names no host",
    input: () => ({ certificatePem: f.leaf({ commonName: "Jane Doe", sans: [] }).pem }),
    field: "certificate",
    code: "CERTIFICATE_NO_DOMAIN",
  },
  {
    name: "a 1024-bit RSA key",
    input: () => ({ certificatePem: f.weakRsaLeaf.pem, privateKeyPem: f.weakRsaLeaf.privateKeyPem }),
    field: "certificate",
    code: "KEY_TOO_WEAK",
    params: { keyType: "RSA", bits: 1024, minBits: 2048 },
  },
  {
    name: "an Ed25519 key",
    input: () => ({ certificatePem: f.leaf({ keys: generateTestKeyPair("ed25519") }).pem }),
    field: "certificate",
    code: "KEY_TYPE_UNSUPPORTED",
    params: { keyType: "ED25519" },
  },
  {
    name: "an EC key on a curve browsers do not support",
    input: () => ({ certificatePem: f.leaf({ keys: generateTestKeyPair("ec-secp256k1") }).pem }),
    field: "certificate",
    code: "KEY_TYPE_UNSUPPORTED",
    params: { keyType: "EC_secp256k1" },
  },
  {
    name: "an Ed25519 private key",
    input: () => {
      const keys = generateTestKeyPair("ed25519");
      privateKeys.push(String(keys.privateKey.export({ type: "pkcs8", format: "pem" })));
      return { privateKeyPem: String(keys.privateKey.export({ type: "pkcs8", format: "pem" })) };
    },
    field: "privateKey",
    code: "KEY_TYPE_UNSUPPORTED",
    params: { keyType: "ED25519" },
  },
  {
    name: "more than ten chain certificates",
    input: () => ({ chainPem: f.intermediate.pem.repeat(11) }),
    field: "chain",
    code: "CHAIN_TOO_MANY_CERTIFICATES",
    params: { count: 11, max: 10 },
  },
  {
    name: "a chain certificate that is not X.509",
    input: () => ({
      chainPem:
        f.intermediate.pem +
        String(f.root.keys.publicKey.export({ type: "spki", format: "pem" })).replace(/PUBLIC KEY/g, "CERTIFICATE"),
    }),
    field: "chain",
    code: "CHAIN_CERTIFICATE_UNPARSEABLE",
    params: { position: 2 },
  },
  {
    name: "a leaf certificate in the chain",
    input: () => ({ chainPem: f.intermediate.pem + f.rsaLeaf.pem }),
    field: "chain",
    code: "CHAIN_CERTIFICATE_NOT_CA",
    params: { position: 2, subject: "O=CertDesk Test, CN=www.example.com" },
  },
  {
    name: "a chain of an unrelated CA",
    input: () => ({ chainPem: f.otherRoot.pem }),
    field: "chain",
    code: "CHAIN_ISSUER_MISSING",
    params: { issuer: "O=CertDesk Test, CN=CertDesk Test Intermediate" },
  },
  {
    name: "a CA with the issuer's name and key id but another key",
    input: () => ({ chainPem: f.impostorIntermediate.pem + f.root.pem }),
    field: "chain",
    code: "CHAIN_ISSUER_MISSING",
    params: { issuer: "O=CertDesk Test, CN=CertDesk Test Intermediate" },
  },
  {
    name: "an unrelated CA after the right issuer",
    input: () => ({ chainPem: f.intermediate.pem + f.otherRoot.pem }),
    field: "chain",
    code: "CHAIN_CERTIFICATE_UNRELATED",
    params: { position: 2, subject: "O=CertDesk Test, CN=Unrelated Root" },
  },
  {
    name: "a password-protected PKCS#8 key",
    input: () => ({
      privateKeyPem: String(
        f.ecLeaf.keys.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" }),
      ),
    }),
    field: "privateKey",
    code: "PRIVATE_KEY_ENCRYPTED",
  },
  {
    name: "a password-protected traditional (Proc-Type) RSA key",
    input: () => ({
      certificatePem: f.rsaLeaf.pem,
      privateKeyPem: String(
        f.rsaLeaf.keys.privateKey.export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" }),
      ),
    }),
    field: "privateKey",
    code: "PRIVATE_KEY_ENCRYPTED",
  },
  {
    name: "two private keys",
    input: () => ({ privateKeyPem: f.ecLeaf.privateKeyPem + f.rsaLeaf.privateKeyPem }),
    field: "privateKey",
    code: "PRIVATE_KEY_MULTIPLE",
    params: { count: 2 },
  },
  {
    name: "a damaged private key",
    input: () => ({
      privateKeyPem: f.rsaLeaf.privateKeyPem.replace(
        /(-----\n)([\s\S]*)(\n-----END)/,
        (_, begin: string, body: string, end: string) =>
          `${begin}${Buffer.from(Buffer.from(body, "base64").map((byte, i) => (i > 40 ? byte ^ 0x5a : byte)))
            .toString("base64")
            .replace(/.{64}/g, "$&\n")}${end}`,
      ),
    }),
    field: "privateKey",
    code: "PRIVATE_KEY_MALFORMED",
  },
  {
    name: "the private key of another certificate",
    input: () => ({ privateKeyPem: f.rsaLeaf.privateKeyPem }),
    field: "privateKey",
    code: "PRIVATE_KEY_MISMATCH",
  },
];

describe("parseUploadedCertificate: rejected uploads", () => {
  it.each(rejections)("rejects $name with $field/$code", ({ input, field, code, params }) => {
    const errors = expectRejected(parse(input()));
    const error = errors.find((candidate) => candidate.code === code);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error?.field).toBe(field);
    if (params) expect(error?.params).toEqual(params);
  });

  it("has a case for every error code", () => {
    const covered = new Set(rejections.map((rejection) => rejection.code));
    expect(UPLOADED_CERTIFICATE_ERROR_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it("rejects a certificate whose subject alternative names do not decode, rather than going by its CN", async () => {
    const signing = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
    const broken = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: "01",
      name: "CN=www.example.com",
      ...valid,
      keys: await globalThis.crypto.subtle.generateKey(signing, false, ["sign", "verify"]),
      signingAlgorithm: signing,
      // An INTEGER where the list of names belongs.
      extensions: [new x509.Extension("2.5.29.17", false, new Uint8Array([0x02, 0x01, 0x05]))],
    });
    const errors = expectRejected(parse({ certificatePem: broken.toString("pem") }));
    expect(errors.map(({ field, code }) => `${field}/${code}`)).toEqual(["certificate/CERTIFICATE_UNPARSEABLE"]);
  });

  it("reports a CA uploaded as the leaf without also saying it names no host", () => {
    const errors = expectRejected(parse({ certificatePem: f.root.pem }));
    expect(errors.map((error) => error.code)).toEqual(["CERTIFICATE_IS_CA"]);
  });

  it("reports the problems of every field at once", () => {
    const expired = f.leaf({ notBefore: days(-400), notAfter: days(-1) });
    const errors = expectRejected(
      parse({
        certificatePem: expired.pem,
        chainPem: f.otherRoot.pem,
        privateKeyPem: String(
          expired.keys.privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "pw" }),
        ),
      }),
    );
    expect(errors.map(({ field, code }) => `${field}/${code}`)).toEqual([
      "certificate/CERTIFICATE_EXPIRED",
      "chain/CHAIN_ISSUER_MISSING",
      "privateKey/PRIVATE_KEY_ENCRYPTED",
    ]);
  });

  it("does not echo the key when the key is pasted in the wrong field", () => {
    const errors = expectRejected(
      parse({ certificatePem: f.rsaLeaf.privateKeyPem, chainPem: f.rsaLeaf.privateKeyPem }),
    );
    expect(errors.map(({ field, code }) => `${field}/${code}`)).toEqual([
      "certificate/PEM_UNEXPECTED_LABEL",
      "chain/PEM_UNEXPECTED_LABEL",
    ]);
  });
});

describe("error and warning code lists", () => {
  it("are unique, upper snake case and disjoint", () => {
    const all = [...UPLOADED_CERTIFICATE_ERROR_CODES, ...UPLOADED_CERTIFICATE_WARNING_CODES];
    expect(new Set(all).size).toBe(all.length);
    for (const code of all) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });
});
