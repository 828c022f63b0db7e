"use client";

import { useMutation } from "@tanstack/react-query";
import { CheckIcon, Loader2Icon, XIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { approveOrganizationReviewAction, rejectOrganizationReviewAction } from "@/app/admin/reviews/actions";
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
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";

const MAX_REASON = 500;

/** Approve, or reject with a reason the customer will read (required): the admin's two answers to a review. */
export function ReviewDecisionButtons({ certificateId, domain }: { certificateId: string; domain: string }) {
  const t = useTranslations("organizationReview.admin");
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const approve = useMutation({ mutationFn: approveOrganizationReviewAction });
  const reject = useMutation({ mutationFn: rejectOrganizationReviewAction });
  const pending = approve.isPending || reject.isPending;

  function onApprove() {
    setError(null);
    approve.mutate(
      { certificateId },
      {
        onSuccess: (result) => {
          if (!result.ok) return setError(result.message);
          toast.success(t("approved", { domain }));
          router.refresh();
        },
        onError: () => setError(t("networkError")),
      },
    );
  }

  function onReject() {
    if (reason.trim() === "") {
      setReasonError(true);
      return;
    }
    setError(null);
    reject.mutate(
      { certificateId, reason: reason.trim() },
      {
        onSuccess: (result) => {
          if (!result.ok) return setError(result.message);
          setOpen(false);
          toast.success(t("rejected"));
          router.refresh();
        },
        onError: () => setError(t("networkError")),
      },
    );
  }

  return (
    <div className="grid justify-items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" onClick={onApprove} disabled={pending} data-testid="review-approve">
          {approve.isPending ? <Loader2Icon className="animate-spin" aria-hidden /> : <CheckIcon aria-hidden />}
          {t("approve")}
        </Button>
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button size="sm" variant="outline" disabled={pending} data-testid="review-reject">
              <XIcon aria-hidden />
              {t("reject")}
            </Button>
          </DialogTrigger>
          <DialogContent closeLabel={t("close")}>
            <DialogHeader>
              <DialogTitle>{t("rejectTitle", { domain })}</DialogTitle>
              <DialogDescription>{t("description")}</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-reason`}>{t("reasonLabel")}</Label>
              <Textarea
                id={`${id}-reason`}
                value={reason}
                maxLength={MAX_REASON}
                aria-invalid={reasonError || undefined}
                aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                onChange={(event) => {
                  setReason(event.target.value);
                  setReasonError(false);
                }}
                data-testid="review-reject-reason"
              />
              <FieldError id={`${id}-reason-error`} messages={reasonError ? [t("reasonRequired")] : undefined} />
            </div>
            {error && (
              <Alert variant="destructive">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            )}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">{t("close")}</Button>
              </DialogClose>
              <Button variant="destructive" onClick={onReject} disabled={pending} data-testid="review-reject-confirm">
                {reject.isPending && <Loader2Icon className="animate-spin" aria-hidden />}
                {t("confirmReject")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </div>
      {error && !open && (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
