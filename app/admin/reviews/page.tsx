import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type * as React from "react";
import { PageHeader } from "@/components/console/page-header";
import { ReviewDecisionButtons } from "@/components/organization-review/review-decision-buttons";
import { ReviewStateBadge } from "@/components/organization-review/review-state-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listOrganizationReviews } from "@/lib/organization-review/list-organization-reviews";
import {
  parseReviewQueueParams,
  REVIEW_QUEUE_FILTERS,
  reviewQueueQueryString,
} from "@/lib/organization-review/review-queue-params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizationReview.admin");
  return { title: t("title") };
}

export default async function ReviewsPage({ searchParams }: Props) {
  const [user, t, tc, locale, format, query] = await Promise.all([
    requireAdminPage(),
    getTranslations("organizationReview.admin"),
    getTranslations("certificates"),
    getLocale(),
    getFormatter(),
    searchParams,
  ]);
  const params = parseReviewQueueParams(query);
  const page = await listOrganizationReviews({ actor: user, params });
  const reviews = page.items;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2" data-testid="review-state-filter">
        {REVIEW_QUEUE_FILTERS.map((state) => (
          <Button key={state} asChild size="sm" variant={state === page.state ? "default" : "outline"}>
            <Link
              href={`/admin/reviews${reviewQueueQueryString(state)}`}
              aria-current={state === page.state ? "page" : undefined}
            >
              {t(`filter.${state}`)}
            </Link>
          </Button>
        ))}
      </nav>
      <Card className="overflow-hidden">
        {reviews.length === 0 ? (
          <p className="px-6 py-12 text-center text-sm text-muted-foreground" data-testid="reviews-empty">
            {page.state === "IN_REVIEW" && !params.cursor ? t("empty") : t("emptyFiltered")}
          </p>
        ) : (
          <Table data-testid="review-table">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("company")}</TableHead>
                <TableHead scope="col">{t("contact")}</TableHead>
                <TableHead scope="col">{t("product")}</TableHead>
                <TableHead scope="col">{t("letter")}</TableHead>
                <TableHead scope="col">{t("stateColumn")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {reviews.map((review) => (
                <TableRow
                  key={review.certificateId}
                  data-testid="review-row"
                  data-certificate-id={review.certificateId}
                  data-state={review.state}
                >
                  <TableCell className="align-top">
                    <div className="grid gap-0.5 text-sm">
                      <span className="font-medium">{review.companyName}</span>
                      <span className="text-muted-foreground">
                        {review.address}, {review.locality}, {review.country}
                      </span>
                      <span className="text-muted-foreground">{review.companyPhone}</span>
                      {review.registrationNumber && (
                        <span className="text-muted-foreground">
                          {t("registration", { number: review.registrationNumber })}
                        </span>
                      )}
                      <span className="text-xs text-muted-foreground">
                        {t("customer")}: {review.owner.email}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="grid gap-0.5 text-sm">
                      <span>{review.contactName}</span>
                      <span className="text-muted-foreground">{review.contactEmail}</span>
                      <span className="text-muted-foreground">{review.contactPhone}</span>
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="grid gap-0.5 text-sm">
                      <span className="font-medium">{review.certificate.domain}</span>
                      <span className="text-muted-foreground">
                        {review.certificate.brand} {tc(`type.${review.certificate.certificateType}`)} ·{" "}
                        {tc(`domainType.${review.certificate.domainType}`)}
                      </span>
                      {review.certificate.sans.length > 0 && (
                        <span className="text-xs text-muted-foreground">{review.certificate.sans.join(", ")}</span>
                      )}
                      {review.certificate.order && (
                        <span className="text-xs text-muted-foreground">
                          {formatMoney(review.certificate.order.priceMinor, review.certificate.order.currency, locale)}
                        </span>
                      )}
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="grid gap-0.5 text-sm">
                      <a
                        className="text-primary underline-offset-4 hover:underline"
                        href={`/api/certificates/${review.certificateId}/confirmation-letter`}
                        data-testid="review-letter-link"
                      >
                        {t("viewLetter", { type: review.letterType ?? "" })}
                      </a>
                      {review.letterUploadedAt && (
                        <span className="text-xs text-muted-foreground">
                          {t("uploadedAt")}: {format.dateTime(review.letterUploadedAt, "dateTime")}
                        </span>
                      )}
                      <span className="text-xs text-muted-foreground">
                        {t("submittedAt")}: {format.dateTime(review.submittedAt, "dateTime")}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    {review.state === "IN_REVIEW" ? (
                      <ReviewDecisionButtons certificateId={review.certificateId} domain={review.certificate.domain} />
                    ) : (
                      <div className="grid max-w-xs gap-1 text-sm">
                        <ReviewStateBadge state={review.state} label={t(`state.${review.state}`)} />
                        {review.reviewedAt && (
                          <span className="text-xs text-muted-foreground">
                            {t("decidedAt")}: {format.dateTime(review.reviewedAt, "dateTime")}
                          </span>
                        )}
                        {review.state === "REJECTED" && review.rejectionReason && (
                          <span className="text-xs" data-testid="review-reason">
                            {t("reason")}: {review.rejectionReason}
                          </span>
                        )}
                        <Link
                          href={`/admin/certificates/${review.certificateId}`}
                          className="text-xs text-primary underline-offset-4 hover:underline"
                        >
                          {review.certificateId}
                        </Link>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      {(page.previousCursor || page.nextCursor) && (
        <nav aria-label={t("pagination")} className="flex justify-end gap-2" data-testid="review-pagination">
          <PageLink
            href={
              page.previousCursor
                ? `/admin/reviews${reviewQueueQueryString(page.state, { before: page.previousCursor })}`
                : null
            }
            testId="reviews-previous"
          >
            <ChevronLeftIcon aria-hidden />
            {t("previous")}
          </PageLink>
          <PageLink
            href={
              page.nextCursor ? `/admin/reviews${reviewQueueQueryString(page.state, { after: page.nextCursor })}` : null
            }
            testId="reviews-next"
          >
            {t("next")}
            <ChevronRightIcon aria-hidden />
          </PageLink>
        </nav>
      )}
    </>
  );
}

function PageLink({ href, testId, children }: { href: string | null; testId: string; children: React.ReactNode }) {
  if (!href) {
    return (
      <Button variant="outline" size="sm" disabled data-testid={testId}>
        {children}
      </Button>
    );
  }
  return (
    <Button variant="outline" size="sm" asChild data-testid={testId}>
      <Link href={href}>{children}</Link>
    </Button>
  );
}
