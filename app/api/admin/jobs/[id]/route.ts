import { adminRoute } from "@/lib/admin/admin-route";
import { getAdminJobRun } from "@/lib/admin/get-admin-job-run";
import { AppError } from "@/lib/errors";

export const GET = adminRoute<{ id: string }>(async (_request, { user, params, now }) => {
  const run = params.id.length <= 64 ? await getAdminJobRun(user, params.id, now) : null;
  if (!run) throw new AppError("NOT_FOUND");
  return Response.json(run);
});
