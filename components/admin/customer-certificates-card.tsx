import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CustomerCertificateTable } from "@/components/admin/customer-certificate-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminCertificatePage } from "@/lib/admin/list-all-certificates";

/** The account's certificates that expire soonest, with a link to all of them in the certificate list. */
export function CustomerCertificatesCard({
  email,
  certificates,
}: {
  email: string;
  certificates: AdminCertificatePage;
}) {
  const t = useTranslations("admin.customers.detail");
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>{t("certificatesTitle")}</CardTitle>
          <CardDescription>
            {t("certificatesDescription", { shown: certificates.items.length, total: certificates.total })}
          </CardDescription>
        </div>
        {certificates.total > 0 && (
          <Button variant="outline" size="sm" asChild>
            <Link href={`/admin/certificates?owner=${encodeURIComponent(email)}`}>
              {t("allCertificates")}
              <ArrowRightIcon aria-hidden />
            </Link>
          </Button>
        )}
      </CardHeader>
      <CardContent>
        {certificates.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noCertificates")}</p>
        ) : (
          <CustomerCertificateTable items={certificates.items} />
        )}
      </CardContent>
    </Card>
  );
}
