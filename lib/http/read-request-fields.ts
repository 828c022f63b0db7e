import { readLimitedBody } from "@/lib/http/read-limited-body";

/** Why a body could not be read as fields, before any schema looked at it. */
export type FieldsFailure =
  | { kind: "TOO_LARGE"; maxBytes: number }
  | { kind: "UNSUPPORTED_TYPE" }
  | { kind: "MALFORMED" };

export type ReadFields = { ok: true; fields: unknown } | { ok: false; failure: FieldsFailure };

/**
 * A request body as the value a schema parses: JSON as it is, a form (multipart or
 * urlencoded) as a record of its first value per name, files read as text. At most
 * maxBytes are read. Parser errors are never passed on: they quote the body.
 */
export async function readRequestFields(request: Request, maxBytes: number): Promise<ReadFields> {
  const body = await readLimitedBody(request, maxBytes);
  if (!body.ok) return { ok: false, failure: { kind: "TOO_LARGE", maxBytes } };
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    try {
      return { ok: true, fields: JSON.parse(new TextDecoder().decode(body.bytes)) };
    } catch {
      return { ok: false, failure: { kind: "MALFORMED" } };
    }
  }
  if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    try {
      const form = await new Response(body.bytes, { headers: { "content-type": contentType } }).formData();
      // No prototype: a field named "__proto__" or "constructor" is a field like any other.
      const fields: Record<string, string> = Object.create(null);
      for (const [name, value] of form.entries()) {
        if (Object.hasOwn(fields, name)) continue;
        fields[name] = typeof value === "string" ? value : await value.text();
      }
      return { ok: true, fields };
    } catch {
      return { ok: false, failure: { kind: "MALFORMED" } };
    }
  }
  return { ok: false, failure: { kind: "UNSUPPORTED_TYPE" } };
}
