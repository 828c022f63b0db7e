import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type * as React from "react";
import { ReviewStateBadge } from "@/components/organization-review/review-state-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminOrganizationReview } from "@/lib/organization-review/get-admin-organization-review";
import { reviewQueueQueryString } from "@/lib/organization-review/review-queue-params";

/** The admin certificate page's organisation review: where it stands, the company, when, and why. */
export async function AdminReviewSummaryCard({ review }: { review: AdminOrganizationReview }) {
  const [t, format] = await Promise.all([getTranslations("organizationReview.admin"), getFormatter()]);
  const queueState = review.state === "WITHDRAWN" ? "ALL" : review.state;
  const rows: { label: string; value: React.ReactNode; testId: string }[] = [
    {
      label: t("stateColumn"),
      value: <ReviewStateBadge state={review.state} label={t(`state.${review.state}`)} />,
      testId: "state",
    },
    {
      label: t("company"),
      value: (
        <span className="grid gap-0.5">
          <span className="font-medium">{review.companyName}</span>
          <span className="text-muted-foreground">
            {review.address}, {review.locality}, {review.country}
          </span>
        </span>
      ),
      testId: "company",
    },
    { label: t("submittedAt"), value: format.dateTime(review.submittedAt, "dateTime"), testId: "submitted" },
    {
      label: t("decidedAt"),
      value: review.reviewedAt
        ? `${format.dateTime(review.reviewedAt, "dateTime")}${review.reviewer ? ` · ${review.reviewer.email}` : ""}`
        : t("cardNone"),
      testId: "decided",
    },
  ];
  if (review.state === "REJECTED" && review.rejectionReason) {
    rows.push({ label: t("reason"), value: review.rejectionReason, testId: "reason" });
  }
  return (
    <Card data-testid="certificate-review-card" data-state={review.state}>
      <CardHeader>
        <CardTitle>{t("cardTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          {rows.map((row) => (
            <div key={row.testId} className="contents">
              <dt className="text-muted-foreground">{row.label}</dt>
              <dd data-testid={`review-${row.testId}`}>{row.value}</dd>
            </div>
          ))}
        </dl>
        <Link
          href={`/admin/reviews${reviewQueueQueryString(queueState)}`}
          className="text-sm text-primary underline-offset-4 hover:underline"
        >
          {t("openQueue")}
        </Link>
      </CardContent>
    </Card>
  );
}
