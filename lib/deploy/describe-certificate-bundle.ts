// What was deployed, in the terms verification compares: the leaf, and the intermediates the
// server must send with it (a root at the end of the chain is not required: clients have
// their own). Also the text of each kind of file a target asks for. Pure.
import { X509Certificate } from "node:crypto";
import type { CertificateBundle, DeployFileKind, ServedCertificate } from "@/lib/deploy/deployment-contracts";
import { describeCertificate } from "@/lib/deploy/describe-certificate";
import { decodePemText } from "@/lib/pem/decode-pem-text";
import { encodePem } from "@/lib/pem/encode-pem";

const MAX_BUNDLE_BYTES = 1024 * 1024;

export type DeployedCertificate = {
  leaf: ServedCertificate;
  /** Issuer first; self-signed roots left out. */
  intermediates: ServedCertificate[];
};

export function describeCertificateBundle(bundle: CertificateBundle): DeployedCertificate {
  const [leaf, ...others] = readCertificates(bundle.certificatePem, "certificate");
  if (!leaf || others.length > 0) throw new Error("The bundle's certificate must hold exactly one certificate");
  const chain = bundle.chainPem.trim() === "" ? [] : readCertificates(bundle.chainPem, "chain");
  return {
    leaf: describeCertificate(leaf),
    intermediates: chain.filter((certificate) => !certificate.checkIssued(certificate)).map(describeCertificate),
  };
}

/** The text of a deployed file: certificates in canonical PEM, each ending in a newline. */
export function bundleFileContent(bundle: CertificateBundle, kind: DeployFileKind): string {
  switch (kind) {
    case "certificate":
      return pemText(bundle.certificatePem, "certificate");
    case "chain":
      return pemText(bundle.chainPem, "chain");
    case "fullChain":
      return `${pemText(bundle.certificatePem, "certificate")}${pemText(bundle.chainPem, "chain")}`;
    case "privateKey":
      return bundle.privateKeyPem.endsWith("\n") ? bundle.privateKeyPem : `${bundle.privateKeyPem}\n`;
  }
}

function pemText(text: string, what: string): string {
  if (text.trim() === "") return "";
  return readCertificates(text, what)
    .map((certificate) => encodePem("CERTIFICATE", certificate.raw))
    .join("");
}

function readCertificates(text: string, what: string): X509Certificate[] {
  const decoded = decodePemText({ text, maxBytes: MAX_BUNDLE_BYTES, derConversionCommand: "" });
  if (!decoded.ok) throw new Error(`The bundle's ${what} is not PEM (${decoded.code})`);
  return decoded.blocks.map((block) => {
    if (block.label !== "CERTIFICATE") throw new Error(`The bundle's ${what} holds a ${block.label} block`);
    return new X509Certificate(block.der);
  });
}
