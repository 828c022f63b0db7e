import { z } from "zod";
import { setCertificateAlias } from "@/lib/certificates/set-certificate-alias";
import { getOrderCatalogue } from "@/lib/orders/get-order-catalogue";
import { placeCertificateOrder } from "@/lib/orders/place-certificate-order";
import { describeOrderProblems } from "@/lib/tencent-api/describe-order-problems";
import { requestIdempotencyKey } from "@/lib/tencent-api/request-idempotency-key";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/**
 * ApplyCertificate: a free DV certificate for one domain, through the console's order
 * (placeCertificateOrder, flow FREE: the free limit, the name checks, a key generated here,
 * validation records on hosted zones added at once). DNS_AUTO and DNS both validate by TXT
 * record (automatically where the zone is hosted with us), FILE by a file on the site. The
 * record to publish comes back in DescribeCertificateDetail's DvAuthDetail.
 */
export const applyCertificate = defineTc3Action({
  name: "ApplyCertificate",
  access: "write",
  params: z.object({
    DvAuthMethod: z.enum(["DNS_AUTO", "DNS", "FILE"]),
    DomainName: tc3.str(300),
    ProjectId: tc3.u64().optional(),
    PackageType: tc3.str(20).optional(),
    ContactEmail: tc3.str(320).optional(),
    ContactPhone: tc3.str(40).optional(),
    ValidityPeriod: tc3.str(4).optional(),
    CsrEncryptAlgo: z.enum(["RSA", "ECC"]).optional(),
    CsrKeyParameter: tc3.str(20).optional(),
    CsrKeyPassword: tc3.str(200).optional(),
    Alias: tc3.str(100).optional(),
    OldCertificateId: tc3.str(64).optional(),
    PackageId: tc3.str(64).optional(),
    DeleteDnsAutoRecord: tc3.bool().optional(),
    DnsNames: z.array(tc3.str(300)).max(100).optional(),
  }),
  run: async (params, { ownerId, apiKeyId, signature, ip, now, t }) => {
    if (params.CsrKeyPassword) {
      throw new Tc3Error("InvalidParameterValue", { name: "CsrKeyPassword" }, { messageKey: "keyPassword" });
    }
    if (params.OldCertificateId) {
      throw new Tc3Error("InvalidParameterValue", { name: "OldCertificateId" }, { messageKey: "oldCertificateId" });
    }
    const catalogue = await getOrderCatalogue(ownerId, "FREE");
    const product = catalogue.products.find((item) => item.domainType === "SINGLE" && item.unavailable === null);
    if (!product) throw new Tc3Error("FailedOperation", {}, { messageKey: "noFreeProduct" });
    const outcome = await placeCertificateOrder({
      ownerId,
      actorId: ownerId,
      ip,
      now,
      order: {
        idempotencyKey: requestIdempotencyKey("ApplyCertificate", apiKeyId, signature),
        flow: "FREE",
        productId: product.id,
        domainCount: 1,
        names: [params.DomainName],
        validationMethod: params.DvAuthMethod === "FILE" ? "FILE" : "DNS",
        key: { source: "GENERATE", algorithm: params.CsrEncryptAlgo === "ECC" ? "ECDSA_P256" : "RSA_2048" },
        autoRenew: false,
      },
    });
    if (outcome.status === "rejected") {
      throw new Tc3Error(
        "InvalidParameterValue",
        {},
        { message: describeOrderProblems(outcome.problems, t, "DomainName") },
      );
    }
    if (params.Alias?.trim()) {
      await setCertificateAlias({
        ownerId,
        certificateId: outcome.certificateId,
        alias: params.Alias,
        actorId: ownerId,
        ip,
        now,
      });
    }
    return { CertificateId: outcome.certificateId };
  },
});
