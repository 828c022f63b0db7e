import "server-only";
import { sql } from "kysely";
import { LAST_USED_RESOLUTION_MS } from "@/lib/api-keys/api-key-rules";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { MAX_CLOCK_SKEW_SECONDS } from "@/lib/tencent-api/tc3-signature";

/** The original's default limit for an action: 20 requests a second (per key, here). */
export const API_REQUESTS_PER_SECOND = 20;

export type Admission =
  | { ok: true }
  /** Revoked or expired since it was read: refused like an unknown key. */
  | { ok: false; reason: "KEY_UNUSABLE" }
  | { ok: false; reason: "RATE_LIMITED" }
  /** A write whose signature was accepted before, within its 5-minute window: a replay. */
  | { ok: false; reason: "REPLAYED" };

/**
 * Lets a correctly signed request in, or not, in one statement that every app process runs
 * against the same rows: it counts the request in the key's one-second window (an UPDATE of
 * the key's row, which also refuses a key revoked or expired a moment ago, and writes the last
 * use at most once a minute or when the address changes), records a write's signature
 * unless the window is full, and purges the key's signatures whose timestamps can no longer pass the
 * clock-skew check. A request refused for the rate is not recorded, so it may be retried.
 *
 * Replays: the original's clients sign the body, Host and content type with a timestamp in
 * whole seconds, never a nonce, so a script that reads a certificate, changes it and reads it
 * again within one second sends the same read twice, signature and all. Reads are therefore
 * let in again within the window, as the original does; a write is let in once: the same
 * signature under the same write action again is a replay, refused by the primary key (key,
 * signature, action) in whichever process it arrives, two copies at once included. X-TC-Action
 * is not signed by the SDKs, so a write whose body equals a read's just sent (the detail, then
 * the delete, of one certificate in the same second) must stay possible: README "API" says
 * what this leaves open and how signing x-tc-action closes it.
 */
export async function admitApiRequest(input: {
  apiKeyId: string;
  signature: string;
  /** X-TC-Action, and whether it changes data. */
  action: string;
  writes: boolean;
  timestamp: number;
  ip: string;
  now: Date;
}): Promise<Admission> {
  const { apiKeyId, now } = input;
  const windowStart = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const signatureExpiresAt = new Date((input.timestamp + MAX_CLOCK_SKEW_SECONDS + 1) * 1000);
  const nowValue = sql<Date>`${now}::timestamptz`;
  const windowValue = sql<Date>`${windowStart}::timestamptz`;
  const refresh = sql<boolean>`("lastUsedAt" IS NULL OR "lastUsedAt" < ${staleBefore}::timestamptz OR "lastUsedIp" IS DISTINCT FROM ${input.ip})`;
  const [row] = await queryRows(
    db,
    sqlBuilder
      .with("purged", (q) =>
        q
          .deleteFrom("ApiRequestSignature")
          .where("apiKeyId", "=", apiKeyId)
          .where("expiresAt", "<", nowValue)
          .returning("apiKeyId"),
      )
      .with("counted", (q) =>
        q
          .updateTable("ApiKey")
          .set({
            rateWindowCount: sql<number>`CASE WHEN "rateWindowStart" = ${windowValue} THEN "rateWindowCount" + 1 ELSE 1 END`,
            rateWindowStart: windowValue,
            lastUsedAt: sql<Date>`CASE WHEN ${refresh} THEN ${nowValue} ELSE "lastUsedAt" END`,
            lastUsedIp: sql<string>`CASE WHEN ${refresh} THEN ${input.ip} ELSE "lastUsedIp" END`,
          })
          .where("id", "=", apiKeyId)
          .where("revokedAt", "is", null)
          .where((eb) => eb.or([eb("expiresAt", "is", null), eb("expiresAt", ">", nowValue)]))
          .returning("rateWindowCount"),
      )
      .with("recorded", (q) =>
        q
          .insertInto("ApiRequestSignature")
          .columns(["apiKeyId", "signature", "action", "expiresAt"])
          .expression((eb) =>
            eb
              .selectFrom("counted")
              .select([
                sql<string>`${apiKeyId}`.as("apiKeyId"),
                sql<string>`${input.signature}`.as("signature"),
                sql<string>`${input.action}`.as("action"),
                sql<Date>`${signatureExpiresAt}::timestamptz`.as("expiresAt"),
              ])
              .where("counted.rateWindowCount", "<=", API_REQUESTS_PER_SECOND)
              // Only writes are refused as replays, so only theirs are kept.
              .where(sql<boolean>`${input.writes}`),
          )
          .onConflict((conflict) => conflict.doNothing())
          .returning("signature"),
      )
      .selectNoFrom((eb) => [
        eb.selectFrom("counted").select("counted.rateWindowCount").as("count"),
        eb.exists(eb.selectFrom("recorded").select("recorded.signature")).as("recorded"),
        eb.selectFrom("purged").select(sql<number>`count(*)::int`.as("n")).as("purged"),
      ]),
  );
  const count = row?.count ?? null;
  if (count === null) return { ok: false, reason: "KEY_UNUSABLE" };
  if (count > API_REQUESTS_PER_SECOND) return { ok: false, reason: "RATE_LIMITED" };
  return row?.recorded || !input.writes ? { ok: true } : { ok: false, reason: "REPLAYED" };
}
