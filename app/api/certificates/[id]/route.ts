import { getCertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { AppError } from "@/lib/errors";
import { lookupIdParams } from "@/lib/http/lookup-id-params";
import { userRoute } from "@/lib/http/user-route";

export const GET = userRoute({ params: lookupIdParams }, async (_request, { user, params, now }) => {
  const detail = await getCertificateDetail(user.id, params.id, now);
  if (!detail) throw new AppError("NOT_FOUND");
  return Response.json(detail);
});
