// The original's envelope: always HTTP 200 and exactly `Content-Type: application/json` (the
// Python SDK reads `Response.Error` only then; with a charset it would take an error for an
// empty success), the action's fields and a RequestId inside "Response", or an "Error" there.
import type { Tc3ErrorCode } from "@/lib/tencent-api/tc3-errors";

export const TC3_CONTENT_TYPE = "application/json";

export type Tc3Fields = Record<string, unknown>;

export function tc3Success(fields: Tc3Fields, requestId: string): Response {
  return tc3Json({ Response: { ...fields, RequestId: requestId } });
}

export function tc3Failure(code: Tc3ErrorCode, message: string, requestId: string): Response {
  return tc3Json({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
}

function tc3Json(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": TC3_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
