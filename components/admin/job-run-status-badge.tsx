import { CheckCircle2Icon, Loader2Icon, XCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { JobRunStatus } from "@/lib/generated/prisma/enums";

export function JobRunStatusBadge({ status }: { status: JobRunStatus }) {
  const t = useTranslations("jobs.status");
  if (status === "RUNNING") {
    return (
      <Badge variant="default" data-testid="job-run-status" data-status={status}>
        <Loader2Icon className="animate-spin" aria-hidden />
        {t("RUNNING")}
      </Badge>
    );
  }
  return (
    <Badge
      variant={status === "SUCCEEDED" ? "success" : "destructive"}
      data-testid="job-run-status"
      data-status={status}
    >
      {status === "SUCCEEDED" ? <CheckCircle2Icon aria-hidden /> : <XCircleIcon aria-hidden />}
      {t(status)}
    </Badge>
  );
}
