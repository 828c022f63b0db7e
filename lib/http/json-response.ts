import { type AppErrorCode, ERROR_STATUS } from "@/lib/errors";

/** The one shape of error our JSON routes return: a stable code and a human message. */
export function jsonError(code: AppErrorCode, message: string = code, headers?: HeadersInit): Response {
  return Response.json({ code, message }, { status: ERROR_STATUS[code], headers });
}
