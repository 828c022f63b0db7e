import { AlertTriangleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/certificates/certificate-badges";
import { ExpiryCell } from "@/components/certificates/expiry-cell";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { TableCell } from "@/components/ui/table";
import type { CertificateRow } from "@/lib/certificates/list-certificates";

// What My Certificates and the administrators' list of every certificate show alike.

/** Brand, then type · domain type · where it came from (purchased ones say so only if `showPurchased`). */
export function BrandTypeCell({
  row,
  showPurchased = false,
}: {
  row: Pick<CertificateRow, "brand" | "certificateType" | "domainType" | "source">;
  showPurchased?: boolean;
}) {
  const t = useTranslations("certificates");
  return (
    <TableCell className="whitespace-nowrap">
      <div>{row.brand}</div>
      <div className="text-xs text-muted-foreground">
        {row.certificateType} · {t(`domainType.${row.domainType}`)}
        {(showPurchased || row.source !== "PURCHASED") && ` · ${t(`source.${row.source}`)}`}
      </div>
    </TableCell>
  );
}

/** The status and expiry columns. */
export function StatusExpiryCells({
  row,
}: {
  row: Pick<CertificateRow, "status" | "expiresAt" | "daysRemaining" | "reissuingId">;
}) {
  return (
    <>
      <TableCell>
        <StatusBadge status={row.status} reissuing={row.reissuingId !== null} />
      </TableCell>
      <TableCell>
        <ExpiryCell expiresAt={row.expiresAt} daysRemaining={row.daysRemaining} expired={row.status === "EXPIRED"} />
      </TableCell>
    </>
  );
}

/** The list could not be loaded and nothing is on screen yet: say so, offer to try again. */
export function CertificateListLoadError({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("certificates");
  return (
    <div className="p-6">
      <Alert variant="destructive">
        <AlertTriangleIcon aria-hidden />
        <AlertDescription className="flex flex-wrap items-center gap-3">
          {t("loadError")}
          <Button size="sm" variant="outline" onClick={onRetry}>
            {t("retry")}
          </Button>
        </AlertDescription>
      </Alert>
    </div>
  );
}

export function TableSkeleton() {
  return (
    <div className="grid gap-3 p-4" aria-busy="true">
      {Array.from({ length: 8 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <Skeleton key={index} className="h-10" />
      ))}
    </div>
  );
}
