import { adminRoute } from "@/lib/admin/admin-route";
import { getAdminJobRun } from "@/lib/admin/get-admin-job-run";
import { AppError } from "@/lib/errors";
import { isLookupId } from "@/lib/text/storable-text";

export const GET = adminRoute<{ id: string }>(async (_request, { user, params, now }) => {
  const run = isLookupId(params.id) ? await getAdminJobRun(user, params.id, now) : null;
  if (!run) throw new AppError("NOT_FOUND");
  return Response.json(run);
});
