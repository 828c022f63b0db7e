// A certificate as the original's API writes it: field names, and the exact JSON types of
// its Go SDK (whose strict decoder fails on a number where it expects a string), so that
// `ProjectId` is "0", `ValidityPeriod` "12", `Status` a number. Fields CertDesk has no value
// for are null, which every SDK accepts; the ones Terraform requires (Alias, ProjectId,
// CertificatePublicKey, ProductZhName, Domain, Status, CertBeginTime, CertEndTime,
// InsertTime) never are. Pure apart from reading the PEM it is given.
import { X509Certificate } from "node:crypto";
import { isExpiringSoon } from "@/lib/certificates/list-certificates";
import type { Translate } from "@/lib/describe-app-error";
import { displayStatus } from "@/lib/renewal/auto-renew-rules";
import { apiStatusCode } from "@/lib/tencent-api/certificate-status-codes";
import type { ApiCertificate } from "@/lib/tencent-api/load-api-certificates";
import type { Tc3Fields } from "@/lib/tencent-api/tc3-response";
import { formatTencentTimeOrNull } from "@/lib/tencent-api/tencent-time";

const DOMAIN_TYPE_CODE = { SINGLE: 1, MULTI: 2, WILDCARD: 3 } as const;

function productName(certificate: ApiCertificate): string {
  return `${certificate.brand} ${certificate.certificateType} SSL`;
}

function encryptAlgorithm(certificate: ApiCertificate): string | null {
  if (!certificate.keyAlgorithm) return null;
  return certificate.keyAlgorithm.startsWith("RSA") ? "RSA" : "ECC";
}

/** The fields the list rows (DescribeCertificates) and DescribeCertificate share. */
export function certificateRowFields(certificate: ApiCertificate, now: Date, t: Translate): Tc3Fields {
  const status = displayStatus(certificate.status, certificate.expiresAt, now);
  const issued = status === "ISSUED";
  const downloadable = certificate.status === "ISSUED" && certificate.hasCertificateFile;
  const keystores = downloadable && certificate.hasPrivateKey;
  const sans = certificate.sans.filter((name) => name !== certificate.domain);
  return {
    OwnerUin: certificate.ownerId,
    ProjectId: "0",
    From: certificate.source === "UPLOADED" ? "upload" : certificate.brand.toLowerCase(),
    PackageType: null,
    CertificateType: "SVR",
    ProductZhName: productName(certificate),
    PackageTypeName: productName(certificate),
    Domain: certificate.domain,
    Alias: certificate.alias ?? "",
    Status: apiStatusCode(status, certificate.reissuing),
    StatusName: t(`certificates.status.${certificate.reissuing && status === "ISSUED" ? "REISSUING" : status}`),
    StatusMsg:
      certificate.status === "PENDING_VALIDATION" || certificate.status === "DNS_RECORD_ADDED" ? "PENDING-DCV" : null,
    VerifyType: certificate.validationMethod,
    VulnerabilityStatus: "INACTIVE",
    CertBeginTime: formatTencentTimeOrNull(certificate.notBefore),
    CertEndTime: formatTencentTimeOrNull(certificate.expiresAt),
    ValidityPeriod: String(certificate.validityYears * 12),
    InsertTime: formatTencentTimeOrNull(certificate.createdAt),
    CertificateId: certificate.id,
    SubjectAltName: [certificate.domain, ...sans],
    CertSANs: [certificate.domain, ...sans],
    IsVip: false,
    IsDv: certificate.certificateType === "DV",
    IsWildcard: certificate.domainType === "WILDCARD" || certificate.domain.startsWith("*."),
    IsVulnerability: false,
    RenewAble: certificate.renewable,
    Deployable: issued && certificate.hasCertificateFile,
    AllowDownload: downloadable,
    SupportDownloadType: {
      NGINX: downloadable,
      APACHE: downloadable,
      TOMCAT: keystores,
      IIS: keystores,
      JKS: false,
      OTHER: downloadable,
      ROOT: false,
    },
    ProjectInfo: null,
    BoundResource: certificate.resourceTypes.map((type) => type.toLowerCase()),
    Tags: certificate.tags.map((tag) => ({ TagKey: tag, TagValue: "" })),
    IsIgnore: certificate.ignoreNotifications,
    IsSM: false,
    IsExpiring: isExpiringSoon(certificate, now),
    EncryptAlgorithm: encryptAlgorithm(certificate),
    CAEncryptAlgorithms: null,
    CAEndTimes: null,
    CACommonNames: null,
    PreAuditInfo: null,
    AutoRenewFlag: certificate.autoRenewState === "ON" ? 1 : 0,
    HostingStatus: null,
    HostingCompleteTime: null,
    HostingRenewCertId: null,
    HasRenewOrder: certificate.renewalCertificateId,
    ReplaceOriCertIsDelete: false,
    IsDNSPODResolve: false,
    IsPackage: false,
    KeyPasswordCustomFlag: false,
    IsHostingUploadRenewCert: false,
    DVAuthDeadline: formatTencentTimeOrNull(certificate.validationDeadline),
    ValidationPassedTime: formatTencentTimeOrNull(certificate.validatedAt),
    AwaitingValidationMsg: null,
    CertRevokedTime: null,
    HostingResourceTypes: null,
    HostingConfig: null,
    CertificateExtra: {
      DomainNumber: String(1 + sans.length),
      OriginCertificateId: certificate.renewsId,
      ReplacedBy: certificate.renewalCertificateId,
      ReplacedFor: certificate.renewsId,
      RenewOrder: certificate.renewalOrderId,
      SMCert: 0,
      CompanyType: 0,
    },
  };
}

/**
 * DescribeCertificateDetail: the row's fields, the certificate and its chain as PEM, the
 * validation record, and the chain's facts. `CertificatePrivateKey` is always null: the key
 * leaves CertDesk only in DownloadCertificate's bundle, which is audited as a download.
 */
export function certificateDetailFields(certificate: ApiCertificate, now: Date, t: Translate): Tc3Fields {
  const row = certificateRowFields(certificate, now, t);
  const pem = (certificate.certificatePem ?? "") + (certificate.chainPem ?? "");
  const chain = readChain(pem);
  const sans = certificate.sans.filter((name) => name !== certificate.domain);
  const record = certificate.validationRecordName
    ? {
        DvAuthKey: certificate.validationRecordName,
        DvAuthValue: certificate.validationRecordValue,
        DvAuthDomain: certificate.domain,
        DvAuthPath: certificate.validationMethod === "FILE" ? certificate.validationRecordName : "",
        DvAuthVerifyType: certificate.validationMethod === "FILE" ? "FILE" : "TXT",
      }
    : null;
  return {
    ...row,
    SubjectAltName: sans,
    OrderId: certificate.renewalOrderId,
    TypeName: certificate.certificateType,
    CertType: certificate.certificateType,
    DomainType: DOMAIN_TYPE_CODE[certificate.domainType],
    CertificatePublicKey: pem,
    CertificatePrivateKey: null,
    DvAuthDetail: record
      ? {
          DvAuthKey: record.DvAuthKey,
          DvAuthValue: record.DvAuthValue,
          DvAuthDomain: record.DvAuthDomain,
          DvAuthPath: record.DvAuthPath,
          DvAuthKeySubDomain: record.DvAuthKey,
          DvAuths: [{ ...record, DvAuthSubDomain: record.DvAuthKey }],
        }
      : null,
    DvRevokeAuthDetail: null,
    VulnerabilityReport: null,
    SubmittedData: null,
    RootCert: null,
    EncryptCert: null,
    EncryptPrivateKey: null,
    EncryptCertFingerprint: null,
    CertFingerprint: chain[0]?.Fingerprint ?? null,
    CertChainInfo: chain.length > 0 ? chain : null,
    UseCrossSignRoot: false,
  };
}

type ChainLink = { Issuer: string; Subject: string; Fingerprint: string; ValidFrom: string; ValidTo: string };

function readChain(pem: string): ChainLink[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const certificate = new X509Certificate(block);
    return {
      Issuer: certificate.issuer.replaceAll("\n", ", "),
      Subject: certificate.subject.replaceAll("\n", ", "),
      // SHA-1, as the original's CertFingerprint.
      Fingerprint: certificate.fingerprint.replaceAll(":", ""),
      ValidFrom: formatTencentTimeOrNull(new Date(certificate.validFrom)) ?? "",
      ValidTo: formatTencentTimeOrNull(new Date(certificate.validTo)) ?? "",
    };
  });
}
