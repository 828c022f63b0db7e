"use client";

import { Loader2Icon } from "lucide-react";
import type * as React from "react";
import { useTransition } from "react";
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

/** What a server action answers (lib/actions/authed-action.ts), as far as a confirmation needs it. */
type ConfirmOutcome<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export type ConfirmDialogProps<T> = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opened it, when the dialog is rendered in its place (loaded on first press). */
  trigger?: React.ReactElement;
  title: string;
  description: React.ReactNode;
  labels: { cancel: string; confirm: string; pending: string };
  /** Shown when the action could not be reached at all (network, server down). */
  unreachableMessage: string;
  destructive?: boolean;
  confirmTestId?: string;
  /** The server action; a refusal's message is shown as it is, unless `refusalMessage` says otherwise. */
  action: () => Promise<ConfirmOutcome<T>>;
  refusalMessage?: (refusal: { code: string; message: string }) => string;
  /** After success; the dialog closes first. */
  onConfirmed: (data: T) => void | Promise<void>;
};

/**
 * The one confirmation of the console: a question, Cancel, and a button that runs a server
 * action while it shows that it is working; a refusal or an unreachable server is told in a toast,
 * and the dialog stays open so that nothing the customer chose is lost.
 */
export function ConfirmDialog<T>({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  labels,
  unreachableMessage,
  destructive = false,
  confirmTestId,
  action,
  refusalMessage,
  onConfirmed,
}: ConfirmDialogProps<T>) {
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      try {
        const result = await action();
        if (!result.ok) {
          toast.error(refusalMessage ? refusalMessage(result) : result.message);
          return;
        }
        onOpenChange(false);
        await onConfirmed(result.data);
      } catch {
        toast.error(unreachableMessage);
      }
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent closeLabel={labels.cancel}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{labels.cancel}</Button>
          </DialogClose>
          <Button
            variant={destructive ? "destructive" : "default"}
            onClick={confirm}
            disabled={pending}
            data-testid={confirmTestId}
          >
            {pending && <Loader2Icon className="animate-spin" aria-hidden />}
            {pending ? labels.pending : labels.confirm}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
