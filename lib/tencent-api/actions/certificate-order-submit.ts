import { z } from "zod";
import { orderCertificateDraft } from "@/lib/orders/order-certificate-draft";
import { STATUS_CODE_OF } from "@/lib/tencent-api/certificate-status-codes";
import { describeOrderProblems } from "@/lib/tencent-api/describe-order-problems";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/**
 * CertificateOrderSubmit: places the submitted draft's order, paid from the balance through
 * the console's order (one charge however often it is called), and starts validation: the
 * record to publish is in DescribeCertificateDetail's DvAuthDetail, or added at once for a
 * zone hosted with us. VerifyType here overrides the one submitted.
 */
export const certificateOrderSubmit = defineTc3Action({
  name: "CertificateOrderSubmit",
  access: "write",
  params: z.object({
    CertId: tc3.certificateId(),
    DeleteDnsAutoRecord: tc3.u64().optional(),
    VerifyType: z.enum(["DNS_AUTO", "DNS", "FILE"]).optional(),
  }),
  run: async (params, { ownerId, ip, now, t }) => {
    const outcome = await orderCertificateDraft({
      ownerId,
      actorId: ownerId,
      ip,
      certificateId: params.CertId,
      validationMethod: params.VerifyType === undefined ? undefined : params.VerifyType === "FILE" ? "FILE" : "DNS",
      now,
    });
    if (outcome.status === "not-submitted") {
      throw new Tc3Error("FailedOperation", {}, { messageKey: "draftNotSubmitted" });
    }
    if (outcome.status === "rejected") {
      throw new Tc3Error(
        "InvalidParameterValue",
        {},
        { message: describeOrderProblems(outcome.problems, t, "CertCommonName/DnsNames") },
      );
    }
    return { OrderId: outcome.orderId, Status: STATUS_CODE_OF[outcome.certificateStatus], IsAudited: false };
  },
});
