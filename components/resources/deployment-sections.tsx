"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CloudUploadIcon, ServerIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useOptimistic, useState, useTransition } from "react";
import {
  setAutoUpdateResourcesAction,
  setIgnoreNotificationsAction,
} from "@/app/(console)/certificates/after-issuance-actions";
import { DownloadMenu } from "@/components/downloads/download-menu";
import { DeferredUpdateResourcesDialog } from "@/components/resources/deferred-update-resources-dialog";
import { SimulatedBadge } from "@/components/resources/simulated-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RowLink } from "@/components/ui/row-link";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/authed-action";
import { certificateKeys } from "@/lib/queries/certificates";
import { certificateDeploymentQuery } from "@/lib/queries/resources";
import type { CertificateDeployment, DeploymentEntry } from "@/lib/resources/get-certificate-deployment";

/** Header buttons of the certificate page: Download, and Deploy for a deployable certificate. */
export function CertificateFileActions({ certificateId, domain }: { certificateId: string; domain: string }) {
  const t = useTranslations("resources");
  const { data } = useQuery(certificateDeploymentQuery(certificateId));
  return (
    <>
      <DownloadMenu certificateId={certificateId} domain={domain} />
      {data?.simulatedResources && data.deployable && !data.updatePrompt && (
        <DeferredUpdateResourcesDialog
          certificateId={certificateId}
          domain={domain}
          predecessorId={data.predecessor?.id ?? null}
          mode="deploy"
        >
          <Button variant="outline" data-testid="deploy-resources">
            <CloudUploadIcon aria-hidden />
            {t("deploy")}
          </Button>
        </DeferredUpdateResourcesDialog>
      )}
    </>
  );
}

/** The prominent prompt on an issued renewal or reissue whose predecessor still serves cloud resources. */
export function UpdateResourcesPrompt({ certificateId, domain }: { certificateId: string; domain: string }) {
  const t = useTranslations("resources.prompt");
  const { data } = useQuery(certificateDeploymentQuery(certificateId));
  // The prompt holds its dialog: while the dialog is open it stays, even if a refetch
  // (the window regaining focus) says the resources were updated, which would unmount
  // the results the customer is reading.
  const [held, hold] = useState<CertificateDeployment | null>(null);
  const prompt = data?.updatePrompt && data.predecessor ? data : held;
  if (!prompt?.predecessor) return null;
  return (
    <Alert className="border-primary/40 bg-primary/5" role="status" data-testid="update-resources-prompt">
      <CloudUploadIcon aria-hidden className="text-primary" />
      <AlertTitle className="flex flex-wrap items-center gap-2">
        {t("title")}
        <SimulatedBadge />
      </AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>
          {t("description", { count: prompt.predecessor.resourceCount, kind: prompt.predecessor.kind })}{" "}
          <Link
            href={`/certificates/${prompt.predecessor.id}`}
            className="font-mono text-xs text-primary hover:underline"
          >
            {prompt.predecessor.id}
          </Link>
        </p>
        <div>
          <DeferredUpdateResourcesDialog
            certificateId={certificateId}
            domain={domain}
            predecessorId={prompt.predecessor.id}
            mode="update"
            // Held when its button is pressed (which opens it, loaded or not), let go on close.
            onOpenChange={(open) => !open && hold(null)}
          >
            <Button data-testid="update-resources" onClick={() => hold(prompt)}>
              <CloudUploadIcon aria-hidden />
              {t("action")}
            </Button>
          </DeferredUpdateResourcesDialog>
        </div>
      </AlertDescription>
    </Alert>
  );
}

/** Options (automatic update, ignore notifications) and the deployment history. */
export function DeploymentSections({ certificateId }: { certificateId: string }) {
  const { data } = useQuery(certificateDeploymentQuery(certificateId));
  if (!data) return null;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {data.simulatedResources && <HistoryCard data={data} />}
      <OptionsCard data={data} />
    </div>
  );
}

function OptionsCard({ data }: { data: CertificateDeployment }) {
  const t = useTranslations("resources.options");
  return (
    <Card data-testid="certificate-options">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        <OptionSwitch
          testId="auto-update-resources"
          label={t("autoUpdate")}
          hint={t("autoUpdateHint")}
          checked={data.autoUpdateResources}
          successMessage={(on) => (on ? t("autoUpdateOn") : t("autoUpdateOff"))}
          save={(on) => setAutoUpdateResourcesAction({ certificateId: data.certificateId, enabled: on })}
          certificateId={data.certificateId}
        />
        <OptionSwitch
          testId="ignore-notifications"
          label={t("ignoreNotifications")}
          hint={t("ignoreNotificationsHint")}
          checked={data.ignoreNotifications}
          successMessage={(on) => (on ? t("ignoreOn") : t("ignoreOff"))}
          save={(on) => setIgnoreNotificationsAction({ certificateIds: [data.certificateId], ignore: on })}
          certificateId={data.certificateId}
        />
      </CardContent>
    </Card>
  );
}

function OptionSwitch({
  testId,
  label,
  hint,
  checked,
  successMessage,
  save,
  certificateId,
}: {
  testId: string;
  label: string;
  hint: string;
  checked: boolean;
  successMessage: (on: boolean) => string;
  save: (on: boolean) => Promise<ActionResult<unknown>>;
  certificateId: string;
}) {
  const id = useId();
  const t = useTranslations("resources.options");
  const queryClient = useQueryClient();
  // Shows the new position while saving; the query's value once it is back. A transition
  // rather than useMutation: react-query's mutation code stays out of the page's first load.
  const [saving, startSaving] = useTransition();
  const [shown, showSaving] = useOptimistic(checked);
  const toggle = (on: boolean) =>
    startSaving(async () => {
      showSaving(on);
      try {
        const result = await save(on);
        if (!result.ok) {
          toast.error(result.message);
          return;
        }
        await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
        toast.success(successMessage(on));
      } catch {
        toast.error(t("saveError"));
      }
    });
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="grid gap-1">
        <label htmlFor={id} className="text-sm font-medium leading-snug">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
      <Switch
        id={id}
        checked={shown}
        disabled={saving}
        onCheckedChange={toggle}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
        data-certificate-id={certificateId}
      />
    </div>
  );
}

function HistoryCard({ data }: { data: CertificateDeployment }) {
  const t = useTranslations("resources.history");
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t("title")}
          <SimulatedBadge />
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {data.deployments.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="deployment-history-empty">
            {t("empty")}
          </p>
        ) : (
          <Table data-testid="deployment-history">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.resource")}</TableHead>
                <TableHead>{t("columns.change")}</TableHead>
                <TableHead>{t("columns.by")}</TableHead>
                <TableHead className="text-right">{t("columns.result")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.deployments.map((entry) => (
                <HistoryRow key={entry.id} entry={entry} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function HistoryRow({ entry }: { entry: DeploymentEntry }) {
  const t = useTranslations("resources.history");
  const tc = useTranslations("certificates");
  const format = useFormatter();
  const other = entry.direction === "to" ? entry.fromCertificateId : entry.toCertificateId;
  return (
    <TableRow data-testid="deployment-entry" data-result={entry.result}>
      <TableCell>
        <div className="flex items-center gap-2">
          <ServerIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <span className="font-medium break-all">{entry.resource.name}</span>
        </div>
        <div className="text-xs text-muted-foreground">
          {tc(`resourceType.${entry.resource.type}`)} · {entry.resource.region}
        </div>
      </TableCell>
      <TableCell className="text-sm">
        <div className="flex flex-wrap items-center gap-1">
          {entry.direction === "to" ? t("deployedHere") : t("movedAway")}
          {other && (
            <>
              <span className="text-muted-foreground">{entry.direction === "to" ? t("from") : t("to")}</span>
              <RowLink href={`/certificates/${other}`} className="font-mono text-xs text-primary hover:underline">
                {other}
              </RowLink>
            </>
          )}
        </div>
        <time dateTime={entry.createdAt} className="text-xs text-muted-foreground">
          {format.dateTime(new Date(entry.createdAt), "dateTime")}
        </time>
      </TableCell>
      <TableCell className="text-sm">
        {entry.actor === "automatic" ? t("automatic") : entry.actor ? entry.actor.name : t("unknownActor")}
      </TableCell>
      <TableCell className="text-right">
        <Badge variant={entry.result === "SUCCEEDED" ? "outline" : "destructive"}>{t(`result.${entry.result}`)}</Badge>
        {entry.uncoveredHosts && (
          <div className="mt-1 text-xs text-muted-foreground">{t("notCovered", { hosts: entry.uncoveredHosts })}</div>
        )}
      </TableCell>
    </TableRow>
  );
}
