"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2Icon, SearchCheckIcon, ServerIcon, Undo2Icon, UploadIcon, WebhookIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import {
  deployCertificateAction,
  rollBackTargetDeploymentAction,
  verifyTargetDeploymentAction,
} from "@/app/(console)/certificates/deploy-actions";
import { DeploymentStatusBadge, deploymentStatusKey } from "@/components/deployment-targets/deployment-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import type { EndpointVerification } from "@/lib/deploy/deployment-contracts";
import { MAX_TARGETS_PER_DEPLOYMENT } from "@/lib/deployment-targets/deployment-target-input";
import type { DeploymentDetail } from "@/lib/deployment-targets/deployment-views";
import type { CertificateTargetEntry } from "@/lib/deployment-targets/get-certificate-target-deployments";
import { certificateKeys } from "@/lib/queries/certificates";
import { certificateTargetDeploymentsQuery } from "@/lib/queries/deployment-targets";

/**
 * The certificate page's deployment targets: choose targets and deploy (the answer comes
 * once each is deployed and verified), then per target whether it serves this certificate,
 * what was served instead, Verify, Roll back and the step log.
 */
export function TargetDeploymentsCard({ certificateId }: { certificateId: string }) {
  const t = useTranslations("deploymentTargets.deploy");
  const ts = useTranslations("deploymentTargets.status");
  const queryClient = useQueryClient();
  const { data } = useQuery(certificateTargetDeploymentsQuery(certificateId));
  const [chosen, setChosen] = useState<string[]>([]);
  const [deploying, startDeploying] = useTransition();
  if (!data) return null;

  const canChoose = (entry: CertificateTargetEntry) =>
    data.deployable && (entry.target.kind === "WEBHOOK" || data.hasPrivateKey);
  const toggle = (targetId: string, on: boolean) =>
    setChosen((current) =>
      on ? [...current, targetId].slice(0, MAX_TARGETS_PER_DEPLOYMENT) : current.filter((id) => id !== targetId),
    );

  const deploy = () =>
    startDeploying(async () => {
      try {
        const result = await deployCertificateAction({ certificateId, targetIds: chosen });
        if (!result.ok) {
          toast.error(result.message);
          return;
        }
        for (const outcome of result.data.results) {
          const status =
            outcome.outcome === "BUSY"
              ? null
              : ts(deploymentStatusKey({ status: outcome.outcome, verificationStatus: outcome.verificationStatus }));
          if (status === null) toast.error(t("busy", { name: outcome.targetName }));
          else if (outcome.outcome === "DEPLOYED" && outcome.verificationStatus !== "NOT_SERVING")
            toast.success(t("result", { name: outcome.targetName, status }));
          else toast.error(t("result", { name: outcome.targetName, status }));
        }
        setChosen([]);
      } catch {
        toast.error(t("error"));
      } finally {
        await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
      }
    });

  return (
    <Card data-testid="target-deployments">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {data.entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {t("none")}{" "}
            <Link href="/deployment-targets" className="text-primary underline underline-offset-4">
              {t("manage")}
            </Link>
          </p>
        ) : (
          <>
            {!data.deployable && <p className="text-sm text-muted-foreground">{t("notDeployable")}</p>}
            {data.deployable && !data.hasPrivateKey && <p className="text-sm text-muted-foreground">{t("noKey")}</p>}
            <p className="text-sm text-muted-foreground">{data.autoDeploy ? t("autoDeploy") : t("autoDeployOff")}</p>
            <ul className="grid gap-3">
              {data.entries.map((entry) => (
                <TargetEntry
                  key={entry.target.id}
                  entry={entry}
                  certificateId={certificateId}
                  choosable={canChoose(entry)}
                  chosen={chosen.includes(entry.target.id)}
                  onChoose={(on) => toggle(entry.target.id, on)}
                  disabled={deploying}
                />
              ))}
            </ul>
            <div className="flex flex-wrap items-center gap-3">
              <Button onClick={deploy} disabled={deploying || chosen.length === 0} data-testid="deploy-to-targets">
                {deploying ? <Loader2Icon className="animate-spin" aria-hidden /> : <UploadIcon aria-hidden />}
                {deploying ? t("deploying") : t("deploy")}
              </Button>
              <Link href="/deployment-targets" className="text-sm text-primary hover:underline">
                {t("manage")}
              </Link>
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function TargetEntry({
  entry,
  certificateId,
  choosable,
  chosen,
  onChoose,
  disabled,
}: {
  entry: CertificateTargetEntry;
  certificateId: string;
  choosable: boolean;
  chosen: boolean;
  onChoose: (on: boolean) => void;
  disabled: boolean;
}) {
  const t = useTranslations("deploymentTargets");
  const id = useId();
  const { target, deployment } = entry;
  const serves =
    target.serves === "THIS"
      ? t("deploy.servesThis")
      : target.serves === "PREDECESSOR"
        ? t("deploy.servesPredecessor")
        : target.serves === "OTHER" && target.certificate
          ? t("deploy.servesOther", { domain: target.certificate.domain })
          : null;
  return (
    <li className="grid gap-3 rounded-md border p-3" data-testid="target-deployment" data-target-name={target.name}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-start gap-2">
          <Checkbox
            id={`${id}-choose`}
            checked={chosen}
            disabled={!choosable || disabled}
            onCheckedChange={(value) => onChoose(value === true)}
            className="mt-0.5"
          />
          <div className="grid min-w-0 gap-0.5">
            <Label htmlFor={`${id}-choose`} className="flex items-center gap-1.5">
              {target.kind === "SSH" ? (
                <ServerIcon className="size-4" aria-hidden />
              ) : (
                <WebhookIcon className="size-4" aria-hidden />
              )}
              <span className="sr-only">{t("deploy.choose", { name: target.name })}</span>
              <span aria-hidden className="break-all">
                {target.name}
              </span>
            </Label>
            <span className="font-mono text-xs text-muted-foreground break-all">{target.address}</span>
            {serves && <span className="text-xs text-muted-foreground">{serves}</span>}
          </div>
        </div>
        {deployment ? (
          <DeploymentStatusBadge deployment={deployment} />
        ) : (
          <Badge variant="outline">{t("deploy.notDeployedHere")}</Badge>
        )}
      </div>
      {deployment && <DeploymentFacts deployment={deployment} certificateId={certificateId} targetName={target.name} />}
    </li>
  );
}

function DeploymentFacts({
  deployment,
  certificateId,
  targetName,
}: {
  deployment: DeploymentDetail;
  certificateId: string;
  targetName: string;
}) {
  const t = useTranslations("deploymentTargets");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [verifying, startVerifying] = useTransition();
  const [rollingBack, startRollingBack] = useTransition();
  const when = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  const refresh = () => queryClient.invalidateQueries({ queryKey: certificateKeys.all });

  const verify = () =>
    startVerifying(async () => {
      try {
        const result = await verifyTargetDeploymentAction({ deploymentId: deployment.id });
        if (!result.ok) toast.error(result.message);
        else
          toast.success(
            t("deploy.verified", { name: targetName, status: t(`status.${result.data.verification.status}`) }),
          );
      } catch {
        toast.error(t("deploy.error"));
      } finally {
        await refresh();
      }
    });
  const rollBack = () =>
    startRollingBack(async () => {
      try {
        const result = await rollBackTargetDeploymentAction({ deploymentId: deployment.id });
        if (!result.ok) toast.error(result.message);
        else if (result.data.outcome === "ROLLED_BACK") toast.success(t("deploy.rolledBack", { name: targetName }));
        else toast.error(t("deploy.result", { name: targetName, status: t(`deploy.outcome.${result.data.outcome}`) }));
      } catch {
        toast.error(t("deploy.error"));
      } finally {
        await refresh();
      }
    });

  return (
    <div className="grid gap-2 text-sm" data-certificate={certificateId}>
      {deployment.failureReason && deployment.failureReason !== "NOT_SERVING" && (
        <p className="text-destructive" data-testid="deployment-failure">
          {t(`reason.${deployment.failureReason}`)}
          {deployment.failureMessage && (
            <span className="block text-xs text-muted-foreground">{deployment.failureMessage}</span>
          )}
        </p>
      )}
      {deployment.nextAttemptAt && (
        <p className="text-muted-foreground">{t("deploy.retryAt", { date: when(deployment.nextAttemptAt) })}</p>
      )}
      {deployment.verification && (
        <ul className="grid gap-1" data-testid="verification">
          {deployment.verification.endpoints.map((endpoint) => (
            <li key={`${endpoint.endpoint.host}:${endpoint.endpoint.port}:${endpoint.endpoint.serverName}`}>
              <EndpointLine endpoint={endpoint} />
            </li>
          ))}
          {deployment.verifiedAt && (
            <li className="text-xs text-muted-foreground">
              {t("deploy.verifiedAt", { date: when(deployment.verifiedAt) })}
            </li>
          )}
        </ul>
      )}
      {(deployment.canVerify || deployment.canRollBack) && (
        <div className="flex flex-wrap gap-2">
          {deployment.canVerify && (
            <Button variant="outline" size="sm" onClick={verify} disabled={verifying} data-testid="verify-deployment">
              {verifying ? <Loader2Icon className="animate-spin" aria-hidden /> : <SearchCheckIcon aria-hidden />}
              {verifying ? t("deploy.verifying") : t("deploy.verify")}
            </Button>
          )}
          {deployment.canRollBack && (
            <Button
              variant="outline"
              size="sm"
              onClick={rollBack}
              disabled={rollingBack}
              data-testid="roll-back-deployment"
            >
              {rollingBack ? <Loader2Icon className="animate-spin" aria-hidden /> : <Undo2Icon aria-hidden />}
              {rollingBack ? t("deploy.rollingBack") : t("deploy.rollBack")}
            </Button>
          )}
        </div>
      )}
      {deployment.log.length > 0 && (
        <details className="rounded-md bg-muted/50 px-3 py-2" data-testid="deployment-log">
          <summary className="cursor-pointer text-sm font-medium">{t("deploy.log")}</summary>
          <ol className="mt-2 grid gap-3">
            {deployment.log.map((entry) => (
              <li key={`${entry.action}-${entry.attempt}-${entry.at}`} className="grid gap-1">
                <p className="text-xs font-medium">
                  {t("deploy.logEntry", {
                    action: entry.action,
                    attempt: entry.attempt,
                    outcome: t(`deploy.outcome.${entry.outcome}`),
                    date: when(entry.at),
                  })}
                </p>
                <ol className="grid gap-1">
                  {entry.steps.map((step, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed record; their order is their identity
                    <li key={index} className="grid gap-0.5 text-xs">
                      <span>
                        <span className={step.status === "failed" ? "font-medium text-destructive" : "font-medium"}>
                          {t(`deploy.step.${step.name}`)}
                        </span>{" "}
                        · {step.summary}
                      </span>
                      {step.command && (
                        <code className="font-mono break-all text-muted-foreground">$ {step.command}</code>
                      )}
                      {step.output && (
                        <pre className="max-h-40 overflow-auto rounded bg-background p-2 font-mono whitespace-pre-wrap break-all">
                          {step.output}
                        </pre>
                      )}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function EndpointLine({ endpoint }: { endpoint: EndpointVerification }) {
  const t = useTranslations("deploymentTargets.deploy");
  const where = `${endpoint.endpoint.host}:${endpoint.endpoint.port} (${endpoint.endpoint.serverName})`;
  if (endpoint.status === "SERVING")
    return (
      <span className="text-success">
        {t("servingEndpoint", { endpoint: where, serial: endpoint.served.serialNumber })}
      </span>
    );
  if (endpoint.status === "UNREACHABLE")
    return (
      <span className="text-warning-foreground">
        {t("unreachableEndpoint", { endpoint: where, message: endpoint.message })}
      </span>
    );
  return (
    <span className="text-warning-foreground" data-testid="served-instead">
      {endpoint.mismatch === "CHAIN_INCOMPLETE"
        ? t("chainIncomplete", { endpoint: where, missing: endpoint.missingIntermediates.join(", ") })
        : t("servedInstead", {
            endpoint: where,
            serial: endpoint.served.serialNumber,
            subject: endpoint.served.subject,
          })}
    </span>
  );
}
