import { getCertificateTargetDeployments } from "@/lib/deployment-targets/get-certificate-target-deployments";
import { AppError } from "@/lib/errors";
import { lookupIdParams } from "@/lib/http/lookup-id-params";
import { userRoute } from "@/lib/http/user-route";

/** GET /api/certificates/<id>/target-deployments: one's own certificate's deployments to one's targets. */
export const GET = userRoute({ params: lookupIdParams }, async (_request, { user, params, now }) => {
  const deployments = await getCertificateTargetDeployments(user.id, params.id, now);
  if (!deployments) throw new AppError("NOT_FOUND");
  return Response.json(deployments);
});
