import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { SERVER_TYPES } from "@/lib/downloads/build-download-bundle";
import { downloadCertificate } from "@/lib/downloads/download-certificate";
import { INCLUDES_PRIVATE_KEY_HEADER, KEYSTORE_PASSWORD_HEADER } from "@/lib/downloads/download-headers";
import { isAppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/json-response";
import { logger } from "@/lib/logger";
import { isLookupId } from "@/lib/text/storable-text";

const typeSchema = z.enum(SERVER_TYPES);

/**
 * GET /api/certificates/<id>/download?type=nginx|apache|iis|tomcat|pem: the zip for that
 * server. For IIS and Tomcat the generated keystore password is returned once, in the
 * X-Keystore-Password header of this same response (never cached, never stored): the
 * console reads it and shows it with a copy button. One request means the password never
 * has to be kept on the server between two steps.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const t = await getTranslations("downloads");
  const { id } = await params;
  if (!isLookupId(id)) return jsonError("NOT_FOUND");
  const type = typeSchema.safeParse(request.nextUrl.searchParams.get("type"));
  if (!type.success) return jsonError("INVALID_INPUT", t("errors.type", { types: SERVER_TYPES.join(", ") }));

  try {
    const result = await downloadCertificate({
      ownerId: user.id,
      certificateId: id,
      serverType: type.data,
      actorId: user.id,
      ip: clientIpFrom(request.headers),
      now: await now(),
    });
    if (!result.ok) return jsonError("CONFLICT", t(`errors.${result.reason}`));
    const headers = new Headers({
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${result.fileName}"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`,
      "Content-Length": String(result.zip.byteLength),
      "Cache-Control": "no-store",
      [INCLUDES_PRIVATE_KEY_HEADER]: result.includesPrivateKey ? "true" : "false",
    });
    if (result.password) headers.set(KEYSTORE_PASSWORD_HEADER, result.password);
    return new Response(Buffer.from(result.zip), { status: 200, headers });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return jsonError("NOT_FOUND");
    // Neither the key nor the password is in scope of this log line: only ids and the type.
    logger.error({ err: error, certificateId: id, serverType: type.data, userId: user.id }, "download failed");
    return Response.json({ code: "UNEXPECTED", message: t("errors.unexpected") }, { status: 500 });
  }
}
