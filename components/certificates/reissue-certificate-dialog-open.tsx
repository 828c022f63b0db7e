"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { InfoIcon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactElement, useState } from "react";
import { reissueCertificateAction } from "@/app/(console)/certificates/reissue-actions";
import { emptyDraft, type OrderDraft } from "@/components/orders/order-draft";
import { OrderKeyFields } from "@/components/orders/order-key-fields";
import { OrderValidationFields } from "@/components/orders/order-validation-fields";
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
import type { ReissueProblem } from "@/lib/certificates/reissue-certificate-input";
import { certificateKeys } from "@/lib/queries/certificates";

export type ReissueDialogProps = {
  certificateId: string;
  domain: string;
  /** The names the certificate covers, when known (the page): the dialog lists the records to add. */
  covered: string[];
  /** File validation is possible (no wildcard name). */
  fileAllowed: boolean;
};

/**
 * "Reissue": a new key (generated, or the customer's CSR) for the same names and expiry, at
 * no charge, validated as an order is; on success the new certificate's page opens. Opened
 * from the row menu (controlled) or from its own trigger on the certificate page.
 */
export function OpenReissueCertificateDialog({
  certificateId,
  domain,
  covered,
  fileAllowed,
  trigger,
  open: controlledOpen,
  onOpenChange,
}: ReissueDialogProps & { trigger?: ReactElement; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  const t = useTranslations("certificates.reissue");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [ownOpen, setOwnOpen] = useState(true);
  const open = controlledOpen ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const [draft, setDraft] = useState<OrderDraft>(() => emptyDraft(undefined));
  const [submitted, setSubmitted] = useState(false);
  const [problems, setProblems] = useState<ReissueProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: reissueCertificateAction });

  function confirm() {
    setSubmitted(true);
    setError(null);
    if (draft.keySource === "CSR" && draft.csrPem.trim() === "") return;
    mutation.mutate(
      {
        certificateId,
        validationMethod: fileAllowed ? draft.validationMethod : "DNS",
        key:
          draft.keySource === "CSR"
            ? { source: "CSR", csrPem: draft.csrPem }
            : { source: "GENERATE", algorithm: draft.algorithm },
      },
      {
        onSuccess: async (result) => {
          if (!result.ok) return setError(result.message);
          if (result.data.status === "rejected") return setProblems(result.data.problems);
          await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
          toast.success(result.data.issued ? t("issued", { domain }) : t("requested", { domain }));
          router.push(`/certificates/${result.data.certificateId}`);
        },
        onError: () => setError(t("networkError")),
      },
    );
  }

  const change = (patch: Partial<OrderDraft>, clears: ReissueProblem["field"]) => {
    setDraft((current) => ({ ...current, ...patch }));
    setProblems((current) => current.filter((problem) => problem.field !== clears));
  };

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
      <DialogContent
        closeLabel={t("close")}
        className="max-h-[90vh] overflow-y-auto sm:max-w-2xl"
        data-testid="reissue-certificate-dialog"
      >
        <DialogHeader>
          <DialogTitle>{t("title", { domain })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <Alert data-testid="reissue-note">
          <InfoIcon aria-hidden />
          <AlertDescription>{t("note")}</AlertDescription>
        </Alert>
        <OrderKeyFields
          draft={draft}
          covered={covered}
          submitted={submitted}
          problems={problems.filter((problem) => problem.field === "csr")}
          disabled={mutation.isPending}
          onChange={(patch) => change(patch, "csr")}
        />
        <OrderValidationFields
          method={draft.validationMethod}
          automatic={false}
          fileAllowed={fileAllowed}
          covered={covered}
          problems={problems.filter((problem) => problem.field === "validationMethod")}
          disabled={mutation.isPending}
          onMethod={(validationMethod) => change({ validationMethod }, "validationMethod")}
        />
        <p className="text-xs text-muted-foreground">{t("hostedNote")}</p>
        {error && (
          <Alert variant="destructive" data-testid="reissue-error">
            <XCircleIcon aria-hidden />
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={mutation.isPending}>
              {t("cancel")}
            </Button>
          </DialogClose>
          <Button onClick={confirm} disabled={mutation.isPending} data-testid="reissue-confirm">
            {mutation.isPending ? t("reissuing") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
