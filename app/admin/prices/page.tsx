import { CheckCircle2Icon, CircleOffIcon } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FreeLimitForm } from "@/components/admin/free-limit-form";
import { PriceEditDialog } from "@/components/admin/price-edit-dialog";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAdminPrices } from "@/lib/admin/list-admin-prices";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { getFreeCertificateLimit } from "@/lib/orders/free-certificate-limit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.prices");
  return { title: t("title") };
}

export default async function PricesPage() {
  const [user, t, tc, locale, format, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.prices"),
    getTranslations("certificates"),
    getLocale(),
    getFormatter(),
    now(),
  ]);
  const [prices, freeLimit] = await Promise.all([listAdminPrices(user, today), getFreeCertificateLimit(db)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="overflow-hidden">
        {prices.length === 0 ? (
          <p className="px-6 py-12 text-center text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <Table data-testid="price-table">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("columns.brand")}</TableHead>
                <TableHead scope="col">{t("columns.type")}</TableHead>
                <TableHead scope="col">{t("columns.domainType")}</TableHead>
                <TableHead scope="col" className="text-right">
                  {t("columns.price")}
                </TableHead>
                <TableHead scope="col">{t("columns.autoRenew")}</TableHead>
                <TableHead scope="col">{t("columns.onSale")}</TableHead>
                <TableHead scope="col">{t("columns.updated")}</TableHead>
                <TableHead scope="col" className="text-right">
                  <span className="sr-only">{t("columns.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {prices.map((price) => {
                const label = `${price.brand} ${tc(`type.${price.certificateType}`)} ${tc(`domainType.${price.domainType}`)}`;
                return (
                  <TableRow key={price.id} data-testid="price-row" data-price-id={price.id}>
                    <TableHead scope="row" className="font-medium text-foreground">
                      {price.brand}
                    </TableHead>
                    <TableCell>{tc(`type.${price.certificateType}`)}</TableCell>
                    <TableCell className="whitespace-nowrap">{tc(`domainType.${price.domainType}`)}</TableCell>
                    <TableCell className="text-right font-medium tabular-nums" data-testid="price-amount">
                      {price.free ? t("free") : formatMoney(price.priceMinor, price.currency, locale)}
                      {price.domainType === "MULTI" && (
                        <span className="block text-xs font-normal text-muted-foreground">
                          {t("perName", { max: price.maxDomains })}
                        </span>
                      )}
                    </TableCell>
                    <TableCell>
                      {price.autoRenewSupported ? (
                        <Badge variant="outline" data-testid="price-supported">
                          <CheckCircle2Icon className="text-success" aria-hidden />
                          {t("supported")}
                        </Badge>
                      ) : (
                        <Badge variant="secondary" data-testid="price-supported">
                          <CircleOffIcon aria-hidden />
                          {t("notSupported")}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>
                      {price.purchasable ? (
                        <Badge variant="outline" data-testid="price-on-sale">
                          <CheckCircle2Icon className="text-success" aria-hidden />
                          {t("onSale")}
                        </Badge>
                      ) : (
                        <Badge variant="secondary" data-testid="price-on-sale">
                          <CircleOffIcon aria-hidden />
                          {t("notOnSale")}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {format.dateTime(new Date(price.updatedAt), "dateTime")}
                    </TableCell>
                    <TableCell className="text-right">
                      <PriceEditDialog price={price} label={label} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
      <p className="mt-4 text-sm text-muted-foreground">{t("footnote")}</p>
      <div className="mt-6">
        <FreeLimitForm limit={freeLimit} />
      </div>
    </>
  );
}
