import { adminRoute } from "@/lib/admin/admin-route";
import { getAdminCertificateDetail } from "@/lib/admin/get-admin-certificate-detail";
import { AppError } from "@/lib/errors";
import { isLookupId } from "@/lib/text/storable-text";

export const GET = adminRoute<{ id: string }>(async (_request, { user, params, now }) => {
  const detail = isLookupId(params.id) ? await getAdminCertificateDetail(user, params.id, now) : null;
  if (!detail) throw new AppError("NOT_FOUND");
  return Response.json(detail);
});
