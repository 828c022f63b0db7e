import { getCurrentUser } from "@/lib/auth/session";
import { getCertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { now } from "@/lib/clock";
import { jsonError } from "@/lib/http/json-response";
import { isLookupId } from "@/lib/text/storable-text";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const { id } = await params;
  if (!isLookupId(id)) return jsonError("NOT_FOUND");
  const detail = await getCertificateDetail(user.id, id, await now());
  return detail ? Response.json(detail) : jsonError("NOT_FOUND");
}
