import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SERVER_TYPES } from "@/lib/downloads/build-download-bundle";
import { downloadCertificate } from "@/lib/downloads/download-certificate";
import { INCLUDES_PRIVATE_KEY_HEADER, KEYSTORE_PASSWORD_HEADER } from "@/lib/downloads/download-headers";
import { jsonError } from "@/lib/http/json-response";
import { lookupIdParams } from "@/lib/http/lookup-id-params";
import { userRoute } from "@/lib/http/user-route";

const downloadQuery = z.object({ type: z.enum(SERVER_TYPES) });

/**
 * GET /api/certificates/<id>/download?type=nginx|apache|iis|tomcat|pem: the zip for that
 * server. For IIS and Tomcat the generated keystore password is returned once, in the
 * X-Keystore-Password header of this same response (never cached, never stored): the
 * console reads it and shows it with a copy button. One request means the password never
 * has to be kept on the server between two steps. A failure is logged without its message,
 * which could quote the key or the password.
 */
export const GET = userRoute(
  { params: lookupIdParams, query: downloadQuery, redactErrorMessages: true },
  async (_request, { user, params, query, ip, now }) => {
    const result = await downloadCertificate({
      ownerId: user.id,
      certificateId: params.id,
      serverType: query.type,
      actorId: user.id,
      ip,
      now,
    });
    if (!result.ok) return jsonError("CONFLICT", (await getTranslations("downloads"))(`errors.${result.reason}`));
    const headers = new Headers({
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${result.fileName}"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`,
      "Content-Length": String(result.zip.byteLength),
      "Cache-Control": "no-store",
      [INCLUDES_PRIVATE_KEY_HEADER]: result.includesPrivateKey ? "true" : "false",
    });
    if (result.password) headers.set(KEYSTORE_PASSWORD_HEADER, result.password);
    return new Response(Buffer.from(result.zip), { status: 200, headers });
  },
);
