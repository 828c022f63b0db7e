import "server-only";
import { type CertificateAuthorityMaterial, pemWithNewline } from "@/lib/ca/certificate-authority-material";
import { CA_ORGANIZATION, ROOT_CA_COMMON_NAME, ROOT_VALIDITY_YEARS } from "@/lib/ca/certificate-authority-names";
import { generateKeyPair, privateKeyToPem } from "@/lib/ca/key-pairs";
import { randomSerialNumber } from "@/lib/ca/random-serial-number";
import { x509 } from "@/lib/ca/x509";
import { addCalendarYears } from "@/lib/time";

/**
 * A new self-signed root, "CertDesk Local Root CA", on an ECDSA P-256 key, valid from
 * `now` for 20 years. Only ensureCertificateAuthorities should call this: a second
 * root would orphan every certificate issued under the first.
 */
export async function createRootCertificateAuthority(input: {
  now: Date;
  validityYears?: number;
}): Promise<CertificateAuthorityMaterial> {
  const keys = await generateKeyPair("ECDSA_P256");
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: new x509.Name([{ CN: [ROOT_CA_COMMON_NAME] }, { O: [CA_ORGANIZATION] }]),
    notBefore: input.now,
    notAfter: addCalendarYears(input.now, input.validityYears ?? ROOT_VALIDITY_YEARS),
    keys,
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    certificatePem: pemWithNewline(certificate.toString("pem")),
    privateKeyPem: privateKeyToPem(keys.privateKey),
    subject: certificate.subject,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
}
