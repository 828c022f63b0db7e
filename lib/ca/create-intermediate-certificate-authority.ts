import "server-only";
import { type CertificateAuthorityMaterial, pemWithNewline } from "@/lib/ca/certificate-authority-material";
import {
  CA_ORGANIZATION,
  INTERMEDIATE_VALIDITY_YEARS,
  intermediateCommonName,
} from "@/lib/ca/certificate-authority-names";
import { generateKeyPair, privateKeyToPem } from "@/lib/ca/key-pairs";
import { randomSerialNumber } from "@/lib/ca/random-serial-number";
import { type Issuer, loadIssuer } from "@/lib/ca/sign-with-issuer";
import { x509 } from "@/lib/ca/x509";
import { addCalendarYears } from "@/lib/time";

/**
 * A brand's intermediate ("CertDesk <brand> DV CA") on a new ECDSA P-256 key, signed
 * by `root`: valid from `now` for 10 years, but never beyond the root, since nothing
 * it signs would verify after that. Path length 0 and serverAuth only: it can sign
 * TLS server certificates and nothing else.
 */
export async function createIntermediateCertificateAuthority(input: {
  brand: string;
  root: Issuer;
  now: Date;
  validityYears?: number;
}): Promise<CertificateAuthorityMaterial> {
  const issuer = await loadIssuer(input.root);
  const keys = await generateKeyPair("ECDSA_P256");
  const wanted = addCalendarYears(input.now, input.validityYears ?? INTERMEDIATE_VALIDITY_YEARS);
  const notAfter = new Date(Math.min(wanted.getTime(), issuer.certificate.notAfter.getTime()));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: new x509.Name([{ CN: [intermediateCommonName(input.brand)] }, { O: [CA_ORGANIZATION] }]),
    issuer: issuer.certificate.subjectName,
    notBefore: input.now,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: issuer.signingKey,
    signingAlgorithm: issuer.signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      issuer.authorityKeyIdentifier,
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
