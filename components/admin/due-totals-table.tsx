import { useLocale, useTranslations } from "next-intl";
import { AmountHeads } from "@/components/admin/amount-heads";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DueTotals } from "@/lib/admin/get-admin-overview";
import { formatMoney } from "@/lib/money";

/** Per currency: renewals due and in how many accounts, the fees, those accounts' balances, the shortfall. */
export function DueTotalsTable({ due }: { due: DueTotals[] }) {
  const t = useTranslations("admin.overview.due");
  const locale = useLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("columns.currency")}</TableHead>
          <AmountHeads labels={["renewals", "fees", "balances", "shortfall"].map((key) => t(`columns.${key}`))} />
        </TableRow>
      </TableHeader>
      <TableBody>
        {due.map((row) => (
          <TableRow key={row.currency} data-testid="due-totals">
            <TableHead scope="row" className="font-medium text-foreground">
              {row.currency}
            </TableHead>
            <TableCell className="text-right tabular-nums">
              {t("renewalsIn", { count: row.certificateCount, accounts: row.accountCount })}
            </TableCell>
            <TableCell className="text-right font-medium tabular-nums">{money(row.dueMinor, row.currency)}</TableCell>
            <TableCell className="text-right tabular-nums">{money(row.balanceMinor, row.currency)}</TableCell>
            <TableCell
              className={
                row.missingMinor > 0
                  ? "text-right font-medium text-destructive tabular-nums"
                  : "text-right tabular-nums"
              }
            >
              {row.missingMinor > 0 ? money(row.missingMinor, row.currency) : "—"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
