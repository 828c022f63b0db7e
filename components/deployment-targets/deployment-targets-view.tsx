"use client";

import { useQuery } from "@tanstack/react-query";
import { Loader2Icon, PlugZapIcon, RotateCwIcon, ServerIcon, Trash2Icon, WebhookIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { lazy, Suspense, useState, useTransition } from "react";
import { testDeploymentTargetAction } from "@/app/(console)/deployment-targets/actions";
import { DeploymentStatusBadge } from "@/components/deployment-targets/deployment-status-badge";
import { SigningSecret } from "@/components/deployment-targets/signing-secret";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DeploymentTargetItem } from "@/lib/deployment-targets/list-deployment-targets";
import { deploymentTargetsQuery } from "@/lib/queries/deployment-targets";

// The forms load when one is first opened: the list is what the page shows first.
const SshTargetDialog = lazy(() =>
  import("@/components/deployment-targets/ssh-target-dialog").then((module) => ({ default: module.SshTargetDialog })),
);
const RotateSecretDialog = lazy(() =>
  import("@/components/deployment-targets/target-confirm-dialogs").then((module) => ({
    default: module.RotateSecretDialog,
  })),
);
const DeleteTargetDialog = lazy(() =>
  import("@/components/deployment-targets/target-confirm-dialogs").then((module) => ({
    default: module.DeleteTargetDialog,
  })),
);
const WebhookTargetDialog = lazy(() =>
  import("@/components/deployment-targets/webhook-target-dialog").then((module) => ({
    default: module.WebhookTargetDialog,
  })),
);

export function DeploymentTargetsActions() {
  const t = useTranslations("deploymentTargets");
  const [open, setOpen] = useState<"ssh" | "webhook" | null>(null);
  return (
    <>
      <Button onClick={() => setOpen("ssh")} data-testid="add-ssh-target">
        <ServerIcon aria-hidden />
        {t("addSsh")}
      </Button>
      <Button variant="outline" onClick={() => setOpen("webhook")} data-testid="add-webhook-target">
        <WebhookIcon aria-hidden />
        {t("addWebhook")}
      </Button>
      <Suspense fallback={null}>
        {open === "ssh" && <SshTargetDialog open onOpenChange={(next) => !next && setOpen(null)} />}
        {open === "webhook" && <WebhookTargetDialog open onOpenChange={(next) => !next && setOpen(null)} />}
      </Suspense>
    </>
  );
}

export function DeploymentTargetsList() {
  const t = useTranslations("deploymentTargets");
  const { data, isError } = useQuery(deploymentTargetsQuery);
  if (isError) {
    return (
      <Alert variant="destructive">
        <AlertDescription>{t("loadError")}</AlertDescription>
      </Alert>
    );
  }
  if (!data) return null;
  if (data.length === 0) {
    return (
      <Card>
        <CardContent className="py-10 text-center text-sm text-muted-foreground" data-testid="no-targets">
          {t("empty")}
        </CardContent>
      </Card>
    );
  }
  return (
    <ul className="grid gap-4" data-testid="deployment-targets">
      {data.map((target) => (
        <li key={target.id}>
          <TargetCard target={target} />
        </li>
      ))}
    </ul>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[11rem_1fr]">
      <dt className="text-xs text-muted-foreground sm:text-sm">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

function TargetCard({ target }: { target: DeploymentTargetItem }) {
  const t = useTranslations("deploymentTargets");
  const format = useFormatter();
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [testing, startTesting] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);

  const test = () =>
    startTesting(async () => {
      setTestResult(null);
      try {
        const result = await testDeploymentTargetAction({ targetId: target.id });
        if (!result.ok) {
          setTestResult({ ok: false, text: result.message });
          return;
        }
        setTestResult(
          result.data.ok
            ? { ok: true, text: t(target.kind === "SSH" ? "test.ok" : "test.okWebhook", { name: target.name }) }
            : {
                ok: false,
                text: t("test.failed", { name: target.name, reason: t(`reason.${result.data.failure.reason}`) }),
              },
        );
      } catch {
        setTestResult({ ok: false, text: t("test.error") });
      }
    });

  return (
    <Card data-testid="deployment-target" data-target-name={target.name}>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <CardTitle className="flex flex-wrap items-center gap-2">
            {target.kind === "SSH" ? (
              <ServerIcon className="size-4" aria-hidden />
            ) : (
              <WebhookIcon className="size-4" aria-hidden />
            )}
            <span className="break-all">{target.name}</span>
            <Badge variant="outline">{t(`kind.${target.kind}`)}</Badge>
          </CardTitle>
          <CardDescription className="mt-1 font-mono text-xs break-all">{target.address}</CardDescription>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" onClick={test} disabled={testing} data-testid="test-connection">
            {testing ? <Loader2Icon className="animate-spin" aria-hidden /> : <PlugZapIcon aria-hidden />}
            {testing ? t("test.testing") : t("test.action")}
          </Button>
          {target.kind === "WEBHOOK" && <RotateSecretButton target={target} onRotated={setSecret} />}
          <DeleteTargetButton target={target} />
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        {testResult && (
          <Alert variant={testResult.ok ? "default" : "destructive"} role="status" data-testid="test-result">
            <AlertDescription>{testResult.text}</AlertDescription>
          </Alert>
        )}
        {secret && <SigningSecret secret={secret} />}
        <dl className="grid gap-3">
          {target.ssh && (
            <>
              <Row label={t("card.hostKey")}>
                <span className="font-mono text-xs">
                  {target.ssh.hostKey.keyType} {target.ssh.hostKey.fingerprint}
                </span>
              </Row>
              <Row label={t("card.login")}>
                {t(`card.credentials.${target.ssh.authKind}`, { user: target.ssh.username })}
              </Row>
              <Row label={t("card.files")}>
                <ul className="grid gap-0.5">
                  {target.ssh.files.map((file) => (
                    <li key={file.path}>
                      {t(`fileKind.${file.kind as "certificate"}`)}:{" "}
                      <span className="font-mono text-xs">
                        {file.path} ({file.mode.toString(8).padStart(4, "0")})
                      </span>
                    </li>
                  ))}
                </ul>
              </Row>
              <Row label={t("card.reload")}>
                <code className="font-mono text-xs">{target.ssh.reloadCommand}</code>
              </Row>
              <Row label={t("card.autoRollback")}>
                {target.ssh.autoRollback ? t("card.autoRollbackOn") : t("card.autoRollbackOff")}
              </Row>
            </>
          )}
          {target.webhook && (
            <Row label={t("card.includeKey")}>
              {target.webhook.includePrivateKey ? t("card.includeKeyOn") : t("card.includeKeyOff")}
            </Row>
          )}
          <Row label={t("card.endpoints")}>
            {target.endpoints.length === 0 ? (
              t("card.noEndpoints")
            ) : (
              <ul className="grid gap-0.5 font-mono text-xs">
                {target.endpoints.map((endpoint) => (
                  <li key={`${endpoint.host}:${endpoint.port}:${endpoint.serverName}`}>
                    {endpoint.host}:{endpoint.port} · SNI {endpoint.serverName}
                  </li>
                ))}
              </ul>
            )}
          </Row>
          <Row label={t("card.serves")}>
            {target.certificate ? (
              <Link href={`/certificates/${target.certificate.id}`} className="text-primary hover:underline">
                {target.certificate.domain}
              </Link>
            ) : (
              t("card.servesNothing")
            )}
          </Row>
          <Row label={t("card.lastDeployment")}>
            {target.lastDeployment ? (
              <span className="flex flex-wrap items-center gap-2">
                <DeploymentStatusBadge deployment={target.lastDeployment} />
                <Link
                  href={`/certificates/${target.lastDeployment.certificateId}`}
                  className="text-primary hover:underline"
                >
                  {target.lastDeployment.domain}
                </Link>
                <span className="text-muted-foreground">
                  {format.dateTime(new Date(target.lastDeployment.createdAt), "dateTime")}
                </span>
              </span>
            ) : (
              t("card.never")
            )}
          </Row>
        </dl>
      </CardContent>
    </Card>
  );
}

function RotateSecretButton({
  target,
  onRotated,
}: {
  target: DeploymentTargetItem;
  onRotated: (secret: string) => void;
}) {
  const t = useTranslations("deploymentTargets.rotate");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <RotateCwIcon aria-hidden />
        {t("action")}
      </Button>
      <Suspense fallback={null}>
        {open && <RotateSecretDialog target={target} onOpenChange={setOpen} onRotated={onRotated} />}
      </Suspense>
    </>
  );
}

function DeleteTargetButton({ target }: { target: DeploymentTargetItem }) {
  const t = useTranslations("deploymentTargets.delete");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} data-testid="delete-target">
        <Trash2Icon aria-hidden />
        {t("action")}
      </Button>
      <Suspense fallback={null}>{open && <DeleteTargetDialog target={target} onOpenChange={setOpen} />}</Suspense>
    </>
  );
}
