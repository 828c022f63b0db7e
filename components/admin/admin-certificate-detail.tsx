"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRightIcon, UserIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { AccountStatusBadge } from "@/components/admin/account-badges";
import { CertificateDetailView } from "@/components/certificates/certificate-detail-view";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { adminCertificateDetailQuery } from "@/lib/queries/admin";

/** Any customer's certificate as its owner sees it, read-only, with who owns it. */
export function AdminCertificateDetail({
  certificateId,
  reviewSection,
}: {
  certificateId: string;
  /** The OV/EV certificate's organisation review, rendered on the server (AdminReviewSummaryCard). */
  reviewSection?: React.ReactNode;
}) {
  const t = useTranslations("admin.certificates");
  const { data } = useQuery(adminCertificateDetailQuery(certificateId));
  if (!data) return null;
  return (
    <CertificateDetailView
      certificateId={certificateId}
      detail={data}
      linkBase="/admin/certificates"
      backLabel={t("back")}
      readOnly
      extraSections={
        <>
          {reviewSection}
          <Card data-testid="certificate-owner-card">
            <CardHeader>
              <CardTitle>{t("ownerTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-wrap items-center justify-between gap-3">
              <div className="flex min-w-0 items-center gap-3">
                <UserIcon className="size-5 shrink-0 text-muted-foreground" aria-hidden />
                <div className="min-w-0">
                  <p className="truncate font-medium" data-testid="certificate-owner-email">
                    {data.owner.email}
                  </p>
                  <p className="truncate text-sm text-muted-foreground">{data.owner.name}</p>
                </div>
                <AccountStatusBadge disabledAt={data.owner.disabledAt} />
              </div>
              <Button variant="outline" size="sm" asChild>
                <Link href={`/admin/customers/${data.owner.id}`}>
                  {t("ownerLink")}
                  <ArrowRightIcon aria-hidden />
                </Link>
              </Button>
            </CardContent>
          </Card>
        </>
      }
    />
  );
}
