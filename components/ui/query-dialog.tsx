import { XCircleIcon } from "lucide-react";
import type * as React from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The frame of a dialog whose body loads its own data (the deferred dialogs, opened on their
 * trigger's first press): the body mounts only while the dialog is open, so each opening
 * fetches afresh and closing drops what the body held.
 */
export function QueryDialog({
  open,
  onOpenChange,
  trigger,
  closeLabel,
  className,
  testId,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The trigger; none when the dialog is opened from elsewhere (a row's menu). */
  trigger?: React.ReactNode;
  closeLabel: string;
  className?: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent closeLabel={closeLabel} className={className} data-testid={testId}>
        {open && children}
      </DialogContent>
    </Dialog>
  );
}

/** While the body's query loads, placeholders the shape of what comes; if it fails, a retry. */
export function QueryDialogLoadState({
  query,
  labels,
  className,
  skeletons,
}: {
  query: { isPending: boolean; isError: boolean; refetch: () => unknown };
  labels: { loading: string; loadError: string; retry: string };
  /** The placeholders' grid. */
  className: string;
  /** One class list per placeholder (its height). */
  skeletons: string[];
}) {
  return (
    <>
      {query.isPending && (
        <div className={className} role="status" aria-busy="true" aria-label={labels.loading}>
          {skeletons.map((skeleton, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={index} className={skeleton} />
          ))}
        </div>
      )}
      {query.isError && (
        <Alert variant="destructive">
          <XCircleIcon aria-hidden />
          <AlertDescription className="flex flex-wrap items-center gap-2">
            {labels.loadError}
            <Button size="sm" variant="outline" onClick={() => query.refetch()}>
              {labels.retry}
            </Button>
          </AlertDescription>
        </Alert>
      )}
    </>
  );
}
