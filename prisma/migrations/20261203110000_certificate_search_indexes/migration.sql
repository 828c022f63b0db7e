-- The My Certificates list at scale (issue 20). Written by hand: Prisma's schema cannot
-- express partial indexes, so schema.prisma names these in a comment on Certificate.

-- The search `q` (certificateFilterWhere) is a case-insensitive substring match on the
-- domain and the alias (ILIKE '%q%'), and membership in sans: trigram GIN indexes for the
-- first two, a GIN on the array for the third, so the OR is a BitmapOr of indexes, not a
-- sequential scan of every certificate. pg_trgm is a trusted extension: the database
-- owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Certificate_domain_trgm_idx" ON "Certificate" USING gin ("domain" gin_trgm_ops);
CREATE INDEX "Certificate_alias_trgm_idx" ON "Certificate" USING gin ("alias" gin_trgm_ops);
CREATE INDEX "Certificate_sans_idx" ON "Certificate" USING gin ("sans");

-- The owner's certificates that are not deleted (ownedCertificateWhere), in the list's
-- default order with its tie-breaker: page 1 and the keyset seek of next/previous pages
-- read it in order, without a sort.
CREATE INDEX "Certificate_owned_expiresAt_idx" ON "Certificate" ("ownerId", "expiresAt", "id")
  WHERE "deletedAt" IS NULL;

-- The same rows by owner alone: the list's exact total is an index-only scan of this
-- small, deduplicated index instead of a sequential scan of the table.
CREATE INDEX "Certificate_owned_idx" ON "Certificate" ("ownerId") WHERE "deletedAt" IS NULL;
