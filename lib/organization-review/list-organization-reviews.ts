import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ORGANIZATION_REVIEW_COLUMNS } from "@/lib/organization-review/organization-review-columns";
import { ORGANIZATION_REVIEW_STATUSES } from "@/lib/organization-review/organization-review-rules";
import { organizationReviewState } from "@/lib/organization-review/organization-review-state";
import {
  encodeReviewCursor,
  REVIEW_PAGE_SIZE,
  type ReviewCursor,
  type ReviewQueueFilter,
  type ReviewQueueParams,
} from "@/lib/organization-review/review-queue-params";

export type ReviewQueuePage = Awaited<ReturnType<typeof listOrganizationReviews>>;
export type PendingOrganizationReview = ReviewQueuePage["items"][number];

const BEFORE_VALIDATION = [...ORGANIZATION_REVIEW_STATUSES];

/** The reviews of one state, as organizationReviewState derives it (a test holds the two together). */
function stateWhere(state: ReviewQueueFilter): Prisma.OrganizationReviewWhereInput {
  switch (state) {
    case "IN_REVIEW":
      return { certificate: { status: "ORGANIZATION_REVIEW" } };
    case "AWAITING_LETTER":
      return { certificate: { status: "PENDING_LETTER_UPLOAD" } };
    case "REJECTED":
      return {
        OR: [
          { certificate: { status: "ORGANIZATION_REJECTED" } },
          { certificate: { status: { notIn: BEFORE_VALIDATION } }, rejectionReason: { not: null } },
        ],
      };
    case "APPROVED":
      return {
        certificate: { status: { notIn: BEFORE_VALIDATION } },
        reviewedAt: { not: null },
        rejectionReason: null,
      };
    case "ALL":
      return {};
  }
}

/** Reviews after (or before) the cursor in the order (submittedAt, id). */
function keysetWhere(cursor: ReviewCursor, direction: "after" | "before"): Prisma.OrganizationReviewWhereInput {
  const beyond = direction === "after" ? "gt" : "lt";
  return {
    OR: [
      { submittedAt: { [beyond]: cursor.submittedAt } },
      { submittedAt: cursor.submittedAt, id: { [beyond]: cursor.id } },
    ],
  };
}

const REVIEW_SELECT = {
  id: true,
  certificateId: true,
  ...ORGANIZATION_REVIEW_COLUMNS,
  reviewedAt: true,
  rejectionReason: true,
  owner: { select: { id: true, email: true } },
  certificate: {
    select: {
      status: true,
      brand: true,
      certificateType: true,
      domainType: true,
      domain: true,
      sans: true,
      validityYears: true,
      order: { select: { priceMinor: true, currency: true } },
    },
  },
} as const satisfies Prisma.OrganizationReviewSelect;

/**
 * The admin dashboard's reviews: OV/EV organisations, by default those whose letter is
 * uploaded and that wait for an administrator, with the company, its contact, the product,
 * the letter's metadata (the letter itself is downloaded) and the decision. Oldest first
 * (submittedAt, id), so none waits behind newer ones, REVIEW_PAGE_SIZE a page, paged by a
 * keyset cursor: a page stays right while reviews are decided meanwhile, and costs the same
 * however deep it is. Deleted certificates are left out.
 */
export async function listOrganizationReviews(input: { actor: Actor; params?: ReviewQueueParams }) {
  assertAdmin(input.actor);
  const params: ReviewQueueParams = input.params ?? { state: "IN_REVIEW" };
  const where: Prisma.OrganizationReviewWhereInput = {
    AND: [{ certificate: { deletedAt: null } }, stateWhere(params.state)],
  };
  const cursor = params.cursor;
  const backwards = cursor?.direction === "before";
  const order = backwards ? "desc" : "asc";
  const rows = await db.organizationReview.findMany({
    where: cursor ? { AND: [where, keysetWhere(cursor, cursor.direction)] } : where,
    orderBy: [{ submittedAt: order }, { id: order }],
    // One more than a page: whether there is a further page in this direction.
    take: REVIEW_PAGE_SIZE + 1,
    select: REVIEW_SELECT,
  });
  const further = rows.length > REVIEW_PAGE_SIZE;
  const page = rows.slice(0, REVIEW_PAGE_SIZE);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // The other direction: is anything on the far side of this page (one indexed probe)?
  const behind = async (edge: ReviewCursor | undefined, direction: "after" | "before") =>
    edge !== undefined &&
    (await db.organizationReview.findFirst({
      where: { AND: [where, keysetWhere(edge, direction)] },
      select: { id: true },
    })) !== null;
  const hasPrevious = backwards ? further : cursor ? await behind(first, "before") : false;
  const hasNext = backwards ? await behind(last, "after") : further;
  return {
    state: params.state,
    items: page.map((row) => ({
      ...row,
      state: organizationReviewState(row.certificate.status, row),
    })),
    previousCursor: hasPrevious && first ? encodeReviewCursor(first) : null,
    nextCursor: hasNext && last ? encodeReviewCursor(last) : null,
  };
}
