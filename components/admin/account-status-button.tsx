"use client";

import { useMutation } from "@tanstack/react-query";
import { BanIcon, CheckCircle2Icon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setAccountDisabledAction } from "@/app/admin/customers/actions";
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

/** Disable (signed out at the next request) or enable an account, after a confirmation. */
export function AccountStatusButton({
  userId,
  email,
  disabled,
  isSelf,
}: {
  userId: string;
  email: string;
  disabled: boolean;
  isSelf: boolean;
}) {
  const t = useTranslations("admin.customers.account");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => setAccountDisabledAction({ userId, disabled: !disabled }),
    onSuccess: (result) => {
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(disabled ? t("enabled", { email }) : t("disabled", { email }));
      setOpen(false);
      router.refresh();
    },
    onError: () => setError(t("networkError")),
  });

  if (isSelf && !disabled) {
    return (
      <div className="grid gap-1.5">
        <Button variant="outline" disabled aria-describedby="self-disable-hint">
          <BanIcon aria-hidden />
          {t("disable")}
        </Button>
        <p id="self-disable-hint" className="text-xs text-muted-foreground">
          {t("cannotDisableSelf")}
        </p>
      </div>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant={disabled ? "default" : "outline"} data-testid="account-status-open">
          {disabled ? <CheckCircle2Icon aria-hidden /> : <BanIcon aria-hidden />}
          {disabled ? t("enable") : t("disable")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{disabled ? t("enableTitle", { email }) : t("disableTitle", { email })}</DialogTitle>
          <DialogDescription>{disabled ? t("enableDescription") : t("disableDescription")}</DialogDescription>
        </DialogHeader>
        {error && (
          <Alert variant="destructive">
            <XCircleIcon aria-hidden />
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline" disabled={mutation.isPending}>
              {t("cancel")}
            </Button>
          </DialogClose>
          <Button
            variant={disabled ? "default" : "destructive"}
            disabled={mutation.isPending}
            onClick={() => mutation.mutate()}
            data-testid="account-status-confirm"
          >
            {disabled ? t("confirmEnable") : t("confirmDisable")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
