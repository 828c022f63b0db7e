"use client";

import { Loader2Icon, RefreshCwIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import {
  checkValidationDelegationAction,
  checkZoneDelegationAction,
  removeHostedZoneAction,
  removeValidationDelegationAction,
} from "@/app/(console)/dns-hosting/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

const CALLS = {
  zone: {
    check: (id: string) => checkZoneDelegationAction({ zoneId: id }),
    remove: async (id: string) => {
      const result = await removeHostedZoneAction({ zoneId: id });
      return result.ok ? { ok: true as const, pending: !result.data.removed } : result;
    },
  },
  delegation: {
    check: (id: string) => checkValidationDelegationAction({ delegationId: id }),
    remove: async (id: string) => {
      const result = await removeValidationDelegationAction({ delegationId: id });
      return result.ok ? { ok: true as const, pending: false } : result;
    },
  },
};

/**
 * "Check now" and "Remove" (asked twice, in place: no dialog to load) for one hosted
 * domain or one domain set up for automatic validation.
 */
export function DomainRowActions({
  kind,
  id,
  name,
  describeStatus,
}: {
  kind: keyof typeof CALLS;
  id: string;
  name: string;
  /** The status the check found, as the list words it, for the announcement. */
  describeStatus: Record<string, string>;
}) {
  const t = useTranslations("dnsHosting");
  const section = kind === "zone" ? "zones" : "delegations";
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [checking, startChecking] = useTransition();
  const [removing, startRemoving] = useTransition();

  const check = () =>
    startChecking(async () => {
      try {
        const result = await CALLS[kind].check(id);
        if (!result.ok) return void toast.error(result.message);
        router.refresh();
        const view = result.data;
        const status =
          "delegationStatus" in view
            ? (describeStatus[view.delegationStatus] ?? "")
            : (describeStatus[view.verifiedAt ? "verified" : view.seenTarget ? "elsewhere" : "pending"] ?? "");
        toast.success(t(`${section}.checked`, { name, status }));
      } catch {
        toast.error(t("checkError"));
      }
    });

  const remove = () =>
    startRemoving(async () => {
      try {
        const result = await CALLS[kind].remove(id);
        if (!result.ok) {
          setConfirming(false);
          return void toast.error(result.message);
        }
        router.refresh();
        toast.success(t(result.pending ? "zones.removePending" : `${section}.removed`, { name }));
      } catch {
        toast.error(t("removeError"));
      }
    });

  if (confirming) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="destructive"
          size="sm"
          onClick={remove}
          disabled={removing}
          data-testid={`remove-${kind}-confirm`}
        >
          {removing ? <Loader2Icon className="animate-spin" aria-hidden /> : <Trash2Icon aria-hidden />}
          {removing ? t("removing") : t("removeConfirm", { name })}
        </Button>
        <Button variant="outline" size="sm" onClick={() => setConfirming(false)} disabled={removing}>
          {t("cancel")}
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" size="sm" onClick={check} disabled={checking} data-testid={`check-${kind}`}>
        {checking ? <Loader2Icon className="animate-spin" aria-hidden /> : <RefreshCwIcon aria-hidden />}
        {checking ? t("checking") : t("checkNow")}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => setConfirming(true)}
        aria-label={t("removeConfirm", { name })}
        data-testid={`remove-${kind}`}
      >
        <Trash2Icon aria-hidden />
        {t("remove")}
      </Button>
    </div>
  );
}
