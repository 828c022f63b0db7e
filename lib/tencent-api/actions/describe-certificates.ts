import { z } from "zod";
import { SEARCH_MAX_LENGTH } from "@/lib/certificates/certificate-list-query";
import type { CertificateFilter } from "@/lib/certificates/list-certificates";
import { certificateRowFields } from "@/lib/tencent-api/certificate-fields";
import { statusFilterParts } from "@/lib/tencent-api/certificate-status-codes";
import { type ApiCertificateQuery, listApiCertificates } from "@/lib/tencent-api/load-api-certificates";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/** As the original: 10 rows unless asked, at most 1000 (more is read as 1000). */
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;

/**
 * DescribeCertificates: the My Certificates list, filtered and paged with the console's own
 * query (certificateFilterWhere; CertificateStatus 11 is its Reissuing filter). Filters CertDesk has no data for either match nothing
 * (CA certificates, other projects, SM certificates) or are ignored (Renew, Hostable, Tags,
 * IsPendingIssue, ServiceId, Upload).
 */
export const describeCertificates = defineTc3Action({
  name: "DescribeCertificates",
  access: "read",
  params: z.object({
    Offset: tc3.u64().optional(),
    Limit: tc3.u64().optional(),
    SearchKey: tc3.str(SEARCH_MAX_LENGTH).optional(),
    CertificateType: tc3.str(10).optional(),
    ProjectId: tc3.u64().optional(),
    ExpirationSort: z.enum(["ASC", "DESC"]).optional(),
    CertificateStatus: z.array(tc3.u64()).max(32).optional(),
    Deployable: tc3.u64().optional(),
    Upload: tc3.i64().optional(),
    Renew: tc3.i64().optional(),
    FilterSource: z.enum(["upload", "buy"]).optional(),
    IsSM: tc3.i64().optional(),
    FilterExpiring: tc3.u64().optional(),
    Hostable: tc3.u64().optional(),
    Tags: z
      .array(z.object({ TagKey: tc3.str(), TagValue: tc3.str().optional() }))
      .max(50)
      .optional(),
    IsPendingIssue: tc3.i64().optional(),
    CertIds: z.array(tc3.certificateId()).max(100).optional(),
    ServiceId: tc3.str().optional(),
  }),
  run: async (params, { ownerId, now, t }) => {
    const statusParts = statusFilterParts(params.CertificateStatus, params.Deployable === 1);
    const filter: CertificateFilter = {
      q: params.SearchKey?.trim() || undefined,
      expiring: params.FilterExpiring === 1,
      sources:
        params.FilterSource === "upload"
          ? ["UPLOADED"]
          : params.FilterSource === "buy"
            ? ["PURCHASED", "FREE"]
            : undefined,
      ids: params.CertIds,
    };
    const matchesNothing =
      params.CertificateType === "CA" || (params.ProjectId ?? 0) !== 0 || params.IsSM === 1 || statusParts.length === 0;
    if (matchesNothing) return { TotalCount: 0, Certificates: [] };
    const query: ApiCertificateQuery = {
      filters: statusParts.map((part) => ({ ...filter, ...part })),
      order:
        params.ExpirationSort === "ASC"
          ? "expiresAt.asc"
          : params.ExpirationSort === "DESC"
            ? "expiresAt.desc"
            : "createdAt.desc",
      offset: params.Offset ?? 0,
      limit: Math.min(params.Limit ?? DEFAULT_LIMIT, MAX_LIMIT),
    };
    const page = await listApiCertificates(ownerId, query, now);
    return {
      TotalCount: page.total,
      Certificates: page.certificates.map((certificate) => certificateRowFields(certificate, now, t)),
    };
  },
});
