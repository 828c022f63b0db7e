"use client";

import {
  AlertTriangleIcon,
  CheckCircle2Icon,
  CircleOffIcon,
  ClockIcon,
  RefreshCwIcon,
  XCircleIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AutoRenewEndReason, AutoRenewState } from "@/lib/generated/prisma/enums";
import type { DisplayStatus } from "@/lib/renewal/auto-renew-rules";

const STATUS_VARIANT: Record<DisplayStatus, "success" | "warning" | "destructive" | "secondary"> = {
  ISSUED: "success",
  EXPIRED: "destructive",
  PENDING_VALIDATION: "warning",
  DNS_RECORD_ADDED: "warning",
  VALIDATION_FAILED: "destructive",
  CANCELED: "secondary",
  REVOKED: "secondary",
  REFUNDED: "secondary",
  PENDING_LETTER_UPLOAD: "warning",
  ORGANIZATION_REVIEW: "warning",
  ORGANIZATION_REJECTED: "destructive",
};

/**
 * The certificate's status as shown. `reissuing`: an issued certificate whose reissue waits
 * for validation shows "Reissuing" (the original's status 11), derived, not stored: it stays
 * issued, downloadable and deployable until the reissue is issued.
 */
export function StatusBadge({ status, reissuing = false }: { status: DisplayStatus; reissuing?: boolean }) {
  const t = useTranslations("certificates.status");
  const shown = reissuing && status === "ISSUED" ? "REISSUING" : status;
  const variant = shown === "REISSUING" ? "warning" : STATUS_VARIANT[status];
  const Icon = variant === "success" ? CheckCircle2Icon : variant === "warning" ? ClockIcon : XCircleIcon;
  return (
    <Badge variant={variant} data-testid="status-badge">
      <Icon aria-hidden />
      {t(shown)}
    </Badge>
  );
}

export function AutoRenewBadge({ state, reason }: { state: AutoRenewState; reason: AutoRenewEndReason | null }) {
  const t = useTranslations("certificates");
  if (state === "ON") {
    return (
      <Badge variant="default" data-testid="auto-renew-badge">
        <RefreshCwIcon aria-hidden />
        {t("autoRenewState.ON")}
      </Badge>
    );
  }
  if (state === "TERMINATED") {
    return (
      <Badge variant="destructive" data-testid="auto-renew-badge" title={reason ? t(`endReason.${reason}`) : undefined}>
        <AlertTriangleIcon aria-hidden />
        {t("autoRenewState.TERMINATED")}
        {reason && <span className="sr-only">: {t(`endReason.${reason}`)}</span>}
      </Badge>
    );
  }
  return (
    <Badge variant="secondary" data-testid="auto-renew-badge">
      <CircleOffIcon aria-hidden />
      {t("autoRenewState.OFF")}
    </Badge>
  );
}
