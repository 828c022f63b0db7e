import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { parseCertificateListParams } from "@/lib/certificates/certificate-list-params";
import { listCertificates } from "@/lib/certificates/list-certificates";
import { now } from "@/lib/clock";
import { jsonError } from "@/lib/http/json-response";

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const params = parseCertificateListParams(request.nextUrl.searchParams);
  return Response.json(await listCertificates(user.id, params, await now()));
}
