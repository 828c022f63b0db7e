import { z } from "zod";
import { createCertificateDraft, MAX_OPEN_CERTIFICATE_DRAFTS } from "@/lib/orders/create-certificate-draft";
import { originalProductKind } from "@/lib/tencent-api/original-product-ids";
import { requestIdempotencyKey } from "@/lib/tencent-api/request-idempotency-key";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/**
 * CreateCertificate: the paid path's first step, a certificate of the catalogue product the
 * original's ProductId names, for DomainNum names and TimeSpan years. CertDesk charges when
 * the order is submitted (CertificateOrderSubmit), not here: a balance already too low is
 * refused now, and a draft never submitted costs nothing (README, API, differences).
 */
export const createCertificate = defineTc3Action({
  name: "CreateCertificate",
  access: "write",
  params: z.object({
    ProductId: tc3.i64(),
    DomainNum: tc3.i64(),
    TimeSpan: tc3.i64(),
    AutoVoucher: tc3.i64().optional(),
  }),
  run: async (params, { ownerId, apiKeyId, signature, now }) => {
    const kind = originalProductKind(params.ProductId);
    if (!kind) throw new Tc3Error("InvalidParameterValue", { name: "ProductId" }, { messageKey: "unknownProduct" });
    const outcome = await createCertificateDraft({
      ownerId,
      idempotencyKey: requestIdempotencyKey("CreateCertificate", apiKeyId, signature),
      product: kind,
      validityYears: params.TimeSpan,
      domainCount: params.DomainNum,
      now,
    });
    if (outcome.status === "rejected") {
      if (outcome.problem === "DOMAIN_COUNT") {
        throw new Tc3Error(
          "InvalidParameterValue",
          { name: "DomainNum", max: outcome.maxDomains ?? 1 },
          { messageKey: kind.domainType === "MULTI" ? "domainNumMulti" : "domainNumOne" },
        );
      }
      if (outcome.problem === "OV_EV_IN_CONSOLE") {
        throw new Tc3Error("FailedOperation", {}, { messageKey: "organizationInConsole" });
      }
      throw new Tc3Error("FailedOperation", { max: MAX_OPEN_CERTIFICATE_DRAFTS }, { messageKey: "tooManyDrafts" });
    }
    return { CertificateIds: [outcome.certificateId], DealIds: [], ResourceIds: [] };
  },
});
