"use client";

import { useMutation } from "@tanstack/react-query";
import {
  CheckCircle2Icon,
  CircleDashedIcon,
  Loader2Icon,
  PencilIcon,
  PlugIcon,
  Trash2Icon,
  XCircleIcon,
} from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { deleteIssuerAction, testIssuerConnectionAction } from "@/app/admin/issuers/actions";
import { IssuerForm } from "@/components/admin/issuers/issuer-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { IssuerView } from "@/lib/issuers/issuer-views";

const KNOWN_REASONS = new Set([
  "CA_UNREACHABLE",
  "CA_ERROR",
  "RATE_LIMITED",
  "BAD_NONCE",
  "TLS_ERROR",
  "NOT_AN_ACME_DIRECTORY",
  "EAB_REQUIRED",
  "EAB_REFUSED",
  "TERMS_NOT_ACCEPTED",
  "ACCOUNT_REFUSED",
  "ACCOUNT_GONE",
  "CA_REFUSED",
]);

/** One ACME issuer: its settings (never its keys), the last test, and Test connection, Edit, Delete. */
export function IssuerItem({ issuer }: { issuer: IssuerView }) {
  const t = useTranslations("admin.issuers");
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const test = useMutation({ mutationFn: testIssuerConnectionAction });
  const remove = useMutation({ mutationFn: deleteIssuerAction });
  const reasonText = (reason: string | null) => t(`reason.${reason && KNOWN_REASONS.has(reason) ? reason : "other"}`);
  const when = (iso: string) => format.dateTime(new Date(iso), "dateTime");

  function runTest() {
    test.mutate(
      { issuerId: issuer.id },
      {
        onSuccess: (result) => {
          router.refresh();
          if (!result.ok) return void toast.error(result.message);
          if (result.data.ok) {
            toast.success(t("list.testOk", { name: issuer.name, created: String(result.data.accountCreated) }));
          } else {
            toast.error(t("list.testFailed", { name: issuer.name, reason: reasonText(result.data.reason) }));
          }
        },
        onError: () => toast.error(t("list.networkError")),
      },
    );
  }

  function runDelete() {
    remove.mutate(
      { issuerId: issuer.id },
      {
        onSuccess: (result) => {
          setConfirming(false);
          if (!result.ok) return void toast.error(result.message);
          toast.success(t("list.deleted", { name: issuer.name }));
          router.refresh();
        },
        onError: () => toast.error(t("list.networkError")),
      },
    );
  }

  const last = issuer.lastTest;
  return (
    <li className="grid gap-3 p-4" data-testid="issuer" data-issuer={issuer.name}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{issuer.name}</span>
          {!last ? (
            <Badge variant="secondary" data-testid="issuer-test-state">
              <CircleDashedIcon aria-hidden />
              {t("list.neverTested")}
            </Badge>
          ) : last.ok ? (
            <Badge variant="success" data-testid="issuer-test-state">
              <CheckCircle2Icon aria-hidden />
              {t("list.testedOk", { date: when(last.at) })}
            </Badge>
          ) : (
            <Badge variant="destructive" data-testid="issuer-test-state">
              <XCircleIcon aria-hidden />
              {t("list.testedFailed", {
                step: last.step ?? "account",
                date: when(last.at),
                reason: reasonText(last.reason),
              })}
            </Badge>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="outline"
            size="sm"
            onClick={runTest}
            disabled={test.isPending}
            aria-label={t("list.testLabel", { name: issuer.name })}
            data-testid="issuer-test"
          >
            {test.isPending ? <Loader2Icon className="animate-spin" aria-hidden /> : <PlugIcon aria-hidden />}
            {test.isPending ? t("list.testing") : t("list.test")}
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setEditing((open) => !open)}
            aria-expanded={editing}
            aria-label={t("list.editLabel", { name: issuer.name })}
            data-testid="issuer-edit"
          >
            <PencilIcon aria-hidden />
            {t("list.edit")}
          </Button>
          {confirming ? (
            <>
              <Button
                variant="destructive"
                size="sm"
                onClick={runDelete}
                disabled={remove.isPending}
                data-testid="issuer-delete-confirm"
              >
                {remove.isPending ? <Loader2Icon className="animate-spin" aria-hidden /> : <Trash2Icon aria-hidden />}
                {t("list.deleteConfirm", { name: issuer.name })}
              </Button>
              <Button variant="outline" size="sm" onClick={() => setConfirming(false)} disabled={remove.isPending}>
                {t("list.cancel")}
              </Button>
            </>
          ) : (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setConfirming(true)}
              aria-label={t("list.deleteLabel", { name: issuer.name })}
              data-testid="issuer-delete"
            >
              <Trash2Icon aria-hidden />
              {t("list.delete")}
            </Button>
          )}
        </div>
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-muted-foreground">{t("list.directory")}</dt>
        <dd className="font-mono text-xs break-all">{issuer.directoryUrl}</dd>
        <dt className="text-muted-foreground">{t("list.eab")}</dt>
        <dd className="break-all">{issuer.eabKeyId ?? t("list.eabNone")}</dd>
        <dt className="text-muted-foreground">{t("list.contact")}</dt>
        <dd className="break-all">{issuer.contactEmail ?? "—"}</dd>
        <dt className="text-muted-foreground">{t("list.account")}</dt>
        <dd className="font-mono text-xs break-all" data-testid="issuer-account">
          {issuer.accountUrl ?? t("list.accountNone")}
        </dd>
        <dt className="text-muted-foreground">{t("products.title")}</dt>
        <dd>{t("list.products", { count: issuer.productCount })}</dd>
      </dl>
      {last && !last.ok && last.detail && (
        <p className="text-xs break-all text-muted-foreground" data-testid="issuer-test-detail">
          {last.detail}
        </p>
      )}
      {editing && <IssuerForm issuer={issuer} onDone={() => setEditing(false)} />}
    </li>
  );
}
