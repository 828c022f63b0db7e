"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { XCircleIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { cancelCertificateOrderAction } from "@/app/(console)/certificates/order-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { CertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { formatMoney } from "@/lib/money";
import { accountKeys } from "@/lib/queries/account";
import { certificateKeys } from "@/lib/queries/certificates";

/** "Cancel order" with its confirmation: before issuance only, the fee goes back to the balance. */
export function CancelOrderDialog({
  certificateId,
  domain,
  purchase,
}: {
  certificateId: string;
  domain: string;
  purchase: NonNullable<CertificateDetail["purchase"]>;
}) {
  const t = useTranslations("certificates.order.cancel");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: cancelCertificateOrderAction });
  const refund = formatMoney(purchase.priceMinor, purchase.currency, locale);

  function confirm() {
    setError(null);
    mutation.mutate(
      { certificateId },
      {
        onSuccess: async (result) => {
          if (!result.ok) return setError(result.message);
          setOpen(false);
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: certificateKeys.all }),
            queryClient.invalidateQueries({ queryKey: accountKeys.all }),
          ]);
          toast.success(
            result.data.refundedMinor > 0
              ? t("canceledRefunded", {
                  domain,
                  refund: formatMoney(result.data.refundedMinor, result.data.currency, locale),
                })
              : t("canceled", { domain }),
          );
        },
        onError: () => setError(t("networkError")),
      },
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="cancel-order">
          <XCircleIcon aria-hidden />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")} data-testid="cancel-order-dialog">
        <DialogHeader>
          <DialogTitle>{t("title", { domain })}</DialogTitle>
          <DialogDescription>
            {purchase.priceMinor > 0 ? t("descriptionRefund", { refund }) : t("description")}
          </DialogDescription>
        </DialogHeader>
        {error && (
          <Alert variant="destructive">
            <XCircleIcon aria-hidden />
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={mutation.isPending}>
              {t("keep")}
            </Button>
          </DialogClose>
          <Button
            variant="destructive"
            onClick={confirm}
            disabled={mutation.isPending}
            data-testid="cancel-order-confirm"
          >
            {mutation.isPending ? t("canceling") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
