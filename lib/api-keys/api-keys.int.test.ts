import { describe, expect, it } from "vitest";
import { MAX_ACTIVE_API_KEYS } from "@/lib/api-keys/api-key-rules";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { findSigningKey } from "@/lib/api-keys/find-signing-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { createTestUser, TEST_NOW } from "@/testing/factories";

const DAY = 86_400_000;

function create(ownerId: string, overrides: { expiresInDays?: "never" | "30"; now?: Date } = {}) {
  return createApiKey({
    ownerId,
    actorId: ownerId,
    ip: "203.0.113.7",
    name: "deploy",
    scope: "READ_WRITE",
    expiresInDays: overrides.expiresInDays ?? "never",
    now: overrides.now ?? TEST_NOW,
  });
}

describe("API keys", () => {
  it("returns the SecretKey once, stores it sealed, and opens it only to verify a signature", async () => {
    const owner = await createTestUser();
    const created = await create(owner.id);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id }, omit: { secretKeyEncrypted: false } });
    expect(row.secretKeyEncrypted).not.toContain(created.secretKey);
    expect(JSON.stringify(await listApiKeys(owner.id, TEST_NOW))).not.toContain(created.secretKey);
    expect(await findSigningKey(created.secretId, TEST_NOW)).toEqual({
      id: created.id,
      ownerId: owner.id,
      scope: "READ_WRITE",
      secretKey: created.secretKey,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "api_key.create", targetId: created.id } });
    expect(JSON.stringify(audit)).not.toContain(created.secretKey);
  });

  it(`allows ${MAX_ACTIVE_API_KEYS} active keys, even when created at once; a revoked or expired one frees its place`, async () => {
    const owner = await createTestUser();
    const results = await Promise.allSettled([create(owner.id), create(owner.id), create(owner.id)]);
    const refused = results.filter((result) => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(MAX_ACTIVE_API_KEYS);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason;
    expect(isAppError(reason) && reason.code).toBe("API_KEY_LIMIT_REACHED");

    const [first] = await listApiKeys(owner.id, TEST_NOW);
    await revokeApiKey({ ownerId: owner.id, apiKeyId: first?.id ?? "", actorId: owner.id, ip: null, now: TEST_NOW });
    const expiring = await create(owner.id, { expiresInDays: "30" });
    const later = new Date(TEST_NOW.getTime() + 31 * DAY);
    await expect(create(owner.id)).rejects.toMatchObject({ code: "API_KEY_LIMIT_REACHED" });
    expect(await findSigningKey(expiring.secretId, later)).toBeNull();
    await create(owner.id, { now: later });
    // Active keys first; the others were all created at the same instant.
    const statuses = (await listApiKeys(owner.id, later)).map((key) => key.status);
    expect(statuses.slice(0, 2)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(statuses.slice(2).sort()).toEqual(["EXPIRED", "REVOKED"]);
  });

  it("revokes at once, only the owner's own keys, and a disabled account's keys do not sign", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const key = await create(owner.id);
    await expect(
      revokeApiKey({ ownerId: other.id, apiKeyId: key.id, actorId: other.id, ip: null, now: TEST_NOW }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findSigningKey(key.secretId, TEST_NOW)).not.toBeNull();

    await db.user.update({ where: { id: owner.id }, data: { disabledAt: TEST_NOW } });
    expect(await findSigningKey(key.secretId, TEST_NOW)).toBeNull();
    await db.user.update({ where: { id: owner.id }, data: { disabledAt: null } });

    const revoke = () =>
      revokeApiKey({ ownerId: owner.id, apiKeyId: key.id, actorId: owner.id, ip: null, now: TEST_NOW });
    expect(await revoke()).toEqual({ revoked: true });
    expect(await revoke()).toEqual({ revoked: false });
    expect(await findSigningKey(key.secretId, TEST_NOW)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "api_key.revoke", targetId: key.id } })).toBe(1);
  });
});
