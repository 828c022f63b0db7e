"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2Icon, CircleIcon, InfoIcon, Loader2Icon, PlayIcon, XCircleIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { runRenewalJobNowAction } from "@/app/admin/jobs/actions";
import { JobRunStatusBadge } from "@/components/admin/job-run-status-badge";
import { useDuration, useTriggerLabel } from "@/components/admin/job-run-table";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { STEP_COUNTS, stepState } from "@/lib/admin/job-step-counts";
import type { AdminJobRun } from "@/lib/admin/list-admin-job-runs";
import { adminKeys, jobRunQuery } from "@/lib/queries/admin";
import { cn } from "@/lib/utils";

/**
 * "Run now" and the live progress of the run going on (started here, by another
 * administrator or by the scheduler): the run is polled every second until it ends.
 */
export function RunNowPanel({ activeRun }: { activeRun: AdminJobRun | null }) {
  const t = useTranslations("jobs.runNow");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(activeRun?.id ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: () => runRenewalJobNowAction({}),
    onSuccess: (result) => {
      if (!result.ok) {
        setError(result.message);
        return;
      }
      const { started, run } = result.data;
      const known = queryClient.getQueryData<AdminJobRun>(adminKeys.jobRun(run.id));
      queryClient.setQueryData(adminKeys.jobRun(run.id), { triggeredBy: null, ...known, ...run });
      setRunId(run.id);
      setNotice(started ? null : t("alreadyRunning", { time: format.dateTime(new Date(run.startedAt), "dateTime") }));
      void queryClient.invalidateQueries({ queryKey: adminKeys.jobRuns });
    },
    onError: () => setError(t("networkError")),
  });

  return (
    <Card data-testid="run-now-panel">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1.5">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <Button
          onClick={() => {
            setError(null);
            setNotice(null);
            mutation.mutate();
          }}
          disabled={mutation.isPending}
          data-testid="run-now"
        >
          {mutation.isPending ? <Loader2Icon className="animate-spin" aria-hidden /> : <PlayIcon aria-hidden />}
          {mutation.isPending ? t("starting") : t("button")}
        </Button>
      </CardHeader>
      <CardContent className="grid gap-4">
        {notice && (
          <Alert>
            <InfoIcon aria-hidden />
            <AlertDescription data-testid="run-now-notice">{notice}</AlertDescription>
          </Alert>
        )}
        {error && (
          <Alert variant="destructive">
            <XCircleIcon aria-hidden />
            <AlertDescription data-testid="run-now-error">{error}</AlertDescription>
          </Alert>
        )}
        {runId ? (
          <LiveRun runId={runId} />
        ) : (
          <p className="text-sm text-muted-foreground" data-testid="no-active-run">
            {t("idle")}
          </p>
        )}
      </CardContent>
    </Card>
  );
}

function LiveRun({ runId }: { runId: string }) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const duration = useDuration();
  const triggerLabel = useTriggerLabel();
  const queryClient = useQueryClient();
  const { data: run, isError } = useQuery(jobRunQuery(runId));
  const finished = run ? run.status !== "RUNNING" : false;

  // When the run ends: refresh the history and say how it went.
  const wasRunning = useRef(run?.status === "RUNNING");
  useEffect(() => {
    if (!run) return;
    if (wasRunning.current && run.status !== "RUNNING") {
      void queryClient.invalidateQueries({ queryKey: adminKeys.jobRuns });
      if (run.status === "SUCCEEDED") toast.success(t("runNow.finished", { duration: duration(run.durationMs) }));
      else toast.error(t("runNow.failed"));
    }
    wasRunning.current = run.status === "RUNNING";
  }, [run, queryClient, t, duration]);

  if (!run) {
    return isError ? (
      <p className="text-sm text-destructive">{t("runNow.loadError")}</p>
    ) : (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2Icon className="size-4 animate-spin" aria-hidden />
        {t("runNow.loading")}
      </p>
    );
  }

  return (
    <section
      className="grid gap-4 rounded-md border p-4"
      aria-live="polite"
      data-testid="live-run"
      data-run-id={run.id}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <JobRunStatusBadge status={run.status} />
        <span>
          {t("runNow.startedAt", { time: format.dateTime(new Date(run.startedAt), "dateTime") })} · {triggerLabel(run)}
        </span>
        <span className="text-muted-foreground" data-testid="live-run-duration">
          {finished
            ? t("runNow.took", { duration: duration(run.durationMs) })
            : t("runNow.currentStep", { step: run.currentStep ? t(`steps.${run.currentStep as "deduct"}`) : "…" })}
        </span>
      </div>
      <p className="text-xs text-muted-foreground">
        {t("runNow.clockNow", { time: format.dateTime(new Date(run.clockNow), "dateTime") })}
      </p>
      <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {STEP_COUNTS.map(({ step, counts }) => {
          const state = stepState(step, run.currentStep, finished);
          const Icon = state === "done" ? CheckCircle2Icon : state === "current" ? Loader2Icon : CircleIcon;
          return (
            <li
              key={step}
              className={cn(
                "grid content-start gap-2 rounded-md border p-3",
                state === "current" && "border-primary bg-primary/5",
              )}
              data-testid={`live-step-${step}`}
              data-state={state}
            >
              <p className="flex items-center gap-2 text-sm font-medium">
                <Icon
                  className={cn(
                    "size-4",
                    state === "done" && "text-success",
                    state === "current" && "animate-spin text-primary",
                    state === "pending" && "text-muted-foreground",
                  )}
                  aria-hidden
                />
                {t(`steps.${step}`)}
                <span className="sr-only">({t(`stepState.${state}`)})</span>
              </p>
              <dl className="grid gap-0.5 text-xs">
                {counts.map((key) => (
                  <div key={key} className="flex justify-between gap-3">
                    <dt className="text-muted-foreground">{t(`counts.${key}`)}</dt>
                    <dd className="font-medium tabular-nums" data-testid={`live-count-${key}`}>
                      {run.counts[key]}
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ol>
      {run.errors.length > 0 && (
        <div className="grid gap-1 text-sm">
          <p className="font-medium text-destructive">{t("errorCount", { count: run.errors.length })}</p>
          <ul className="grid gap-1 text-xs">
            {run.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity of their own
              <li key={index} className="break-words">
                <span className="font-medium">{t(`steps.${error.step}`)}</span>
                {error.certificateId && <span className="font-mono"> · {error.certificateId}</span>}: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
