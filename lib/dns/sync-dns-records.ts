// The outbox of validation records: rows of DnsRecord that are PENDING get written to
// the DNS server DNS_PROVIDER names, rows that are REMOVING get removed from it and
// deleted. Always after the transaction that queued them has committed, never inside
// one: the server may be slow or down, and then the row waits and a later call (the
// renewal job, the next validation check) tries again with backoff.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { nextDnsRecordAttemptAt } from "@/lib/dns/dns-record-retry";
import { type DnsProvider, type DnsProviderErrorCode, isDnsProviderError } from "@/lib/dns/providers/dns-provider";
import { getDnsProvider } from "@/lib/dns/providers/get-dns-provider";
import type { DnsRecordState } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

/** How long a claimed row is left to the process that claimed it before another may try. */
const CLAIM_LEASE_MS = 2 * 60_000;
const DEFAULT_LIMIT = 200;
/** Writes in flight at once: the PowerDNS provider queues writes to one name itself. */
const CONCURRENCY = 4;
const MAX_ERROR_LENGTH = 500;

export type DnsRecordSyncFailure = {
  recordId: string;
  name: string;
  action: "publish" | "remove";
  certificateId: string | null;
  /** The provider's error code, or UNEXPECTED for anything else (logged in full). */
  code: DnsProviderErrorCode | "UNEXPECTED";
  /** The provider's own words (server and reason, never a key or secret). */
  message: string;
};

export type DnsRecordSyncResult = {
  /** Rows this call claimed: fewer than the limit means nothing more was due. */
  claimed: number;
  /**
   * The DNS server could not be reached: the rows not tried yet were left for a later
   * call (after their lease) rather than each waiting for its own timeout.
   */
  unreachable: boolean;
  published: number;
  removed: number;
  failures: DnsRecordSyncFailure[];
};

type Options = {
  /** Wall-clock time (clock.systemNow): leases and retries follow the real server, not the demo clock. */
  realNow: Date;
  /** Only these rows (a validation check publishing the record it is about to look for). */
  recordIds?: readonly string[];
  limit?: number;
  provider?: DnsProvider;
};

/** Claims due rows, then writes each one to the DNS server; see the module comment. */
export async function syncDnsRecords(options: Options): Promise<DnsRecordSyncResult> {
  const provider = options.provider ?? getDnsProvider();
  const rows = await claimDueRecords(options);
  const result: DnsRecordSyncResult = {
    claimed: rows.length,
    unreachable: false,
    published: 0,
    removed: 0,
    failures: [],
  };
  for (let start = 0; start < rows.length && !result.unreachable; start += CONCURRENCY) {
    await Promise.all(rows.slice(start, start + CONCURRENCY).map((row) => syncOne(row, provider, options, result)));
    result.unreachable = result.failures.some((failure) => failure.code === "UNREACHABLE");
  }
  return result;
}

function claimDueRecords(options: Options) {
  const { realNow } = options;
  const due = sqlBuilder
    .selectFrom("DnsRecord")
    .select("id")
    .where("state", "in", [sql.lit<DnsRecordState>("PENDING"), sql.lit<DnsRecordState>("REMOVING")])
    .where((eb) => eb.or([eb("nextAttemptAt", "is", null), eb("nextAttemptAt", "<=", realNow)]))
    .$if(options.recordIds !== undefined, (query) =>
      query.where("id", "=", sql<string>`ANY(${[...(options.recordIds ?? [])]}::text[])`),
    )
    .orderBy("createdAt")
    .limit(options.limit ?? DEFAULT_LIMIT)
    .forUpdate()
    .skipLocked();
  return queryRows(
    db,
    sqlBuilder
      .updateTable("DnsRecord")
      .set({ nextAttemptAt: new Date(realNow.getTime() + CLAIM_LEASE_MS) })
      .where("id", "in", due)
      .returning(["id", "name", "value", "ttl", "state", "attempts", "certificateId"]),
  );
}

type ClaimedRecord = Awaited<ReturnType<typeof claimDueRecords>>[number];

async function syncOne(
  row: ClaimedRecord,
  provider: DnsProvider,
  options: Options,
  result: DnsRecordSyncResult,
): Promise<void> {
  const action = row.state === "REMOVING" ? "remove" : "publish";
  try {
    // The demo provider's DNS is these rows: nothing to send anywhere.
    if (provider.kind !== "demo") {
      if (action === "publish") await provider.addTxt(row.name, row.value, row.ttl);
      else await provider.removeTxt(row.name, row.value);
    }
  } catch (error) {
    const code = isDnsProviderError(error) ? error.code : "UNEXPECTED";
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(
      { err: error, recordId: row.id, name: row.name, action, provider: provider.kind },
      "a validation record could not be synced with the DNS server; it will be tried again",
    );
    const attempts = row.attempts + 1;
    await db.dnsRecord.updateMany({
      where: { id: row.id, state: row.state },
      data: {
        attempts,
        lastError: `${code}: ${message}`.slice(0, MAX_ERROR_LENGTH),
        nextAttemptAt: nextDnsRecordAttemptAt(attempts, options.realNow),
      },
    });
    result.failures.push({ recordId: row.id, name: row.name, action, certificateId: row.certificateId, code, message });
    return;
  }
  if (action === "publish") {
    // Conditional: a row released meanwhile stays REMOVING, so it is removed on its turn.
    const { count } = await db.dnsRecord.updateMany({
      where: { id: row.id, state: "PENDING" },
      data: { state: "PUBLISHED", attempts: 0, lastError: null, nextAttemptAt: null },
    });
    result.published += count;
  } else {
    const { count } = await db.dnsRecord.deleteMany({ where: { id: row.id, state: "REMOVING" } });
    result.removed += count;
  }
}
