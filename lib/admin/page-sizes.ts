// How long the admin lists' pages may be, shared by the zod schemas (server) and the
// browser's URL readers.
export const ADMIN_PAGE_SIZES = [20, 50, 100] as const;
export type AdminPageSize = (typeof ADMIN_PAGE_SIZES)[number];
export const ADMIN_DEFAULT_PAGE_SIZE = 20 satisfies AdminPageSize;
export const ADMIN_MAX_PAGE = 100_000;
