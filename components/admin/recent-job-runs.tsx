import { JobRunTable } from "@/components/admin/job-run-table";
import type { AdminJobRun } from "@/lib/admin/list-admin-job-runs";

/** The last runs on the overview; the full history is on the job page. */
export function RecentJobRuns({ runs }: { runs: AdminJobRun[] }) {
  return <JobRunTable runs={runs} compact />;
}
