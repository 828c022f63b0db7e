import { createHash, createHmac, type KeyObject, randomBytes, type X509Certificate } from "node:crypto";
import forge from "node-forge";

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

/**
 * "aes256-sha256": the key is encrypted with PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC) and the
 * file is authenticated with HMAC-SHA-256 — OpenSSL 3's default, read by Java 8u301, 11.0.12,
 * 17+ and by Windows 10 1709 / Server 2019 and later.
 * "3des-sha1": pbeWithSHAAnd3-KeyTripleDES-CBC and an HMAC-SHA-1 MAC, the only combination
 * Windows Server 2016 and older import. The generated passwords carry over 130 bits of
 * randomness, so the older KDF does not make them guessable.
 */
export type Pkcs12Encryption = "aes256-sha256" | "3des-sha1";

export type BuildPkcs12Input = {
  privateKey: KeyObject;
  // The leaf first, then its chain.
  certificates: readonly X509Certificate[];
  password: string;
  // Java uses it as the key entry's alias; Windows shows it in the certificate store.
  friendlyName: string;
  encryption: Pkcs12Encryption;
};

// OpenSSL's default. With random passwords of this strength more iterations buy nothing.
const ITERATIONS = 2048;

const OID = {
  data: "1.2.840.113549.1.7.1",
  pkcs8ShroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  friendlyName: "1.2.840.113549.1.9.20",
  localKeyId: "1.2.840.113549.1.9.21",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
};

/**
 * A password-protected PKCS#12 (RFC 7292) file holding the private key and the certificates.
 * Assembled from forge's ASN.1 and PBE primitives rather than `forge.pkcs12.toPkcs12Asn1`,
 * which accepts only RSA keys and certificates and always uses a SHA-1 MAC; CertDesk also
 * issues ECDSA certificates. Certificates are stored unencrypted, as they are public; the key
 * bag is encrypted and the MAC covers everything.
 */
export function buildPkcs12(input: BuildPkcs12Input): Uint8Array {
  const [leaf] = input.certificates;
  if (!leaf) throw new Error("A PKCS#12 file needs at least the leaf certificate");

  // Links the key to its certificate; SHA-1 of the certificate, as OpenSSL and Windows write it.
  const localKeyId = createHash("sha1").update(leaf.raw).digest();
  const attributes = () =>
    set([
      seq([oid(OID.localKeyId), set([prim(asn1.Type.OCTETSTRING, binary(localKeyId))])]),
      seq([oid(OID.friendlyName), set([prim(asn1.Type.BMPSTRING, input.friendlyName)])]),
    ]);

  const privateKeyInfo = asn1.fromDer(binary(input.privateKey.export({ type: "pkcs8", format: "der" })));
  const encryptedKey = forge.pki.encryptPrivateKeyInfo(
    privateKeyInfo,
    input.password,
    input.encryption === "aes256-sha256"
      ? { algorithm: "aes256", prfAlgorithm: "sha256", count: ITERATIONS, saltSize: 16 }
      : { algorithm: "3des", count: ITERATIONS, saltSize: 8 },
  );
  const keyBag = seq([oid(OID.pkcs8ShroudedKeyBag), explicit([encryptedKey]), attributes()]);

  const certificateBags = input.certificates.map((certificate, index) =>
    seq([
      oid(OID.certBag),
      explicit([seq([oid(OID.x509Certificate), explicit([prim(asn1.Type.OCTETSTRING, binary(certificate.raw))])])]),
      ...(index === 0 ? [attributes()] : []),
    ]),
  );

  const authenticatedSafe = asn1
    .toDer(seq([dataContentInfo(seq(certificateBags)), dataContentInfo(seq([keyBag]))]))
    .getBytes();

  const pfx = seq([
    prim(asn1.Type.INTEGER, asn1.integerToDer(3).getBytes()),
    seq([oid(OID.data), explicit([prim(asn1.Type.OCTETSTRING, authenticatedSafe)])]),
    macData(authenticatedSafe, input.password, input.encryption),
  ]);
  return new Uint8Array(Buffer.from(asn1.toDer(pfx).getBytes(), "binary"));
}

function macData(content: string, password: string, encryption: Pkcs12Encryption): Asn1 {
  const sha256 = encryption === "aes256-sha256";
  const salt = randomBytes(sha256 ? 16 : 8);
  // RFC 7292 appendix B: the MAC key is derived with the PKCS#12 KDF (ID 3), as long as the digest.
  const macKey = forge.pkcs12.generateKey(
    password,
    forge.util.createBuffer(binary(salt)),
    3,
    ITERATIONS,
    sha256 ? 32 : 20,
    sha256 ? forge.md.sha256.create() : forge.md.sha1.create(),
  );
  const mac = createHmac(sha256 ? "sha256" : "sha1", Buffer.from(macKey.getBytes(), "binary"))
    .update(Buffer.from(content, "binary"))
    .digest();
  return seq([
    seq([
      seq([oid(sha256 ? OID.sha256 : OID.sha1), prim(asn1.Type.NULL, "")]),
      prim(asn1.Type.OCTETSTRING, binary(mac)),
    ]),
    prim(asn1.Type.OCTETSTRING, binary(salt)),
    prim(asn1.Type.INTEGER, asn1.integerToDer(ITERATIONS).getBytes()),
  ]);
}

function dataContentInfo(safeContents: Asn1): Asn1 {
  return seq([oid(OID.data), explicit([prim(asn1.Type.OCTETSTRING, asn1.toDer(safeContents).getBytes())])]);
}

// forge's ASN.1 works on "binary strings", one character per byte.
function binary(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("binary");
}

function seq(children: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, children);
}

function set(children: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children);
}

function explicit(children: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, children);
}

function prim(type: number, value: string): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, type, false, value);
}

function oid(id: string): Asn1 {
  return prim(asn1.Type.OID, asn1.oidToDer(id).getBytes());
}
