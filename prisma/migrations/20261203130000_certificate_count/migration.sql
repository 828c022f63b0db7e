-- CreateTable
CREATE TABLE "CertificateCount" (
    "ownerId" TEXT NOT NULL,
    "total" INTEGER NOT NULL,

    CONSTRAINT "CertificateCount_pkey" PRIMARY KEY ("ownerId")
);

-- AddForeignKey
ALTER TABLE "CertificateCount" ADD CONSTRAINT "CertificateCount_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A count that went below zero would mean a write path the triggers miss: refuse it.
ALTER TABLE "CertificateCount" ADD CONSTRAINT "CertificateCount_total_not_negative" CHECK ("total" >= 0);

-- Inserts and deletes are counted once per statement (a bulk insert of 100,000 rows is one
-- upsert per owner, not 100,000 updates of the same row); a change of "deletedAt" (deleting
-- or restoring) or of the owner once per row, and only when one of them really changes.
CREATE FUNCTION "certificate_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CertificateCount" ("ownerId", "total")
  SELECT "ownerId", count(*)::int FROM inserted WHERE "deletedAt" IS NULL GROUP BY "ownerId"
  ON CONFLICT ("ownerId") DO UPDATE SET "total" = "CertificateCount"."total" + EXCLUDED."total";
  RETURN NULL;
END
$$;

CREATE FUNCTION "certificate_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CertificateCount" AS counted
     SET "total" = counted."total" - gone.n
    FROM (SELECT "ownerId", count(*)::int AS n FROM deleted WHERE "deletedAt" IS NULL GROUP BY "ownerId") AS gone
   WHERE counted."ownerId" = gone."ownerId";
  RETURN NULL;
END
$$;

CREATE FUNCTION "certificate_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."deletedAt" IS NULL THEN
    UPDATE "CertificateCount" SET "total" = "total" - 1 WHERE "ownerId" = OLD."ownerId";
  END IF;
  IF NEW."deletedAt" IS NULL THEN
    INSERT INTO "CertificateCount" ("ownerId", "total") VALUES (NEW."ownerId", 1)
    ON CONFLICT ("ownerId") DO UPDATE SET "total" = "CertificateCount"."total" + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Certificate_count_insert" AFTER INSERT ON "Certificate"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "certificate_count_inserted"();
CREATE TRIGGER "Certificate_count_delete" AFTER DELETE ON "Certificate"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "certificate_count_deleted"();
CREATE TRIGGER "Certificate_count_update" AFTER UPDATE OF "deletedAt", "ownerId" ON "Certificate"
  FOR EACH ROW
  WHEN (OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId")
  EXECUTE FUNCTION "certificate_count_updated"();

-- The certificates already there.
INSERT INTO "CertificateCount" ("ownerId", "total")
SELECT "ownerId", count(*)::int FROM "Certificate" WHERE "deletedAt" IS NULL GROUP BY "ownerId";
