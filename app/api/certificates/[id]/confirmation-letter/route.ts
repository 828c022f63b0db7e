import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { BodyFailure } from "@/lib/http/guard-route";
import { lookupIdParams } from "@/lib/http/lookup-id-params";
import { userRoute } from "@/lib/http/user-route";
import { MAX_LETTER_BODY_BYTES, MAX_LETTER_BYTES } from "@/lib/organization-review/confirmation-letter-limits";
import { readConfirmationLetter } from "@/lib/organization-review/read-confirmation-letter";
import { uploadConfirmationLetter } from "@/lib/organization-review/upload-confirmation-letter";

// The letter travels as base64 in JSON: the body reader of the routes reads form files as text.
const letterBody = z.object({ letterBase64: z.base64().max(MAX_LETTER_BODY_BYTES) });

/**
 * POST /api/certificates/<id>/confirmation-letter {letterBase64}: the owner's confirmation
 * letter for an OV/EV certificate awaiting it (or rejected). 200 when stored and sent for
 * review; 422 {code, message} when refused (too small, too large, not a PDF/JPEG/PNG by its
 * content); 409 when the certificate is not awaiting a letter. Never logged: it is a document.
 */
export const POST = userRoute(
  {
    params: lookupIdParams,
    body: { schema: letterBody, maxBytes: MAX_LETTER_BODY_BYTES, refuse },
    redactErrorMessages: true,
  },
  async (_request, { user, params, body, ip, now }) => {
    const result = await uploadConfirmationLetter({
      ownerId: user.id,
      certificateId: params.id,
      bytes: new Uint8Array(Buffer.from(body.letterBase64, "base64")),
      actorId: user.id,
      ip,
      now,
    });
    if (result.ok) return Response.json({ ok: true, certificateId: result.certificateId });
    const t = await getTranslations("organizationReview.letter.problem");
    return Response.json({ ok: false, code: result.code, message: t(result.code, result.params) }, { status: 422 });
  },
);

/**
 * GET /api/certificates/<id>/confirmation-letter: the letter, for its owner or an
 * administrator (readConfirmationLetter decides; anyone else gets 404). Sent as an
 * attachment of its checked type, never rendered by the browser as a page of this site.
 */
export const GET = userRoute({ params: lookupIdParams }, async (_request, { user, params }) => {
  const letter = await readConfirmationLetter({ viewer: user, certificateId: params.id });
  return new Response(Buffer.from(letter.bytes), {
    status: 200,
    headers: {
      "Content-Type": letter.contentType,
      "Content-Disposition": `attachment; filename="${letter.fileName}"`,
      "Content-Length": String(letter.bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
});

async function refuse(failure: BodyFailure): Promise<Response> {
  const t = await getTranslations("organizationReview.letter.problem");
  if (failure.kind === "TOO_LARGE") {
    const message = t("LETTER_TOO_LARGE", { bytes: failure.maxBytes, maxBytes: MAX_LETTER_BYTES });
    return Response.json({ ok: false, code: "LETTER_TOO_LARGE", message }, { status: 413 });
  }
  const errors = await getTranslations("errors");
  return Response.json({ ok: false, code: "INVALID_INPUT", message: errors("INVALID_INPUT") }, { status: 400 });
}
