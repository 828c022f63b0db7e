"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2Icon, CircleSlashIcon, InfoIcon, XCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { updateCloudResourcesAction } from "@/app/(console)/certificates/after-issuance-actions";
import { SimulatedBadge } from "@/components/resources/simulated-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogClose, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { QueryDialog, QueryDialogLoadState } from "@/components/ui/query-dialog";
import { toast } from "@/components/ui/toast";
import { certificateKeys } from "@/lib/queries/certificates";
import { cloudResourcesQuery, resourceKeys } from "@/lib/queries/resources";
import type { CloudResourceItem } from "@/lib/resources/list-cloud-resources";
import type { ResourceUpdateResult, UpdateCloudResourcesResult } from "@/lib/resources/update-cloud-resources";
import { cn } from "@/lib/utils";

type Props = {
  certificateId: string;
  domain: string;
  /** The certificate this one renewed: its resources are listed first and preselected. */
  predecessorId: string | null;
  /** "update" after a renewal, "deploy" for any issued certificate. */
  mode: "update" | "deploy";
  /** The trigger; omit it and control the dialog with open/onOpenChange (row menus). */
  children?: React.ReactNode;
  open?: boolean;
  /** Told of every opening and closing, whether `open` controls the dialog or not. */
  onOpenChange?: (open: boolean) => void;
  /** Open from the start (loaded on the trigger's first press: deferred-update-resources-dialog.tsx). */
  defaultOpen?: boolean;
};

/** The "Update to cloud resources" / "Deploy to cloud resources" dialog: choose, confirm, see each result. */
export function UpdateResourcesDialog({ children, open, onOpenChange, defaultOpen = false, ...body }: Props) {
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const isOpen = open ?? ownOpen;
  const t = useTranslations("resources.dialog");
  const queryClient = useQueryClient();
  // The page behind refreshes once the results are read, when the dialog closes: refreshed
  // at once, an issued renewal's prompt (which holds this dialog) would vanish with the
  // results still on screen, unmounting them.
  const updated = useRef(false);
  const refreshIfUpdated = useCallback(() => {
    if (!updated.current) return;
    updated.current = false;
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: certificateKeys.all }),
      queryClient.invalidateQueries({ queryKey: resourceKeys.all }),
    ]);
  }, [queryClient]);
  // Unmounted while open (the user navigated away): refresh all the same.
  useEffect(() => refreshIfUpdated, [refreshIfUpdated]);
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
    if (!next) refreshIfUpdated();
  };
  return (
    <QueryDialog
      open={isOpen}
      onOpenChange={setOpen}
      trigger={children}
      closeLabel={t("close")}
      className="sm:max-w-2xl"
      testId="update-resources-dialog"
    >
      <DialogBody
        {...body}
        onUpdated={() => {
          updated.current = true;
        }}
        onDone={() => setOpen(false)}
      />
    </QueryDialog>
  );
}

function DialogBody({
  certificateId,
  domain,
  predecessorId,
  mode,
  onUpdated,
  onDone,
}: Omit<Props, "children" | "open" | "onOpenChange" | "defaultOpen"> & { onUpdated: () => void; onDone: () => void }) {
  const t = useTranslations("resources.dialog");
  const resources = useQuery(cloudResourcesQuery);
  const ordered = useMemo(
    () => orderResources(resources.data ?? [], certificateId, predecessorId),
    [resources.data, certificateId, predecessorId],
  );
  // Preselected once the list is there: the resources still on the previous certificate.
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const selected =
    chosen ?? new Set(ordered.filter((resource) => resource.certificate?.id === predecessorId).map((r) => r.id));
  const [outcome, setOutcome] = useState<UpdateCloudResourcesResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: () => updateCloudResourcesAction({ certificateId, resourceIds: [...selected] }),
    onSuccess: (result) => {
      if (!result.ok) {
        setFailure(result.message);
        return;
      }
      setOutcome(result.data);
      onUpdated();
      if (result.data.ok && result.data.deployed > 0) {
        toast.success(t("toast", { count: result.data.deployed, domain }));
      }
    },
    onError: () => setFailure(t("failed")),
  });

  const title = mode === "update" ? t("updateTitle") : t("deployTitle");
  if (outcome) {
    return (
      <>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <SimulatedBadge className="w-fit" />
          <DialogDescription>{t("resultsDescription", { domain })}</DialogDescription>
        </DialogHeader>
        {outcome.ok ? (
          <Results results={outcome.results} deployed={outcome.deployed} failed={outcome.failed} />
        ) : (
          <Alert variant="destructive" data-testid="update-resources-refused">
            <XCircleIcon aria-hidden />
            <AlertDescription>{t(`refused.${outcome.reason}`)}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <Button onClick={onDone}>{t("done")}</Button>
        </DialogFooter>
      </>
    );
  }

  const selectable = ordered.filter((resource) => resource.certificate?.id !== certificateId);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  return (
    <>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <SimulatedBadge className="w-fit" />
        <DialogDescription>{t("description", { domain })}</DialogDescription>
      </DialogHeader>
      <QueryDialogLoadState
        query={resources}
        labels={{ loading: t("loading"), loadError: t("loadError"), retry: t("retry") }}
        className="grid gap-2"
        skeletons={["h-14", "h-14", "h-14"]}
      />
      {resources.data && ordered.length === 0 && (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">{t("empty")}</p>
      )}
      {ordered.length > 0 && (
        <fieldset className="grid gap-2">
          <legend className="sr-only">{t("legend")}</legend>
          <ul className="grid gap-2" data-testid="resource-options">
            {ordered.map((resource) => (
              <ResourceOption
                key={resource.id}
                resource={resource}
                certificateId={certificateId}
                predecessorId={predecessorId}
                checked={resource.certificate?.id === certificateId || selected.has(resource.id)}
                onCheckedChange={(on) => toggle(resource.id, on)}
              />
            ))}
          </ul>
        </fieldset>
      )}
      {failure && (
        <Alert variant="destructive" data-testid="update-resources-error">
          <XCircleIcon aria-hidden />
          <AlertDescription>{failure}</AlertDescription>
        </Alert>
      )}
      <DialogFooter className="items-center">
        <p className="mr-auto text-sm text-muted-foreground" aria-live="polite">
          {t("selected", { count: selected.size })}
        </p>
        <DialogClose asChild>
          <Button variant="outline">{t("cancel")}</Button>
        </DialogClose>
        <Button
          disabled={mutation.isPending || selected.size === 0 || selectable.length === 0}
          onClick={() => {
            setFailure(null);
            mutation.mutate();
          }}
          data-testid="update-resources-confirm"
        >
          {mutation.isPending ? t("confirming") : t("confirm", { count: selected.size })}
        </Button>
      </DialogFooter>
    </>
  );
}

/** The previous certificate's resources first, then the others; those already on this certificate last. */
function orderResources(resources: CloudResourceItem[], certificateId: string, predecessorId: string | null) {
  const rank = (resource: CloudResourceItem) =>
    predecessorId && resource.certificate?.id === predecessorId
      ? 0
      : resource.certificate?.id === certificateId
        ? 2
        : 1;
  return [...resources].sort((a, b) => rank(a) - rank(b));
}

function ResourceOption({
  resource,
  certificateId,
  predecessorId,
  checked,
  onCheckedChange,
}: {
  resource: CloudResourceItem;
  certificateId: string;
  predecessorId: string | null;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}) {
  const t = useTranslations("resources.dialog");
  const tc = useTranslations("certificates");
  const id = useId();
  const current = resource.certificate?.id === certificateId;
  const previous = predecessorId !== null && resource.certificate?.id === predecessorId;
  return (
    <li
      data-testid="resource-option"
      data-resource-name={resource.name}
      className={cn(
        "flex items-start gap-3 rounded-md border px-3 py-2.5 text-sm",
        checked && !current && "border-primary/50 bg-primary/5",
        current && "bg-muted/40",
      )}
    >
      <Checkbox
        id={id}
        className="mt-0.5"
        checked={checked}
        disabled={current}
        onCheckedChange={(value) => onCheckedChange(value === true)}
        aria-describedby={`${id}-details`}
      />
      <div className="grid min-w-0 flex-1 gap-1">
        <label htmlFor={id} className="font-medium break-all">
          {resource.name}
        </label>
        <div id={`${id}-details`} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
          <span>
            {tc(`resourceType.${resource.type}`)} · {resource.region}
          </span>
          {previous ? (
            <Badge variant="warning">{t("previous")}</Badge>
          ) : current ? (
            <Badge variant="outline">{t("current")}</Badge>
          ) : resource.certificate ? (
            <span className="break-all">{t("usesOther", { domain: resource.certificate.domain })}</span>
          ) : (
            <span>{t("unbound")}</span>
          )}
        </div>
      </div>
    </li>
  );
}

function Results({ results, deployed, failed }: { results: ResourceUpdateResult[]; deployed: number; failed: number }) {
  const t = useTranslations("resources.dialog");
  const tc = useTranslations("certificates");
  return (
    <div className="grid gap-3">
      <Alert variant={failed > 0 ? "warning" : "default"} data-testid="update-resources-summary">
        {failed > 0 ? <InfoIcon aria-hidden /> : <CheckCircle2Icon aria-hidden className="text-success" />}
        <AlertDescription>{t("summary", { deployed, failed })}</AlertDescription>
      </Alert>
      <ul className="grid gap-2" data-testid="update-resources-results">
        {results.map((result) => (
          <li
            key={result.resourceId}
            data-testid="update-resources-result"
            data-outcome={result.outcome}
            className="flex items-start gap-3 rounded-md border px-3 py-2.5 text-sm"
          >
            {result.outcome === "DEPLOYED" ? (
              <CheckCircle2Icon className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
            ) : result.outcome === "ALREADY_DEPLOYED" ? (
              <CircleSlashIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
            ) : (
              <XCircleIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
            )}
            <div className="grid min-w-0 gap-0.5">
              <span className="font-medium break-all">{result.name}</span>
              <span className="text-xs text-muted-foreground">
                {tc(`resourceType.${result.type}`)} · {result.region}
              </span>
              <span className={cn(result.outcome === "NOT_COVERED" && "text-destructive")}>
                {t(`outcome.${result.outcome}`, { hosts: result.uncoveredHosts.join(", ") })}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
