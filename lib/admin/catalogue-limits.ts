// Bounds on what administrators may set in the catalogue and the platform settings: guards
// against typos, not product rules. No imports, so the forms can show them without zod.

/** The most names a multi-domain product may allow. */
export const MAX_PRODUCT_DOMAINS = 250;

/** The highest free-certificate limit per account. */
export const MAX_FREE_CERTIFICATE_LIMIT = 10_000;
