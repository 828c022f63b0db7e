// Test fixtures only: issues real X.509 certificates for any key type Node can generate, so tests
// exercise genuine signatures without committed key files. node-forge builds only RSA
// certificates and @peculiar/x509 needs a reflect-metadata polyfill the app does not ship, so
// the certificate is assembled with forge's ASN.1 encoder and signed with Node's crypto.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { encodePem } from "@/lib/pem/encode-pem";

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export type TestKeyType = "rsa-2048" | "rsa-1024" | "ec-p256" | "ec-p384" | "ec-secp256k1" | "ed25519";
export type TestKeyPair = { type: TestKeyType; privateKey: KeyObject; publicKey: KeyObject };

export function generateTestKeyPair(type: TestKeyType): TestKeyPair {
  switch (type) {
    case "rsa-2048":
      return { type, ...generateKeyPairSync("rsa", { modulusLength: 2048 }) };
    case "rsa-1024":
      return { type, ...generateKeyPairSync("rsa", { modulusLength: 1024 }) };
    case "ec-p256":
      return { type, ...generateKeyPairSync("ec", { namedCurve: "P-256" }) };
    case "ec-p384":
      return { type, ...generateKeyPairSync("ec", { namedCurve: "P-384" }) };
    case "ec-secp256k1":
      return { type, ...generateKeyPairSync("ec", { namedCurve: "secp256k1" }) };
    case "ed25519":
      return { type, ...generateKeyPairSync("ed25519") };
  }
}

export type TestCertificate = {
  commonName: string;
  keys: TestKeyPair;
  keyIdentifier: Buffer;
  der: Buffer;
  pem: string;
  x509: X509Certificate;
  // PKCS#8 PEM of the certificate's own key.
  privateKeyPem: string;
};

export type IssueTestCertificateOptions = {
  commonName: string;
  sans?: string[];
  isCa?: boolean;
  notBefore: Date;
  notAfter: Date;
  keys: TestKeyPair;
  // Absent: self-signed.
  issuer?: TestCertificate;
  // Lets a test forge a certificate that claims another's identity (same name and key id).
  keyIdentifier?: Buffer;
};

export function issueTestCertificate(options: IssueTestCertificateOptions): TestCertificate {
  const spki = options.keys.publicKey.export({ type: "spki", format: "der" });
  const keyIdentifier = options.keyIdentifier ?? createHash("sha1").update(spki).digest();
  const signer = options.issuer?.keys ?? options.keys;
  const issuerName = options.issuer?.commonName ?? options.commonName;
  const authorityKeyIdentifier = options.issuer?.keyIdentifier ?? keyIdentifier;
  const algorithm = signatureAlgorithm(signer.type);

  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40; // positive and minimally encoded

  const extensions = [
    extension("2.5.29.19", true, seq(options.isCa ? [prim(asn1.Type.BOOLEAN, "\xff")] : [])),
    extension("2.5.29.15", true, prim(asn1.Type.BITSTRING, options.isCa ? "\x01\x06" : "\x05\xa0")),
    extension("2.5.29.14", false, prim(asn1.Type.OCTETSTRING, keyIdentifier.toString("binary"))),
    extension(
      "2.5.29.35",
      false,
      seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, authorityKeyIdentifier.toString("binary"))]),
    ),
  ];
  if (options.sans && options.sans.length > 0) {
    const names = options.sans.map((name) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 2, false, name));
    extensions.push(extension("2.5.29.17", false, seq(names)));
  }

  const tbs = seq([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [prim(asn1.Type.INTEGER, asn1.integerToDer(2).getBytes())]),
    prim(asn1.Type.INTEGER, serial.toString("binary")),
    algorithm.identifier,
    name(issuerName),
    seq([time(options.notBefore), time(options.notAfter)]),
    name(options.commonName),
    asn1.fromDer(spki.toString("binary")),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 3, true, [seq(extensions)]),
  ]);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), "binary");
  const signature = sign(algorithm.digest, tbsDer, signer.privateKey);
  const certificate = seq([
    tbs,
    algorithm.identifier,
    prim(asn1.Type.BITSTRING, `\x00${signature.toString("binary")}`),
  ]);
  const der = Buffer.from(asn1.toDer(certificate).getBytes(), "binary");

  return {
    commonName: options.commonName,
    keys: options.keys,
    keyIdentifier,
    der,
    pem: encodePem("CERTIFICATE", der),
    x509: new X509Certificate(der),
    privateKeyPem: String(options.keys.privateKey.export({ type: "pkcs8", format: "pem" })),
  };
}

function signatureAlgorithm(type: TestKeyType): { identifier: Asn1; digest: string | null } {
  if (type.startsWith("rsa")) {
    return { identifier: seq([oid("1.2.840.113549.1.1.11"), prim(asn1.Type.NULL, "")]), digest: "sha256" };
  }
  if (type === "ed25519") return { identifier: seq([oid("1.3.101.112")]), digest: null };
  return { identifier: seq([oid("1.2.840.10045.4.3.2")]), digest: "sha256" };
}

function name(commonName: string): Asn1 {
  return seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [
      seq([oid("2.5.4.10"), prim(asn1.Type.UTF8, "CertDesk Test")]),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [seq([oid("2.5.4.3"), prim(asn1.Type.UTF8, commonName)])]),
  ]);
}

function time(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? prim(asn1.Type.UTCTIME, asn1.dateToUtcTime(date))
    : prim(asn1.Type.GENERALIZEDTIME, asn1.dateToGeneralizedTime(date));
}

function extension(id: string, critical: boolean, value: Asn1): Asn1 {
  return seq([
    oid(id),
    ...(critical ? [prim(asn1.Type.BOOLEAN, "\xff")] : []),
    prim(asn1.Type.OCTETSTRING, asn1.toDer(value).getBytes()),
  ]);
}

function seq(children: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, children);
}

function prim(type: number, value: string): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, type, false, value);
}

function oid(id: string): Asn1 {
  return prim(asn1.Type.OID, asn1.oidToDer(id).getBytes());
}
