import { ShieldAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssuerForm } from "@/components/admin/issuers/issuer-form";
import { IssuerList } from "@/components/admin/issuers/issuer-list";
import { ProductIssuerTable } from "@/components/admin/issuers/product-issuer-table";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdminPage } from "@/lib/auth/session";
import { listIssuers } from "@/lib/issuers/list-issuers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.issuers");
  return { title: t("title") };
}

export default async function IssuersPage() {
  const [user, t] = await Promise.all([requireAdminPage(), getTranslations("admin.issuers")]);
  const { issuers, products } = await listIssuers(user);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <Card data-testid="built-in-issuer">
          <CardHeader>
            <CardTitle className="flex flex-wrap items-center gap-2">
              {t("builtIn.name")}
              <Badge variant="warning">
                <ShieldAlertIcon aria-hidden />
                {t("builtIn.untrusted")}
              </Badge>
            </CardTitle>
            <CardDescription>{t("builtIn.description")}</CardDescription>
          </CardHeader>
        </Card>
        <Card data-testid="acme-issuers">
          <CardHeader>
            <CardTitle>{t("list.title")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-6">
            <IssuerList issuers={issuers} />
            <IssuerForm />
          </CardContent>
        </Card>
        <Card data-testid="product-issuers">
          <CardHeader>
            <CardTitle>{t("products.title")}</CardTitle>
            <CardDescription>{t("products.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ProductIssuerTable products={products} issuers={issuers.map(({ id, name }) => ({ id, name }))} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
