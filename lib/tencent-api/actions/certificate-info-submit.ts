import { z } from "zod";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { bonusNames, normalizeOrderName } from "@/lib/orders/check-order-names";
import { submitCertificateDraft } from "@/lib/orders/submit-certificate-draft";
import { describeOrderProblems } from "@/lib/tencent-api/describe-order-problems";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

// CsrEncryptAlgo and CsrKeyParameter as the original's console and SDK spell them.
const KEY_ALGORITHMS: Record<string, KeyAlgorithm> = {
  "RSA:2048": "RSA_2048",
  "RSA:3072": "RSA_3072",
  "RSA:4096": "RSA_4096",
  "ECC:prime256v1": "ECDSA_P256",
  "ECC:secp384r1": "ECDSA_P384",
};

/**
 * The names a certificate is bound to: CertCommonName first, then DnsNames, leaving out
 * repeats and the names a bound one covers already (example.com with www.example.com, the
 * apex of a wildcard), which scripts written for the original often list.
 */
export function boundNamesOf(commonName: string, dnsNames: readonly string[]): string[] {
  const key = (name: string) => {
    const normalized = normalizeOrderName(name);
    return normalized.ok ? normalized.name : name.trim().toLowerCase();
  };
  const names = [commonName];
  for (const name of dnsNames) {
    const covered = names.flatMap((bound) => [key(bound), ...bonusNames(key(bound))]);
    if (!covered.includes(key(name))) names.push(name);
  }
  return names;
}

/**
 * CertificateInfoSubmit: a draft's names, key (generated here: GenCsrType online; or the
 * customer's CSR: parse), validation method and AutoRenewFlag, checked by the order's own
 * checks. Company and contact fields are accepted and ignored: DV certificates carry none.
 */
export const certificateInfoSubmit = defineTc3Action({
  name: "CertificateInfoSubmit",
  access: "write",
  params: z.object({
    CertId: tc3.certificateId(),
    GenCsrType: z.enum(["online", "parse"]),
    CertCommonName: tc3.str(300),
    CompanyType: tc3.i64().optional(),
    CompanyId: tc3.str(64).optional(),
    Csr: tc3.str(20_000).optional(),
    DnsNames: z.array(tc3.str(300)).max(250).optional(),
    KeyPass: tc3.str(200).optional(),
    VerifyType: z.enum(["DNS_AUTO", "DNS", "FILE"]).optional(),
    ContactEmail: tc3.str(320).optional(),
    AutoRenewFlag: tc3.flag().optional(),
    CsrEncryptAlgo: z.enum(["RSA", "ECC"]).optional(),
    CsrKeyParameter: tc3.str(20).optional(),
  }),
  run: async (params, { ownerId, now, t }) => {
    if (params.KeyPass) throw new Tc3Error("InvalidParameterValue", { name: "KeyPass" }, { messageKey: "keyPassword" });
    let key: { source: "CSR"; csrPem: string } | { source: "GENERATE"; algorithm: KeyAlgorithm };
    if (params.GenCsrType === "parse") {
      if (!params.Csr) throw new Tc3Error("MissingParameter", { name: "Csr" });
      key = { source: "CSR", csrPem: params.Csr };
    } else {
      const algorithm =
        KEY_ALGORITHMS[
          `${params.CsrEncryptAlgo ?? "RSA"}:${params.CsrKeyParameter ?? (params.CsrEncryptAlgo === "ECC" ? "prime256v1" : "2048")}`
        ];
      if (!algorithm) throw new Tc3Error("InvalidParameterValue", { name: "CsrKeyParameter" });
      key = { source: "GENERATE", algorithm };
    }
    const outcome = await submitCertificateDraft({
      ownerId,
      certificateId: params.CertId,
      request: {
        names: boundNamesOf(params.CertCommonName, params.DnsNames ?? []),
        validationMethod: params.VerifyType === "FILE" ? "FILE" : "DNS",
        key,
        autoRenew: params.AutoRenewFlag === 1,
      },
      now,
    });
    if (outcome.status === "already-ordered") throw new Tc3Error("FailedOperation", {}, { messageKey: "draftOrdered" });
    if (outcome.status === "rejected") {
      throw new Tc3Error(
        "InvalidParameterValue",
        {},
        { message: describeOrderProblems(outcome.problems, t, "CertCommonName/DnsNames") },
      );
    }
    return {};
  },
});
