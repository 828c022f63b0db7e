import { parseAdminCertificateListParams } from "@/lib/admin/admin-certificate-list-params";
import { adminRoute } from "@/lib/admin/admin-route";
import { listAllCertificates } from "@/lib/admin/list-all-certificates";

export const GET = adminRoute(async (request, { user, now }) => {
  const params = parseAdminCertificateListParams(new URL(request.url).searchParams);
  return Response.json(await listAllCertificates(user, params, now));
});
