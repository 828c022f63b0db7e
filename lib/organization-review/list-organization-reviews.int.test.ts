// Admin › Reviews on PostgreSQL: pages of 50 by the keyset (submittedAt, id), forwards and
// backwards, the state filter agreeing with the state each row shows, and the admin's
// certificate page's review, each behind the admin role checked here.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CertificateStatus } from "@/lib/generated/prisma/enums";
import { getAdminOrganizationReview } from "@/lib/organization-review/get-admin-organization-review";
import { listOrganizationReviews } from "@/lib/organization-review/list-organization-reviews";
import { ORGANIZATION_REVIEW_STATES } from "@/lib/organization-review/organization-review-state";
import {
  decodeReviewCursor,
  REVIEW_PAGE_SIZE,
  type ReviewQueueFilter,
  type ReviewQueueParams,
} from "@/lib/organization-review/review-queue-params";
import { createTestCertificate, createTestUser, TEST_NOW } from "@/testing/factories";

type SessionUser = import("@/lib/auth/session").SessionUser;
const MINUTE = 60_000;

let admin: SessionUser;
let customer: SessionUser;
/** The reviews waiting, in the queue's order. */
let waiting: string[] = [];
let rejectedId: string;
let reviewerEmail: string;

async function review(
  ownerId: string,
  status: CertificateStatus,
  submittedAt: Date,
  decision: { reviewedAt?: Date; rejectionReason?: string; reviewerId?: string; deleted?: boolean } = {},
) {
  const certificate = await createTestCertificate(ownerId, {
    certificateType: "OV",
    brand: "GeoTrust",
    status,
    expiresAt: null,
    deletedAt: decision.deleted ? TEST_NOW : null,
  });
  const row = await db.organizationReview.create({
    data: {
      certificateId: certificate.id,
      ownerId,
      companyName: `Company ${certificate.id}`,
      country: "CN",
      locality: "Shenzhen",
      address: "1 Road",
      companyPhone: "+86 1",
      contactName: "Li",
      contactEmail: "li@example.test",
      contactPhone: "+86 2",
      letterType: "PDF",
      letterBytes: 2048,
      letterUploadedAt: submittedAt,
      submittedAt,
      reviewedAt: decision.reviewedAt ?? null,
      rejectionReason: decision.rejectionReason ?? null,
      reviewerId: decision.reviewerId ?? null,
    },
  });
  return { certificateId: certificate.id, id: row.id, submittedAt };
}

beforeAll(async () => {
  const adminUser = await createTestUser({ role: "ADMIN" });
  admin = { id: adminUser.id, email: adminUser.email, name: adminUser.name, role: "ADMIN" };
  reviewerEmail = adminUser.email;
  const owner = await createTestUser();
  customer = { id: owner.id, email: owner.email, name: owner.name, role: "CUSTOMER" };
  // 120 waiting, in threes at the same instant: the id breaks the ties.
  const rows = [];
  for (let index = 0; index < 120; index += 1) {
    rows.push(
      await review(owner.id, "ORGANIZATION_REVIEW", new Date(TEST_NOW.getTime() + Math.floor(index / 3) * MINUTE)),
    );
  }
  waiting = rows
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((row) => row.certificateId);
  const decided = new Date(TEST_NOW.getTime() + 200 * MINUTE);
  await review(owner.id, "PENDING_LETTER_UPLOAD", TEST_NOW);
  rejectedId = (
    await review(owner.id, "ORGANIZATION_REJECTED", TEST_NOW, {
      reviewedAt: decided,
      rejectionReason: "Unsigned letter",
      reviewerId: admin.id,
    })
  ).certificateId;
  await review(owner.id, "CANCELED", TEST_NOW, { reviewedAt: decided, rejectionReason: "Wrong company" });
  await review(owner.id, "ISSUED", TEST_NOW, { reviewedAt: decided, reviewerId: admin.id });
  await review(owner.id, "PENDING_VALIDATION", TEST_NOW, { reviewedAt: decided });
  await review(owner.id, "CANCELED", TEST_NOW);
  // A deleted certificate's review is in no list.
  await review(owner.id, "ORGANIZATION_REVIEW", TEST_NOW, { deleted: true });
});

const list = (params: ReviewQueueParams) => listOrganizationReviews({ actor: admin, params });

function cursor(value: string | null, direction: "after" | "before"): ReviewQueueParams["cursor"] {
  const decoded = value ? decodeReviewCursor(value) : undefined;
  if (!decoded) throw new Error(`no ${direction} cursor`);
  return { direction, ...decoded };
}

describe("listOrganizationReviews", () => {
  it("pages the reviews waiting 50 at a time, oldest first, forwards and back", async () => {
    const first = await list({ state: "IN_REVIEW" });
    expect(first.items).toHaveLength(REVIEW_PAGE_SIZE);
    expect(first.previousCursor).toBeNull();
    const second = await list({ state: "IN_REVIEW", cursor: cursor(first.nextCursor, "after") });
    const third = await list({ state: "IN_REVIEW", cursor: cursor(second.nextCursor, "after") });
    expect(third.items).toHaveLength(20);
    expect(third.nextCursor).toBeNull();
    const forwards = [...first.items, ...second.items, ...third.items].map((row) => row.certificateId);
    expect(forwards).toEqual(waiting);
    expect(new Set(forwards.map((id) => id)).size).toBe(120);

    // Back from the last page: the same pages, and the first has nothing before it.
    const back = await list({ state: "IN_REVIEW", cursor: cursor(third.previousCursor, "before") });
    expect(back.items.map((row) => row.certificateId)).toEqual(second.items.map((row) => row.certificateId));
    expect(back.nextCursor).toBe(second.nextCursor);
    const start = await list({ state: "IN_REVIEW", cursor: cursor(back.previousCursor, "before") });
    expect(start.items.map((row) => row.certificateId)).toEqual(first.items.map((row) => row.certificateId));
    expect(start.previousCursor).toBeNull();
    expect(start.nextCursor).toBe(first.nextCursor);
  });

  it("filters by the state each row shows: every review in exactly its own filter", async () => {
    const all = await list({ state: "ALL" });
    const everything = [...all.items];
    for (let page = all; page.nextCursor; ) {
      page = await list({ state: "ALL", cursor: cursor(page.nextCursor, "after") });
      everything.push(...page.items);
    }
    expect(everything).toHaveLength(126);
    const counts: Record<string, number> = {};
    for (const row of everything) counts[row.state] = (counts[row.state] ?? 0) + 1;
    expect(counts).toEqual({ IN_REVIEW: 120, AWAITING_LETTER: 1, REJECTED: 2, APPROVED: 2, WITHDRAWN: 1 });
    for (const state of ORGANIZATION_REVIEW_STATES.filter(
      (s): s is Exclude<typeof s, "WITHDRAWN"> => s !== "WITHDRAWN",
    )) {
      const filter: ReviewQueueFilter = state;
      const rows = [];
      for (
        let page = await list({ state: filter });
        ;
        page = await list({ state: filter, cursor: cursor(page.nextCursor, "after") })
      ) {
        rows.push(...page.items);
        if (!page.nextCursor) break;
      }
      expect(rows.every((row) => row.state === state)).toBe(true);
      expect(rows).toHaveLength(counts[state] ?? 0);
    }
    const rejected = await list({ state: "REJECTED" });
    expect(rejected.items.map((row) => row.rejectionReason).sort()).toEqual(["Unsigned letter", "Wrong company"]);
  });

  it("is an administrator's: refused to a customer and to no one signed in", async () => {
    await expect(listOrganizationReviews({ actor: customer, params: { state: "ALL" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listOrganizationReviews({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("getAdminOrganizationReview", () => {
  it("gives the admin's certificate page the review: state, company, when, by whom and why", async () => {
    expect(await getAdminOrganizationReview({ actor: admin, certificateId: rejectedId })).toMatchObject({
      state: "REJECTED",
      companyName: `Company ${rejectedId}`,
      submittedAt: TEST_NOW,
      rejectionReason: "Unsigned letter",
      reviewer: { email: reviewerEmail },
    });
    const dv = await createTestCertificate(customer.id);
    expect(await getAdminOrganizationReview({ actor: admin, certificateId: dv.id })).toBeNull();
    await expect(getAdminOrganizationReview({ actor: customer, certificateId: rejectedId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
