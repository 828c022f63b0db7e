import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { AmountHeads } from "@/components/admin/amount-heads";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AdminOverview } from "@/lib/admin/get-admin-overview";
import { sumDueTotals } from "@/lib/admin/sum-due-totals";
import { formatMoney } from "@/lib/money";

/** The accounts whose balance will not cover their fees in the window, with each one's shortfall. */
export function AtRiskAccountsCard({ atRisk, due, windowDays }: Pick<AdminOverview, "atRisk" | "due" | "windowDays">) {
  const t = useTranslations("admin.overview.atRisk");
  const format = useFormatter();
  const locale = useLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const { atRiskCount } = sumDueTotals(due);
  return (
    <Card className="min-w-0" data-testid="at-risk-card">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description", { days: windowDays })}</CardDescription>
      </CardHeader>
      <CardContent>
        {atRisk.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("columns.customer")}</TableHead>
                <AmountHeads labels={["renewals", "due", "balance", "shortfall"].map((key) => t(`columns.${key}`))} />
                <TableHead scope="col">{t("columns.firstDeduction")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {atRisk.map((row) => (
                <TableRow key={`${row.customerId}:${row.currency}`} data-testid="at-risk-row">
                  <TableCell>
                    <Link href={`/admin/customers/${row.customerId}`} className="font-medium hover:underline">
                      {row.email}
                    </Link>
                    <div className="text-xs text-muted-foreground">{row.name}</div>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{row.certificateCount}</TableCell>
                  <TableCell className="text-right tabular-nums">{money(row.dueMinor, row.currency)}</TableCell>
                  <TableCell className="text-right tabular-nums">{money(row.balanceMinor, row.currency)}</TableCell>
                  <TableCell className="text-right font-medium text-destructive tabular-nums">
                    {money(row.missingMinor, row.currency)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {format.dateTime(new Date(row.firstDeductAt), "dateTime")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {atRiskCount > atRisk.length && (
          <p className="mt-3 text-xs text-muted-foreground">
            {t("more", { shown: atRisk.length, total: atRiskCount })}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
