// Admin › Reviews as it appears in the URL: which reviews (`state`), and where the page
// starts (`after`) or ends (`before`), a keyset cursor of (submittedAt, id). A bad value
// in a hand-edited URL falls back to the first page of the reviews waiting.
import { z } from "zod";
import { firstValues, type SearchInput } from "@/lib/url/search-params";

export const REVIEW_QUEUE_FILTERS = ["IN_REVIEW", "AWAITING_LETTER", "REJECTED", "APPROVED", "ALL"] as const;
export type ReviewQueueFilter = (typeof REVIEW_QUEUE_FILTERS)[number];

export const REVIEW_PAGE_SIZE = 50;

export type ReviewCursor = { submittedAt: Date; id: string };

const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function encodeReviewCursor(cursor: ReviewCursor): string {
  return `${cursor.submittedAt.getTime()}.${cursor.id}`;
}

export function decodeReviewCursor(value: string): ReviewCursor | undefined {
  const match = CURSOR.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  const submittedAt = new Date(Number(match[1]));
  return Number.isNaN(submittedAt.getTime()) ? undefined : { submittedAt, id: match[2] };
}

const cursorParam = z
  .string()
  .transform((value, context) => {
    const cursor = decodeReviewCursor(value);
    if (!cursor) context.addIssue({ code: "custom", message: "not a cursor" });
    return cursor;
  })
  .optional()
  .catch(undefined);

const schema = z.object({
  state: z.enum(REVIEW_QUEUE_FILTERS).default("IN_REVIEW").catch("IN_REVIEW"),
  after: cursorParam,
  before: cursorParam,
});

export type ReviewQueueParams = {
  state: ReviewQueueFilter;
  /** Absent: the first page. */
  cursor?: { direction: "after" | "before" } & ReviewCursor;
};

export function parseReviewQueueParams(input: SearchInput): ReviewQueueParams {
  const parsed = schema.parse(firstValues(input));
  // Both given (a hand-made URL): the page after wins.
  if (parsed.after) return { state: parsed.state, cursor: { direction: "after", ...parsed.after } };
  if (parsed.before) return { state: parsed.state, cursor: { direction: "before", ...parsed.before } };
  return { state: parsed.state };
}

/** The URL query of a page of the queue (the default state left out). */
export function reviewQueueQueryString(state: ReviewQueueFilter, cursor?: { after: string } | { before: string }) {
  const query = new URLSearchParams();
  if (state !== "IN_REVIEW") query.set("state", state);
  if (cursor && "after" in cursor) query.set("after", cursor.after);
  if (cursor && "before" in cursor) query.set("before", cursor.before);
  const text = query.toString();
  return text ? `?${text}` : "";
}
