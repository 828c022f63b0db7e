// Replays and the per-key rate limit, through the API's one entry point with the received
// time given, so that "the same second" and "5 minutes later" need no waiting.
import { describe, expect, it } from "vitest";
import { API_REQUESTS_PER_SECOND } from "@/lib/api-keys/admit-api-request";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db/client";
import { SOCKET_ADDRESS_HEADER, SOCKET_PEER_RECORDED } from "@/lib/http/socket-peer";
import { handleTc3Request } from "@/lib/tencent-api/handle-tc3-request";
import { createTestCertificate, createTestUser, TEST_NOW } from "@/testing/factories";
import { signTc3Request } from "@/testing/sign-tc3-request";

(globalThis as Record<symbol, unknown>)[SOCKET_PEER_RECORDED] = true;
const START = Date.UTC(2026, 11, 2, 8, 0, 0);

async function setUp() {
  const owner = await createTestUser();
  const key = await createApiKey({
    ownerId: owner.id,
    actorId: owner.id,
    ip: null,
    name: "admission",
    scope: "READ_WRITE",
    expiresInDays: "never",
    now: new Date(START - 1_000),
  });
  const certificate = await createTestCertificate(owner.id);
  return { owner, key, certificateId: certificate.id };
}

/** One signed call: `signedAt` is X-TC-Timestamp (seconds), `receivedAt` the server's clock (ms). */
async function call(
  key: { id: string; secretId: string; secretKey: string },
  action: string,
  body: Record<string, unknown>,
  signedAt: number,
  receivedAt = signedAt * 1000,
): Promise<string | null> {
  const text = JSON.stringify(body);
  const authorization = signTc3Request({
    method: "POST",
    host: "127.0.0.1:3000",
    contentType: "application/json",
    body: text,
    timestamp: signedAt,
    secretId: key.secretId,
    secretKey: key.secretKey,
  });
  const request = new Request("http://127.0.0.1:3000/api/tc3", {
    method: "POST",
    headers: {
      authorization,
      host: "127.0.0.1:3000",
      "content-type": "application/json",
      "x-tc-action": action,
      "x-tc-version": "2019-12-05",
      "x-tc-timestamp": String(signedAt),
      [SOCKET_ADDRESS_HEADER]: "203.0.113.9",
    },
    body: text,
  });
  const response = await handleTc3Request(request, { received: new Date(receivedAt), now: async () => TEST_NOW });
  const answer = (await response.json()) as { Response: { Error?: { Code: string } } };
  return answer.Response.Error?.Code ?? null;
}

describe("admission of signed API calls", () => {
  it("refuses a replayed write, also from a minute later, and lets the same read through again", async () => {
    const { key, certificateId } = await setUp();
    const second = START / 1000;
    const alias = { CertificateId: certificateId, Alias: "edge" };
    expect(await call(key, "ModifyCertificateAlias", alias, second)).toBeNull();
    expect(await call(key, "ModifyCertificateAlias", alias, second)).toBe("AuthFailure.SignatureFailure");
    expect(await call(key, "ModifyCertificateAlias", alias, second, START + 60_000)).toBe(
      "AuthFailure.SignatureFailure",
    );
    // Signed anew (another second), the same change is a new request.
    expect(await call(key, "ModifyCertificateAlias", alias, second + 1)).toBeNull();

    // A script may read the same thing twice in one second: that is not refused.
    const read = { CertificateId: certificateId };
    expect(await call(key, "DescribeCertificateDetail", read, second + 2)).toBeNull();
    expect(await call(key, "DescribeCertificateDetail", read, second + 2)).toBeNull();

    // Beyond 5 minutes of skew the replay is refused as stale, and its record is purged.
    expect(await call(key, "ModifyCertificateAlias", alias, second, START + 301_000)).toBe(
      "AuthFailure.SignatureExpire",
    );
    expect(await call(key, "DescribeCertificates", {}, second + 400)).toBeNull();
    expect(await db.apiRequestSignature.count({ where: { apiKeyId: key.id } })).toBe(0);
  });

  it(`answers RequestLimitExceeded beyond ${API_REQUESTS_PER_SECOND} calls of one key in a second, and records the last use`, async () => {
    const { key } = await setUp();
    const other = await setUp();
    const second = START / 1000 + 10;
    const codes: (string | null)[] = [];
    for (let index = 0; index < API_REQUESTS_PER_SECOND + 2; index++) {
      codes.push(await call(key, "DescribeCertificates", { Offset: index }, second, START + 10_000 + index));
    }
    expect(codes.slice(0, API_REQUESTS_PER_SECOND).every((code) => code === null)).toBe(true);
    expect(codes.slice(API_REQUESTS_PER_SECOND)).toEqual(["RequestLimitExceeded", "RequestLimitExceeded"]);
    // Another key is not held back, and the next second this one is let in again.
    expect(await call(other.key, "DescribeCertificates", {}, second)).toBeNull();
    expect(await call(key, "DescribeCertificates", {}, second + 1)).toBeNull();

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt?.getTime()).toBe(START + 10_000);
    expect(row.lastUsedIp).toBe("203.0.113.9");
    const audited = await db.auditLog.findMany({ where: { action: "api.call", targetId: key.id } });
    // Calls held back by the limit are logged, not audited: a flood must not fill the database.
    expect(audited).toHaveLength(API_REQUESTS_PER_SECOND + 1);
  });
});
