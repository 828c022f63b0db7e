// The My Certificates filters, as they appear in the URL. Pure and shared by the
// page (server prefetch), the data route and the client, so all three agree.
import { z } from "zod";

export const STATUS_FILTERS = ["ISSUED", "EXPIRED", "PENDING", "FAILED", "CANCELED", "REVOKED"] as const;
export const AUTO_RENEW_FILTERS = ["ON", "OFF", "TERMINATED"] as const;
export const SORTS = ["expiresAt.asc", "expiresAt.desc", "createdAt.desc"] as const;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

// A bad value in a hand-edited URL falls back to the default instead of failing the page.
export const certificateListParamsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  brand: z.string().trim().max(40).optional().catch(undefined),
  autoRenew: z.enum(AUTO_RENEW_FILTERS).optional().catch(undefined),
  expiring: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
  sort: z.enum(SORTS).default("expiresAt.asc").catch("expiresAt.asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce
    .number()
    .refine((size): size is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(size))
    .default(20)
    .catch(20),
});

export type CertificateListParams = z.infer<typeof certificateListParamsSchema>;

export function parseCertificateListParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): CertificateListParams {
  const record: Record<string, string | undefined> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined && single !== "") record[key] = single;
  }
  return certificateListParamsSchema.parse(record);
}

/** The URL query for these params, leaving out defaults so URLs stay short. */
export function certificateListQueryString(params: Partial<CertificateListParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.status) query.set("status", params.status);
  if (params.brand) query.set("brand", params.brand);
  if (params.autoRenew) query.set("autoRenew", params.autoRenew);
  if (params.expiring) query.set("expiring", "1");
  if (params.sort && params.sort !== "expiresAt.asc") query.set("sort", params.sort);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  if (params.pageSize && params.pageSize !== 20) query.set("pageSize", String(params.pageSize));
  return query.toString();
}
