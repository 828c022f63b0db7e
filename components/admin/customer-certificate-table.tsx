import Link from "next/link";
import { useTranslations } from "next-intl";
import { AutoRenewBadge, StatusBadge } from "@/components/certificates/certificate-badges";
import { ExpiryCell } from "@/components/certificates/expiry-cell";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AdminCertificateRow } from "@/lib/admin/list-all-certificates";

/** One account's certificates: domain and id, brand and type, status, expiry, auto-renewal. */
export function CustomerCertificateTable({ items }: { items: AdminCertificateRow[] }) {
  const t = useTranslations("certificates.columns");
  return (
    <Table data-testid="customer-certificates">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("domain")}</TableHead>
          <TableHead scope="col">{t("brandType")}</TableHead>
          <TableHead scope="col">{t("status")}</TableHead>
          <TableHead scope="col">{t("expiry")}</TableHead>
          <TableHead scope="col">{t("autoRenew")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((row) => (
          <TableRow key={row.id}>
            <TableCell>
              <Link href={`/admin/certificates/${row.id}`} className="font-medium text-primary hover:underline">
                {row.domain}
              </Link>
              <div className="font-mono text-xs text-muted-foreground">{row.id}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {row.brand} · {row.certificateType}
            </TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell>
              <ExpiryCell
                expiresAt={row.expiresAt}
                daysRemaining={row.daysRemaining}
                expired={row.status === "EXPIRED"}
              />
            </TableCell>
            <TableCell>
              <AutoRenewBadge state={row.autoRenewState} reason={row.autoRenewEndReason} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
