import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestCertificate, createTestUser, fundAccount, seedTestPrices } from "@/testing/factories";
import { GET, POST } from "./route";

const secret = process.env.CRON_SECRET as string;
const call = (handler: typeof GET, query = "", headers: Record<string, string> = {}) =>
  handler(new NextRequest(`http://localhost/api/jobs/renewals${query}`, { method: "POST", headers }));

describe("POST/GET /api/jobs/renewals", () => {
  it("answers 401 and changes nothing without the right bearer secret", async () => {
    await seedTestPrices();
    const user = await createTestUser();
    await fundAccount(user.id, 10_000);
    const due = await createTestCertificate(user.id, {
      autoRenewState: "ON",
      expiresAt: new Date(Date.now() + 20 * 86_400_000),
    });
    const refused = [
      await call(POST),
      await call(POST, "", { authorization: "Bearer wrong-secret" }),
      await call(POST, "", { authorization: secret }),
      await call(GET, `?secret=${encodeURIComponent(secret)}`),
      await call(GET, `?cron_secret=${encodeURIComponent(secret)}`, { authorization: `Bearer ${secret}` }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.text()).not.toContain(secret);
    }
    expect(await db.jobRun.count()).toBe(0);
    expect(await db.renewalOrder.count({ where: { certificateId: due.id } })).toBe(0);
  });

  it("runs the job with the secret (POST or GET) and answers a JSON summary", async () => {
    const response = await call(POST, "", { authorization: `Bearer ${secret}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      runId: string;
      status: string;
      durationMs: number;
      counts: { deducted: number };
    };
    expect(body).toMatchObject({ status: "SUCCEEDED", counts: { deducted: 1 } });
    expect(body.durationMs).toBeGreaterThanOrEqual(0);
    expect(await db.jobRun.findUniqueOrThrow({ where: { id: body.runId } })).toMatchObject({
      status: "SUCCEEDED",
      trigger: "cron",
    });

    const again = await call(GET, "", { authorization: `Bearer ${secret}` });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { counts: { deducted: number } }).counts.deducted).toBe(0);
  });
});
