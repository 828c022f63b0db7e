import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LedgerPage } from "@/lib/billing/list-ledger-entries";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

/**
 * Ledger entries: when, what kind, for which certificate or why, the amount and the balance
 * after. A server component that reads Billing's strings on the server (getTranslations), so
 * the admin area's browser scope need not carry them.
 */
export async function CustomerLedgerTable({ entries }: { entries: LedgerPage["items"] }) {
  const [t, format, locale] = await Promise.all([getTranslations("billing.ledger"), getFormatter(), getLocale()]);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("columns.date")}</TableHead>
          <TableHead scope="col">{t("columns.kind")}</TableHead>
          <TableHead scope="col">{t("columns.details")}</TableHead>
          <TableHead scope="col" className="text-right">
            {t("columns.amount")}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {t("columns.balanceAfter")}
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} data-testid="ledger-row">
            <TableCell className="whitespace-nowrap">
              {format.dateTime(new Date(entry.createdAt), "dateTime")}
            </TableCell>
            <TableCell className="whitespace-nowrap">{t(`kinds.${entry.kind}`)}</TableCell>
            <TableCell className="max-w-72 text-muted-foreground">
              {entry.certificate && (
                <Link href={`/admin/certificates/${entry.certificate.id}`} className="hover:underline">
                  {entry.certificate.domain}
                </Link>
              )}
              {entry.note && <span className="block break-words">{entry.note}</span>}
            </TableCell>
            <TableCell
              className={cn(
                "text-right font-medium whitespace-nowrap tabular-nums",
                entry.amountMinor < 0 ? "text-destructive" : "text-success",
              )}
            >
              {entry.amountMinor > 0 ? "+" : ""}
              {formatMoney(entry.amountMinor, entry.currency, locale)}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {formatMoney(entry.balanceAfterMinor, entry.currency, locale)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
