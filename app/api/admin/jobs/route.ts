import { adminRoute } from "@/lib/admin/admin-route";
import { parseJobRunListParams } from "@/lib/admin/job-run-list-params";
import { listAdminJobRuns } from "@/lib/admin/list-admin-job-runs";

export const GET = adminRoute(async (request, { user, now }) => {
  const params = parseJobRunListParams(new URL(request.url).searchParams);
  return Response.json(await listAdminJobRuns(user, params, now));
});
