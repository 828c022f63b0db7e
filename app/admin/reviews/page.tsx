import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { ReviewDecisionButtons } from "@/components/organization-review/review-decision-buttons";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listOrganizationReviews } from "@/lib/organization-review/list-organization-reviews";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizationReview.admin");
  return { title: t("title") };
}

export default async function ReviewsPage() {
  const [user, t, tc, locale, format] = await Promise.all([
    requireAdminPage(),
    getTranslations("organizationReview.admin"),
    getTranslations("certificates"),
    getLocale(),
    getFormatter(),
  ]);
  const reviews = await listOrganizationReviews({ actor: user });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="overflow-hidden">
        {reviews.length === 0 ? (
          <p className="px-6 py-12 text-center text-sm text-muted-foreground" data-testid="reviews-empty">
            {t("empty")}
          </p>
        ) : (
          <Table data-testid="review-table">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("company")}</TableHead>
                <TableHead scope="col">{t("contact")}</TableHead>
                <TableHead scope="col">{t("product")}</TableHead>
                <TableHead scope="col">{t("letter")}</TableHead>
                <TableHead scope="col">
                  <span className="sr-only">{t("approve")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {reviews.map((review) => (
                <TableRow
                  key={review.certificateId}
                  data-testid="review-row"
                  data-certificate-id={review.certificateId}
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
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    <ReviewDecisionButtons certificateId={review.certificateId} domain={review.certificate.domain} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
