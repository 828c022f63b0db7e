import { getCurrentUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { jsonError } from "@/lib/http/json-response";
import { getCertificateDeployment } from "@/lib/resources/get-certificate-deployment";
import { isLookupId } from "@/lib/text/storable-text";

/** GET /api/certificates/<id>/deployment: resources prompt, downloads and deployment history of one's own certificate. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const { id } = await params;
  if (!isLookupId(id)) return jsonError("NOT_FOUND");
  const deployment = await getCertificateDeployment(user.id, id, await now());
  return deployment ? Response.json(deployment) : jsonError("NOT_FOUND");
}
