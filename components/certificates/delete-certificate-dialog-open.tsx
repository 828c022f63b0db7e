"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangleIcon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactElement, useId, useState } from "react";
import { deleteCertificateAction } from "@/app/(console)/certificates/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { certificateKeys } from "@/lib/queries/certificates";
import { certificateTargetDeploymentsQuery } from "@/lib/queries/deployment-targets";
import { cloudResourcesQuery } from "@/lib/queries/resources";

/**
 * "Delete" with its confirmation. The cloud resources and deployment targets that use the
 * certificate are listed, and the deletion goes ahead only for those the customer confirmed
 * (the server refuses if another one appeared meanwhile). History and ledger stay.
 */
export function OpenDeleteCertificateDialog({
  certificateId,
  domain,
  trigger,
  open: controlledOpen,
  onOpenChange,
  afterDelete,
}: {
  certificateId: string;
  domain: string;
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Where to go once deleted (the certificate page, which no longer exists). */
  afterDelete?: string;
}) {
  const t = useTranslations("certificates.delete");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [ownOpen, setOwnOpen] = useState(true);
  const open = controlledOpen ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checkboxId = useId();
  const resources = useQuery({ ...cloudResourcesQuery, enabled: open });
  const targets = useQuery({ ...certificateTargetDeploymentsQuery(certificateId), enabled: open });
  const mutation = useMutation({ mutationFn: deleteCertificateAction });

  const users = [
    ...(resources.data ?? [])
      .filter((resource) => resource.certificate?.id === certificateId)
      .map((resource) => ({ id: resource.id, name: `${resource.name} (${resource.region})` })),
    ...(targets.data?.entries ?? [])
      .filter((entry) => entry.target.serves === "THIS")
      .map((entry) => ({ id: entry.target.id, name: entry.target.name })),
  ];
  const loading = resources.isPending || targets.isPending;
  const needsConfirmation = users.length > 0;

  function remove() {
    setError(null);
    mutation.mutate(
      { certificateId, confirmedUserIds: users.map((user) => user.id) },
      {
        onSuccess: async (result) => {
          if (!result.ok) return setError(result.message);
          setOpen(false);
          toast.success(t("deleted", { domain }));
          if (afterDelete) router.push(afterDelete);
          await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
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
      <DialogContent closeLabel={t("close")} data-testid="delete-certificate-dialog">
        <DialogHeader>
          <DialogTitle>{t("title", { domain })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {loading ? (
          <Skeleton className="h-16" />
        ) : (
          needsConfirmation && (
            <Alert variant="warning" data-testid="delete-in-use">
              <AlertTriangleIcon aria-hidden />
              <AlertTitle>{t("inUse", { count: users.length })}</AlertTitle>
              <AlertDescription className="grid gap-3">
                <ul className="list-disc pl-4">
                  {users.map((user) => (
                    <li key={user.id}>{user.name}</li>
                  ))}
                </ul>
                <div className="flex items-center gap-2">
                  <Checkbox
                    id={checkboxId}
                    checked={confirmed}
                    onCheckedChange={(value) => setConfirmed(value === true)}
                    data-testid="delete-confirm-in-use"
                  />
                  <Label htmlFor={checkboxId}>{t("confirmInUse")}</Label>
                </div>
              </AlertDescription>
            </Alert>
          )
        )}
        {error && (
          <Alert variant="destructive" data-testid="delete-error">
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
            onClick={remove}
            disabled={mutation.isPending || loading || (needsConfirmation && !confirmed)}
            data-testid="delete-confirm"
          >
            {mutation.isPending ? t("deleting") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
