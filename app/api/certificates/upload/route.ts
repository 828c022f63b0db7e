import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import type { UploadRejection } from "@/lib/certificates/upload-certificate";
import { uploadCertificate } from "@/lib/certificates/upload-certificate";
import { MAX_UPLOAD_ALIAS_LENGTH, MAX_UPLOAD_BODY_BYTES } from "@/lib/certificates/upload-limits";
import {
  type UploadErrorCode,
  type UploadFormField,
  type UploadProblem,
  type UploadResponse,
  uploadProblemValues,
} from "@/lib/certificates/upload-problems";
import { now } from "@/lib/clock";
import { clientIpFrom } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/json-response";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { logger } from "@/lib/logger";
import type { UploadedCertificateWarning } from "@/lib/pem/uploaded-certificate-errors";

const fieldsSchema = z.object({
  certificatePem: z.string().default(""),
  chainPem: z.string().optional(),
  privateKeyPem: z.string().optional(),
  alias: z.string().optional(),
});
type UploadFields = z.infer<typeof fieldsSchema>;

/**
 * POST /api/certificates/upload: host one's own certificate. JSON ({certificatePem,
 * chainPem?, privateKeyPem?, alias?}) or multipart/form-data with the same names (text or
 * files). Answers 201 with the new id, 422 with every problem by field and code (each with
 * a message saying what to fix), 409 when it is already uploaded, 413 over the size limit,
 * 400/415 for a body that is not a form. Never 500 for anything the caller sent; and
 * nothing about the body is ever logged, as it may hold a private key.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const t = await getTranslations("upload");
  const translateProblem = (problem: Omit<UploadProblem, "message">, kind: "errors" | "warnings"): UploadProblem => ({
    ...problem,
    message: t(`${kind}.${problem.code}`, uploadProblemValues(problem.params, formatUtc)),
  });
  const refuse = (status: number, code: UploadErrorCode, field: UploadFormField | null, params = {}) => {
    const problem = translateProblem({ field, code, params }, "errors");
    const body: UploadResponse = { ok: false, code, message: problem.message, errors: [problem] };
    return Response.json(body, { status });
  };

  const body = await readLimitedBody(request, MAX_UPLOAD_BODY_BYTES);
  if (!body.ok) return refuse(413, "BODY_TOO_LARGE", null, { maxBytes: MAX_UPLOAD_BODY_BYTES });
  const fields = await readFields(request.headers.get("content-type") ?? "", body.bytes);
  if (fields === "UNSUPPORTED_TYPE") return refuse(415, "BODY_MALFORMED", null);
  if (!fields) return refuse(400, "BODY_MALFORMED", null);
  const alias = fields.alias?.trim() ?? "";
  if (alias.length > MAX_UPLOAD_ALIAS_LENGTH) {
    return refuse(422, "ALIAS_TOO_LONG", "alias", { max: MAX_UPLOAD_ALIAS_LENGTH });
  }

  try {
    const result = await uploadCertificate({
      ownerId: user.id,
      certificatePem: fields.certificatePem,
      chainPem: fields.chainPem,
      privateKeyPem: fields.privateKeyPem,
      alias: alias || undefined,
      actorId: user.id,
      ip: clientIpFrom(request.headers),
      now: await now(),
    });
    if (result.ok) {
      const response: UploadResponse = {
        ok: true,
        certificateId: result.certificateId,
        warnings: result.warnings.map((warning: UploadedCertificateWarning) => translateProblem(warning, "warnings")),
      };
      return Response.json(response, { status: 201 });
    }
    const errors = result.errors.map((error: UploadRejection) => translateProblem(error, "errors"));
    const duplicate = result.errors.some((error) => error.code === "ALREADY_UPLOADED");
    const response: UploadResponse = {
      ok: false,
      code: duplicate ? "ALREADY_UPLOADED" : "UPLOAD_REJECTED",
      message: t("rejected", { count: errors.length }),
      errors,
    };
    return Response.json(response, { status: duplicate ? 409 : 422 });
  } catch (error) {
    // Only the error's type and message: a database error could otherwise echo the row.
    logger.error(
      { errorName: error instanceof Error ? error.name : typeof error, userId: user.id },
      "certificate upload failed",
    );
    return Response.json({ ok: false, code: "UNEXPECTED", message: t("unexpected"), errors: [] }, { status: 500 });
  }
}

async function readFields(
  contentType: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<UploadFields | "UNSUPPORTED_TYPE" | null> {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  let raw: unknown;
  if (type === "application/json") {
    try {
      raw = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      // The parser's message quotes the body, which may be a private key: never surface it.
      return null;
    }
  } else if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    try {
      const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
      const record: Record<string, string> = {};
      for (const name of ["certificatePem", "chainPem", "privateKeyPem", "alias"] as const) {
        const value = form.get(name);
        if (typeof value === "string") record[name] = value;
        else if (value) record[name] = await value.text();
      }
      raw = record;
    } catch {
      return null;
    }
  } else {
    return "UNSUPPORTED_TYPE";
  }
  const parsed = fieldsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

// API answers name instants in UTC; the console shows them in the viewer's zone.
function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
