import { describe, expect, it } from "vitest";
import { parseCustomerListParams } from "@/lib/admin/customer-list-params";
import { getCustomerDetail } from "@/lib/admin/get-customer-detail";
import { listCustomers } from "@/lib/admin/list-customers";
import { createTestCertificate, createTestUser, TEST_NOW } from "@/testing/factories";

describe("customers in the admin dashboard", () => {
  it("counts each customer's certificates, in the list and on the customer's page", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const busy = await createTestUser({ email: "busy-counts@example.test" });
    const idle = await createTestUser({ email: "idle-counts@example.test" });
    await createTestCertificate(busy.id, { autoRenewState: "ON" });
    await createTestCertificate(busy.id, { autoRenewState: "TERMINATED" });
    await createTestCertificate(busy.id);

    const page = await listCustomers(admin, parseCustomerListParams({ q: "-counts@example.test" }), TEST_NOW);
    const counts = new Map(page.items.map((row) => [row.email, row.certificateCount]));
    expect(counts).toEqual(
      new Map([
        [busy.email, 3],
        [idle.email, 0],
      ]),
    );

    expect(await getCustomerDetail(admin, busy.id, TEST_NOW)).toMatchObject({
      certificateCount: 3,
      autoRenew: { ON: 1, OFF: 1, TERMINATED: 1 },
    });
    expect(await getCustomerDetail(admin, idle.id, TEST_NOW)).toMatchObject({ certificateCount: 0 });
  });
});
