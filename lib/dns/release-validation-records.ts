import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/db/client";
import { executeStatement, sqlBuilder } from "@/lib/db/typed-sql";
import type { CertificateStatus, DnsRecordState } from "@/lib/generated/prisma/enums";

/** The statuses in which a certificate still waits for its validation records. */
const WAITING_STATUSES: readonly CertificateStatus[] = ["PENDING_VALIDATION", "DNS_RECORD_ADDED"];

/**
 * Marks for removal every validation record whose certificate no longer needs it: it has
 * been validated, or it is no longer waiting (issued, timed out, canceled).
 * syncDnsRecords then removes them from the DNS server. One statement, whatever the
 * number; returns how many rows it released.
 */
export async function releaseValidationRecords(): Promise<number> {
  return executeStatement(
    db,
    sqlBuilder
      .updateTable("DnsRecord as r")
      .set({ state: sql.lit<DnsRecordState>("REMOVING"), attempts: 0, lastError: null, nextAttemptAt: null })
      .where("r.state", "in", [sql.lit<DnsRecordState>("PENDING"), sql.lit<DnsRecordState>("PUBLISHED")])
      // A record written for no certificate (straight through a provider) is its writer's to remove.
      .where("r.certificateId", "is not", null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("Certificate as c")
              .select("c.id")
              .whereRef("c.id", "=", "r.certificateId")
              .where("c.validatedAt", "is", null)
              .where(sql<string>`c.status::text`, "=", sql<string>`ANY(${[...WAITING_STATUSES]}::text[])`),
          ),
        ),
      ),
  );
}
