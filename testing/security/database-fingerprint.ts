// Test helpers: digests of database content, to prove that a refused call changed
// nothing at all, and that a call acting on the caller's own data left another
// customer's rows alone.
import { db } from "@/lib/db/client";

let tableNames: string[] | undefined;

async function publicTables(): Promise<string[]> {
  if (tableNames) return tableNames;
  const rows = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
     ORDER BY table_name`;
  tableNames = rows.map((row) => row.table_name);
  return tableNames;
}

/**
 * One digest per table of every row of the database, but for the tables `except` names.
 * Equal fingerprints: nothing was written (to the tables digested).
 */
export async function fingerprintDatabase(except: readonly string[] = []): Promise<Record<string, string>> {
  const tables = (await publicTables()).filter((table) => !except.includes(table));
  // One statement for all tables: the hostile-input tests take a fingerprint per call.
  const query = tables
    .map(
      (table) =>
        `SELECT '${table.replaceAll("'", "''")}' AS name, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${table.replaceAll('"', '""')}" t`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; digest: string }[]>(query);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/**
 * Fingerprints around a sequence of calls made one at a time on a database no one else
 * writes (one per test file): nothing runs between one call's `after` and the next call's
 * `before`, so that `after` is reused as the next `before`: one digest per refused call,
 * not two. A call whose `after` was not taken (it was accepted) gets a fresh `before`.
 * `except`: tables the calls may write even when refused, left out of the digests.
 */
export function fingerprintsAroundCalls(except: readonly string[] = []) {
  let lastAfter: Record<string, string> | undefined;
  return {
    async before(): Promise<Record<string, string>> {
      const fingerprint = lastAfter ?? (await fingerprintDatabase(except));
      lastAfter = undefined;
      return fingerprint;
    },
    async after(): Promise<Record<string, string>> {
      lastAfter = await fingerprintDatabase(except);
      return lastAfter;
    },
  };
}

// The rows that belong to one customer, table by table ($1 = the customer's user id).
const OWNED_ROWS: Record<string, string> = {
  User: `SELECT t::text FROM "User" t WHERE t.id = $1`,
  BillingAccount: `SELECT t::text FROM "BillingAccount" t WHERE t."ownerId" = $1`,
  LedgerEntry: `SELECT t::text FROM "LedgerEntry" t JOIN "BillingAccount" a ON a.id = t."accountId" WHERE a."ownerId" = $1`,
  Payment: `SELECT t::text FROM "Payment" t JOIN "BillingAccount" a ON a.id = t."accountId" WHERE a."ownerId" = $1`,
  Certificate: `SELECT t::text FROM "Certificate" t WHERE t."ownerId" = $1`,
  RenewalOrder: `SELECT t::text FROM "RenewalOrder" t WHERE t."ownerId" = $1`,
  CertificateOrder: `SELECT t::text FROM "CertificateOrder" t WHERE t."ownerId" = $1`,
  ApiCertificateDraft: `SELECT t::text FROM "ApiCertificateDraft" t WHERE t."ownerId" = $1`,
  HostedZone: `SELECT t::text FROM "HostedZone" t WHERE t."ownerId" = $1`,
  DnsRecord: `SELECT t::text FROM "DnsRecord" t JOIN "HostedZone" z ON z.id = t."zoneId" WHERE z."ownerId" = $1`,
  CloudResource: `SELECT t::text FROM "CloudResource" t WHERE t."ownerId" = $1`,
  Deployment: `SELECT t::text FROM "Deployment" t JOIN "CloudResource" r ON r.id = t."resourceId" WHERE r."ownerId" = $1`,
  Notification: `SELECT t::text FROM "Notification" t WHERE t."ownerId" = $1`,
  NotificationSettings: `SELECT t::text FROM "NotificationSettings" t WHERE t."ownerId" = $1`,
  WebhookDelivery: `SELECT t::text FROM "WebhookDelivery" t JOIN "Notification" n ON n.id = t."notificationId" WHERE n."ownerId" = $1`,
  DeploymentTarget: `SELECT t::text FROM "DeploymentTarget" t WHERE t."ownerId" = $1`,
  TargetDeployment: `SELECT t::text FROM "TargetDeployment" t WHERE t."ownerId" = $1`,
};

/** One digest per table of the rows owned by this user. */
export async function fingerprintOwner(ownerId: string): Promise<Record<string, string>> {
  const query = Object.entries(OWNED_ROWS)
    .map(
      ([table, rows]) =>
        `SELECT '${table}' AS name, md5(coalesce(string_agg(r.t, E'\\n' ORDER BY r.t), '')) AS digest FROM (${rows}) r(t)`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; digest: string }[]>(query, ownerId);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
