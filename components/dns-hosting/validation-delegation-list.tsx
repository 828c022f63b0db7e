import { CheckCircle2Icon, Clock3Icon, TriangleAlertIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { CopyableValue } from "@/components/dns-hosting/copyable-value";
import { DomainRowActions } from "@/components/dns-hosting/domain-row-actions";
import { Badge } from "@/components/ui/badge";
import type { ValidationDelegationView } from "@/lib/dns-hosting/dns-hosting-views";

/** Third-party domains set up for automatic validation: the CNAME to add, and whether it is seen. */
export async function ValidationDelegationList({ delegations }: { delegations: ValidationDelegationView[] }) {
  const [t, format] = await Promise.all([getTranslations("dnsHosting"), getFormatter()]);
  if (delegations.length === 0) {
    return <p className="py-6 text-center text-sm text-muted-foreground">{t("delegations.empty")}</p>;
  }
  const statusText = {
    verified: t("delegations.status.verified"),
    pending: t("delegations.status.pending"),
    elsewhere: t("delegations.status.elsewhere"),
  };
  const copy = (label: string) => ({ label: `${t("copy")} ${label}`, copiedLabel: t("copied") });
  return (
    <ul className="divide-y rounded-md border" aria-label={t("delegations.listLabel")}>
      {delegations.map((delegation) => {
        const state = delegation.verifiedAt ? "verified" : delegation.seenTarget ? "elsewhere" : "pending";
        const Icon = state === "verified" ? CheckCircle2Icon : state === "elsewhere" ? TriangleAlertIcon : Clock3Icon;
        return (
          <li
            key={delegation.id}
            className="grid gap-3 p-4"
            data-testid="validation-delegation"
            data-domain={delegation.domain}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="font-medium break-all">{delegation.domain}</span>
                <Badge variant={state === "verified" ? "success" : "warning"} data-testid="delegation-status">
                  <Icon aria-hidden />
                  {statusText[state]}
                </Badge>
              </div>
              <DomainRowActions
                kind="delegation"
                id={delegation.id}
                name={delegation.domain}
                describeStatus={statusText}
              />
            </div>
            <dl className="grid gap-2 rounded-md border p-3">
              <CopyableValue
                label={t("delegations.recordName")}
                value={delegation.recordName}
                copy={copy(t("delegations.recordName"))}
                testId="delegation-record-name"
              />
              <CopyableValue label={t("delegations.recordType")} value="CNAME" />
              <CopyableValue
                label={t("delegations.recordTarget")}
                value={delegation.target}
                copy={copy(t("delegations.recordTarget"))}
                testId="delegation-target"
              />
            </dl>
            <div className="grid gap-1 text-sm text-muted-foreground">
              {state === "elsewhere" && delegation.seenTarget && (
                <p>{t("delegations.seenTarget", { target: delegation.seenTarget })}</p>
              )}
              {delegation.verifiedAt && (
                <p>
                  {t("delegations.verifiedSince", {
                    date: format.dateTime(new Date(delegation.verifiedAt), "dateTime"),
                  })}
                </p>
              )}
              {delegation.checkFailure && (
                <p className="text-warning-foreground">{t("checkFailed", { reason: delegation.checkFailure })}</p>
              )}
              <p className="text-xs">
                {delegation.checkedAt
                  ? t("lastChecked", { date: format.dateTime(new Date(delegation.checkedAt), "dateTime") })
                  : t("neverChecked")}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
