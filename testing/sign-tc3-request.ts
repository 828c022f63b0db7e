// Test support: signs a request the way the Python SDK and tccli do (the Host header exactly
// as sent, port included), written from the published algorithm rather than from the
// server's verifier, so the two can disagree. The Node SDK's own signer (its Sign.sign3) is
// the other oracle the tests use.
import { createHash, createHmac } from "node:crypto";

export type RequestToSign = {
  method: "GET" | "POST";
  host: string;
  /** GET: the query string as sent, without "?". */
  query?: string;
  contentType: string;
  body?: string | Uint8Array;
  timestamp: number;
  secretId: string;
  secretKey: string;
  service?: string;
  /** Extra signed headers (lower-case name → value), after content-type and host. */
  extraSignedHeaders?: Record<string, string>;
};

const hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

export function signTc3Request(request: RequestToSign): string {
  const service = request.service ?? "ssl";
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const headers: [string, string][] = [
    ["content-type", request.contentType],
    ["host", request.host],
    ...Object.entries(request.extraSignedHeaders ?? {}),
  ];
  const signedHeaders = headers.map(([name]) => name).join(";");
  const canonicalRequest = [
    request.method,
    "/",
    request.method === "GET" ? (request.query ?? "") : "",
    headers.map(([name, value]) => `${name}:${value}\n`).join(""),
    signedHeaders,
    hex(request.method === "GET" ? "" : (request.body ?? "")),
  ].join("\n");
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", String(request.timestamp), scope, hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(`TC3${request.secretKey}`, date), service), "tc3_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return `TC3-HMAC-SHA256 Credential=${request.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
