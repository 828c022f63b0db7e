import { useFormatter, useTranslations } from "next-intl";
import { JobRunStatusBadge } from "@/components/admin/job-run-status-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { STEP_COUNTS } from "@/lib/admin/job-step-counts";
import type { AdminJobRun } from "@/lib/admin/list-admin-job-runs";
import { cn } from "@/lib/utils";

/** How long a run took, in the viewer's language ("1.4 s", "2 min"). */
export function useDuration() {
  const format = useFormatter();
  return (ms: number | null) => {
    if (ms === null) return "—";
    if (ms < 120_000) {
      return format.number(ms / 1000, {
        style: "unit",
        unit: "second",
        unitDisplay: "short",
        maximumFractionDigits: 1,
      });
    }
    return format.number(ms / 60_000, {
      style: "unit",
      unit: "minute",
      unitDisplay: "short",
      maximumFractionDigits: 1,
    });
  };
}

/** Who or what started a run. */
export function useTriggerLabel() {
  const t = useTranslations("jobs");
  return (run: Pick<AdminJobRun, "trigger" | "triggeredBy">) =>
    run.triggeredBy
      ? t("triggeredBy", { trigger: t(`trigger.${knownTrigger(run.trigger)}`), email: run.triggeredBy.email })
      : t(`trigger.${knownTrigger(run.trigger)}`);
}

function knownTrigger(trigger: string): "cron" | "admin" | "demo" | "other" {
  return trigger === "cron" || trigger === "admin" || trigger === "demo" ? trigger : "other";
}

/** The runs with their counts per step, errors and duration. */
export function JobRunTable({ runs, compact = false }: { runs: AdminJobRun[]; compact?: boolean }) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const duration = useDuration();
  const triggerLabel = useTriggerLabel();
  if (runs.length === 0) return <p className="text-sm text-muted-foreground">{t("history.empty")}</p>;
  return (
    <Table data-testid="job-run-table">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("columns.status")}</TableHead>
          <TableHead scope="col">{t("columns.started")}</TableHead>
          <TableHead scope="col" className="text-right">
            {t("columns.duration")}
          </TableHead>
          {STEP_COUNTS.map(({ step }) => (
            <TableHead key={step} scope="col" className={cn(compact && step !== "deduct" && "hidden xl:table-cell")}>
              {t(`steps.${step}`)}
            </TableHead>
          ))}
          <TableHead scope="col">{t("columns.errors")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} data-testid="job-run-row" data-run-id={run.id} className="align-top">
            <TableCell className="align-top">
              <JobRunStatusBadge status={run.status} />
            </TableCell>
            <TableCell className="min-w-44 align-top">
              <div className="whitespace-nowrap">{format.dateTime(new Date(run.startedAt), "dateTime")}</div>
              <div className="text-xs text-muted-foreground">{triggerLabel(run)}</div>
            </TableCell>
            <TableCell className="text-right align-top whitespace-nowrap tabular-nums">
              {run.status === "RUNNING" ? t("running") : duration(run.durationMs)}
            </TableCell>
            {STEP_COUNTS.map(({ step, counts }) => (
              <TableCell
                key={step}
                className={cn("align-top", compact && step !== "deduct" && "hidden xl:table-cell")}
                data-testid={`job-run-${step}`}
              >
                <dl className="grid gap-0.5 text-xs">
                  {counts.map((key, index) =>
                    index === 0 || run.counts[key] > 0 ? (
                      <div key={key} className="flex justify-between gap-3 whitespace-nowrap">
                        <dt className="text-muted-foreground">{t(`counts.${key}`)}</dt>
                        <dd className="font-medium tabular-nums">{run.counts[key]}</dd>
                      </div>
                    ) : null,
                  )}
                </dl>
              </TableCell>
            ))}
            <TableCell className="align-top">
              {run.errors.length === 0 ? (
                <span className="text-muted-foreground">—</span>
              ) : (
                <details className="max-w-80 text-xs" data-testid="job-run-errors">
                  <summary className="cursor-pointer">
                    <Badge variant="destructive">{t("errorCount", { count: run.errors.length })}</Badge>
                  </summary>
                  <ul className="mt-2 grid gap-1.5">
                    {run.errors.map((error, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity of their own
                      <li key={index} className="break-words">
                        <span className="font-medium">{t(`steps.${error.step}`)}</span>
                        {error.certificateId && <span className="font-mono"> · {error.certificateId}</span>}:{" "}
                        {error.message}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
