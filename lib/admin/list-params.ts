// Shared zod pieces of the admin list filters as they appear in URLs: a bad value in a
// hand-edited URL falls back to the default instead of failing the page.
import { z } from "zod";
import { ADMIN_DEFAULT_PAGE_SIZE, ADMIN_MAX_PAGE, ADMIN_PAGE_SIZES, type AdminPageSize } from "@/lib/admin/page-sizes";

export const pageParam = z.coerce.number().int().min(1).max(ADMIN_MAX_PAGE).default(1).catch(1);

export const pageSizeParam = z.coerce
  .number()
  .refine((size): size is AdminPageSize => (ADMIN_PAGE_SIZES as readonly number[]).includes(size))
  .default(ADMIN_DEFAULT_PAGE_SIZE)
  .catch(ADMIN_DEFAULT_PAGE_SIZE);

export const searchParam = z.string().trim().max(200).optional().catch(undefined);
