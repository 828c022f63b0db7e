import { AppError } from "@/lib/errors";
import { lookupIdParams } from "@/lib/http/lookup-id-params";
import { userRoute } from "@/lib/http/user-route";
import { getCertificateDeployment } from "@/lib/resources/get-certificate-deployment";

/** GET /api/certificates/<id>/deployment: resources prompt, downloads and deployment history of one's own certificate. */
export const GET = userRoute({ params: lookupIdParams }, async (_request, { user, params, now }) => {
  const deployment = await getCertificateDeployment(user.id, params.id, now);
  if (!deployment) throw new AppError("NOT_FOUND");
  return Response.json(deployment);
});
