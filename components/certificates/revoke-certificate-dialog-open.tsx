"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { XCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactElement, useId, useState } from "react";
import { revokeCertificateAction } from "@/app/(console)/certificates/actions";
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
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { REVOCATION_REASONS, type RevocationReasonChoice } from "@/lib/certificates/revocation-rules";
import { certificateKeys } from "@/lib/queries/certificates";

/**
 * "Revoke" with its reason: the certificate is revoked at once and never renewed. Opened
 * from the row menu (controlled) or from its own trigger on the certificate page.
 */
export function OpenRevokeCertificateDialog({
  certificateId,
  domain,
  trigger,
  open: controlledOpen,
  onOpenChange,
}: {
  certificateId: string;
  domain: string;
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const t = useTranslations("certificates.revoke");
  const queryClient = useQueryClient();
  const [ownOpen, setOwnOpen] = useState(true);
  const open = controlledOpen ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const [reason, setReason] = useState<RevocationReasonChoice>("UNSPECIFIED");
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const mutation = useMutation({ mutationFn: revokeCertificateAction });

  function confirm() {
    setError(null);
    mutation.mutate(
      { certificateId, reason },
      {
        onSuccess: async (result) => {
          if (!result.ok) return setError(result.message);
          setOpen(false);
          await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
          toast.success(t("revoked", { domain }));
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
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent closeLabel={t("close")} data-testid="revoke-certificate-dialog">
        <DialogHeader>
          <DialogTitle>{t("title", { domain })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor={selectId}>{t("reason")}</Label>
          <NativeSelect
            id={selectId}
            value={reason}
            onChange={(event) => setReason(event.target.value as RevocationReasonChoice)}
            disabled={mutation.isPending}
            data-testid="revoke-reason"
          >
            {REVOCATION_REASONS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`reasons.${choice}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {error && (
          <Alert variant="destructive" data-testid="revoke-error">
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
          <Button variant="destructive" onClick={confirm} disabled={mutation.isPending} data-testid="revoke-confirm">
            {mutation.isPending ? t("revoking") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
