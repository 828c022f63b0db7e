import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { jsonError } from "@/lib/http/json-response";
import { listCloudResources } from "@/lib/resources/list-cloud-resources";
import { isStorableText } from "@/lib/text/storable-text";

/** GET /api/resources[?certificateId=…]: the caller's cloud resources. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const requested = request.nextUrl.searchParams.get("certificateId")?.slice(0, 64) ?? "";
  const certificateId = requested && isStorableText(requested) ? requested : undefined;
  return Response.json(await listCloudResources(user.id, { certificateId }));
}
