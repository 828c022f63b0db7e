import { now, systemNow } from "@/lib/clock";
import { handleTc3Request } from "@/lib/tencent-api/handle-tc3-request";

/**
 * The SSL API (version 2019-12-05) as the original's SDKs, CLI and Terraform provider call
 * it: they POST (or GET) to "/", which proxy.ts rewrites here when X-TC-Action is present.
 * The caller is the API key that signed the request (TC3-HMAC-SHA256), never a session.
 */
export function POST(request: Request): Promise<Response> {
  return handleTc3Request(request, { received: systemNow(), now });
}

export function GET(request: Request): Promise<Response> {
  return handleTc3Request(request, { received: systemNow(), now });
}
