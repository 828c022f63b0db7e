// TC3-HMAC-SHA256, the signature the original's SDKs, CLI and Terraform provider put on every
// request, checked on the server. Pure: the caller gives the request as received, the key's
// secret and `now`. The tolerances are what the official clients really send (README "API"):
// any service label in the credential scope (the Node SDK signs the first label of the
// endpoint, "127" for 127.0.0.1), the Host header as received or without its port (the Node
// SDK signs the host name alone, Python and tccli the header itself, tccli even with its
// "http://"), and a header value lower-cased or not (the signing guide lower-cases them, the
// SDKs do not). The body is hashed exactly as its bytes arrived, never re-serialised.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";
/** How far X-TC-Timestamp may be from the server's clock, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;
const REQUIRED_SIGNED_HEADERS = ["content-type", "host"];

export type Tc3Authorization = {
  secretId: string;
  /** The credential scope's date, YYYY-MM-DD (UTC). */
  date: string;
  /** The credential scope's service label, used as sent. */
  service: string;
  signedHeaders: string[];
  /** 64 lower-case hex digits. */
  signature: string;
};

/** A request as it reached the server: what the signature covers. */
export type Tc3SignedRequest = {
  method: string;
  /** The query string exactly as received, without "?" (GET requests sign it). */
  rawQuery: string;
  /** The Host the client sent (behind the console's rewrite: the original one, proxy.ts). */
  host: string;
  header: (name: string) => string | null;
  body: Uint8Array;
};

export type Tc3CredentialProblem =
  /** Authorization missing, malformed, another algorithm, or content-type/host not signed. */
  | "INVALID_AUTHORIZATION"
  | "TIMESTAMP_MISSING"
  | "TIMESTAMP_MALFORMED"
  /** Beyond MAX_CLOCK_SKEW_SECONDS. */
  | "SIGNATURE_EXPIRED"
  /** The scope's date is not the timestamp's (UTC) date. */
  | "SCOPE_DATE_MISMATCH"
  /** X-TC-Content-SHA256: UNSIGNED-PAYLOAD; CertDesk wants the body signed. */
  | "UNSIGNED_PAYLOAD";

export type Tc3Credential = { authorization: Tc3Authorization; timestamp: number };

/** Steps 1 and 2 of the check, before the key is looked up: the Authorization header and the timestamp. */
export function readTc3Credential(
  request: Pick<Tc3SignedRequest, "header">,
  now: Date,
): { ok: true; credential: Tc3Credential } | { ok: false; problem: Tc3CredentialProblem } {
  const authorization = parseTc3Authorization(request.header("authorization"));
  if (!authorization) return { ok: false, problem: "INVALID_AUTHORIZATION" };
  const timestampText = request.header("x-tc-timestamp")?.trim();
  if (!timestampText) return { ok: false, problem: "TIMESTAMP_MISSING" };
  if (!TIMESTAMP.test(timestampText)) return { ok: false, problem: "TIMESTAMP_MALFORMED" };
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, problem: "SIGNATURE_EXPIRED" };
  }
  if (utcDate(timestamp) !== authorization.date) return { ok: false, problem: "SCOPE_DATE_MISMATCH" };
  if (request.header("x-tc-content-sha256")?.trim().toUpperCase() === "UNSIGNED-PAYLOAD") {
    return { ok: false, problem: "UNSIGNED_PAYLOAD" };
  }
  return { ok: true, credential: { authorization, timestamp } };
}

export function parseTc3Authorization(header: string | null): Tc3Authorization | null {
  const match = header ? AUTHORIZATION.exec(header.trim()) : null;
  if (!match) return null;
  const [, secretId = "", date = "", service = "", signedHeaderList = "", signature = ""] = match;
  const signedHeaders = signedHeaderList.split(";");
  if (signedHeaders.some((name) => name === "")) return null;
  if (!REQUIRED_SIGNED_HEADERS.every((name) => signedHeaders.includes(name))) return null;
  return { secretId, date, service, signedHeaders, signature };
}

/**
 * Steps 4 to 7: the signature recomputed with the key's secret, compared in constant time,
 * for each way an official client may have written the host and the header values.
 */
export function isTc3SignatureValid(request: Tc3SignedRequest, credential: Tc3Credential, secretKey: string): boolean {
  const { authorization, timestamp } = credential;
  const expected = Buffer.from(authorization.signature, "hex");
  const payloadHash = sha256Hex(request.method.toUpperCase() === "GET" ? new Uint8Array() : request.body);
  const signingKey = deriveSigningKey(secretKey, authorization.date, authorization.service);
  for (const headers of canonicalHeaderVariants(request, authorization.signedHeaders)) {
    const canonicalRequest = [
      request.method.toUpperCase(),
      "/",
      request.method.toUpperCase() === "GET" ? request.rawQuery : "",
      headers,
      authorization.signedHeaders.join(";"),
      payloadHash,
    ].join("\n");
    const stringToSign = [
      TC3_ALGORITHM,
      String(timestamp),
      `${authorization.date}/${authorization.service}/tc3_request`,
      sha256Hex(canonicalRequest),
    ].join("\n");
    const actual = createHmac("sha256", signingKey).update(stringToSign).digest();
    if (timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

function deriveSigningKey(secretKey: string, date: string, service: string): Buffer {
  const kDate = createHmac("sha256", `TC3${secretKey}`).update(date).digest();
  const kService = createHmac("sha256", kDate).update(service).digest();
  return createHmac("sha256", kService).update("tc3_request").digest();
}

/**
 * The canonical header block as each client may have built it: the Host as received, then
 * without its port; every value as received, then lower-cased. At most four, duplicates dropped.
 */
function canonicalHeaderVariants(request: Tc3SignedRequest, signedHeaders: string[]): string[] {
  const hosts = unique([request.host.trim(), stripPort(request.host.trim())]);
  const variants: string[] = [];
  for (const host of hosts) {
    const asSent = signedHeaders
      .map((name) => `${name}:${(name === "host" ? host : (request.header(name) ?? "")).trim()}\n`)
      .join("");
    variants.push(asSent, asSent.toLowerCase());
  }
  return unique(variants);
}

/** "127.0.0.1:3000" → "127.0.0.1", "[::1]:3000" → "[::1]", "http://h:1" → "http://h". */
export function stripPort(host: string): string {
  return host.replace(/:\d+$/, "");
}

export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
