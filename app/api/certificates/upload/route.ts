import { getTranslations } from "next-intl/server";
import type { UploadRejection } from "@/lib/certificates/upload-certificate";
import { uploadCertificate } from "@/lib/certificates/upload-certificate";
import { uploadFieldsProblem, uploadFieldsSchema } from "@/lib/certificates/upload-fields";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/certificates/upload-limits";
import {
  type UploadErrorCode,
  type UploadFormField,
  type UploadProblem,
  type UploadResponse,
  uploadProblemValues,
} from "@/lib/certificates/upload-problems";
import type { BodyFailure } from "@/lib/http/guard-route";
import { userRoute } from "@/lib/http/user-route";
import type { UploadedCertificateWarning } from "@/lib/pem/uploaded-certificate-errors";

/**
 * POST /api/certificates/upload: host one's own certificate. JSON ({certificatePem,
 * chainPem?, privateKeyPem?, alias?}) or multipart/form-data with the same names (text or
 * files). Answers 201 with the new id, 422 with every problem by field and code (each with
 * a message saying what to fix), 409 when it is already uploaded, 413 over the size limit,
 * 400/415 for a body that is not a form, 403 without this site's Origin (scripts send
 * `Origin: <the console's URL>`). Never 500 for anything the caller sent; and nothing about
 * the body is ever logged, as it may hold a private key.
 */
export const POST = userRoute(
  {
    body: { schema: uploadFieldsSchema, maxBytes: MAX_UPLOAD_BODY_BYTES, refuse: refuseBody },
    redactErrorMessages: true,
  },
  async (_request, { user, body: fields, ip, now }) => {
    const translate = await translator();
    const result = await uploadCertificate({
      ownerId: user.id,
      certificatePem: fields.certificatePem,
      chainPem: fields.chainPem,
      privateKeyPem: fields.privateKeyPem,
      alias: fields.alias || undefined,
      actorId: user.id,
      ip,
      now,
    });
    if (result.ok) {
      const response: UploadResponse = {
        ok: true,
        certificateId: result.certificateId,
        warnings: result.warnings.map((warning: UploadedCertificateWarning) => translate(warning, "warnings")),
      };
      return Response.json(response, { status: 201 });
    }
    const errors = result.errors.map((error: UploadRejection) => translate(error, "errors"));
    const duplicate = result.errors.some((error) => error.code === "ALREADY_UPLOADED");
    const response: UploadResponse = {
      ok: false,
      code: duplicate ? "ALREADY_UPLOADED" : "UPLOAD_REJECTED",
      message: (await getTranslations("upload"))("rejected", { count: errors.length }),
      errors,
    };
    return Response.json(response, { status: duplicate ? 409 : 422 });
  },
);

/** A body the route cannot use, answered in the upload's own shape (UploadResponse). */
async function refuseBody(failure: BodyFailure): Promise<Response> {
  const translate = await translator();
  const refuse = (status: number, code: UploadErrorCode, field: UploadFormField | null, params = {}) => {
    const problem = translate({ field, code, params }, "errors");
    const body: UploadResponse = { ok: false, code, message: problem.message, errors: [problem] };
    return Response.json(body, { status });
  };
  if (failure.kind === "TOO_LARGE") return refuse(413, "BODY_TOO_LARGE", null, { maxBytes: failure.maxBytes });
  if (failure.kind === "UNSUPPORTED_TYPE") return refuse(415, "BODY_MALFORMED", null);
  const problem = failure.kind === "INVALID" ? uploadFieldsProblem(failure.issues) : null;
  return problem ? refuse(422, problem.code, problem.field, problem.params) : refuse(400, "BODY_MALFORMED", null);
}

async function translator() {
  const t = await getTranslations("upload");
  return (problem: Omit<UploadProblem, "message">, kind: "errors" | "warnings"): UploadProblem => ({
    ...problem,
    message: t(`${kind}.${problem.code}`, uploadProblemValues(problem.params, formatUtc)),
  });
}

// API answers name instants in UTC; the console shows them in the viewer's zone.
function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
