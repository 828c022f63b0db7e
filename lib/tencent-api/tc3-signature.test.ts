import Sign from "tencentcloud-sdk-nodejs/tencentcloud/common/sign";
import { describe, expect, it } from "vitest";
import {
  isTc3SignatureValid,
  parseTc3Authorization,
  readTc3Credential,
  stripPort,
  type Tc3SignedRequest,
} from "@/lib/tencent-api/tc3-signature";
import { signTc3Request } from "@/testing/sign-tc3-request";

const SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
const SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
const NOW = new Date("2026-06-15T08:00:00Z");
const TIMESTAMP = NOW.getTime() / 1000;
// As the Python SDK sends it (non-ASCII escaped); the Node SDK sends JSON.stringify's form.
const BODY = '{"Limit":5,"CertificateStatus":[1,3],"SearchKey":"\\u4e2d\\u6587"}';
const NODE_BODY = JSON.stringify(JSON.parse(BODY));

function request(overrides: Partial<Tc3SignedRequest> & { headers?: Record<string, string> } = {}): Tc3SignedRequest {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-tc-timestamp": String(TIMESTAMP),
    ...overrides.headers,
  };
  return {
    method: "POST",
    rawQuery: "",
    host: "127.0.0.1:3000",
    body: new TextEncoder().encode(NODE_BODY),
    ...overrides,
    header: (name) => headers[name.toLowerCase()] ?? null,
  };
}

function credentialOf(signed: Tc3SignedRequest) {
  const read = readTc3Credential(signed, NOW);
  if (!read.ok) throw new Error(`credential refused: ${read.problem}`);
  return read.credential;
}

/** The Node SDK's own signer, as it signs a POST to http://127.0.0.1:3000 (service "127", host without port). */
function nodeSdkAuthorization(options: { body?: string; timestamp?: number; method?: "GET" | "POST"; url?: string }) {
  return Sign.sign3({
    method: options.method ?? "POST",
    url: options.url ?? "http://127.0.0.1:3000/",
    payload: options.method === "GET" ? null : JSON.parse(options.body ?? BODY),
    timestamp: options.timestamp ?? TIMESTAMP,
    service: "127",
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    multipart: false,
    boundary: "",
    headers: {
      "Content-Type": options.method === "GET" ? "application/x-www-form-urlencoded" : "application/json",
    },
  });
}

describe("parseTc3Authorization", () => {
  it("reads the credential scope, the signed headers and the signature", () => {
    const parsed = parseTc3Authorization(nodeSdkAuthorization({}));
    expect(parsed).toMatchObject({ secretId: SECRET_ID, date: "2026-06-15", service: "127" });
    expect(parsed?.signedHeaders).toEqual(["content-type", "host"]);
    expect(parsed?.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps a service label with a port in it (the Node SDK's localhost:3000)", () => {
    const header = `TC3-HMAC-SHA256 Credential=${SECRET_ID}/2026-06-15/localhost:3000/tc3_request, SignedHeaders=content-type;host, Signature=${"a".repeat(64)}`;
    expect(parseTc3Authorization(header)?.service).toBe("localhost:3000");
  });

  it.each([
    ["missing", null],
    ["another algorithm", `HMAC-SHA256 Credential=${SECRET_ID}/2026-06-15/ssl/tc3_request, Signature=x`],
    [
      "a short signature",
      `TC3-HMAC-SHA256 Credential=a/2026-06-15/ssl/tc3_request, SignedHeaders=content-type;host, Signature=abc`,
    ],
    [
      "host not signed",
      `TC3-HMAC-SHA256 Credential=a/2026-06-15/ssl/tc3_request, SignedHeaders=content-type, Signature=${"a".repeat(64)}`,
    ],
    [
      "an empty signed header",
      `TC3-HMAC-SHA256 Credential=a/2026-06-15/ssl/tc3_request, SignedHeaders=content-type;;host, Signature=${"a".repeat(64)}`,
    ],
    ["junk", "Bearer x"],
  ])("refuses %s", (_name, header) => {
    expect(parseTc3Authorization(header)).toBeNull();
  });
});

describe("readTc3Credential", () => {
  const authorization = nodeSdkAuthorization({});
  const read = (headers: Record<string, string>, now = NOW) =>
    readTc3Credential(request({ headers: { authorization, ...headers } }), now);

  it("accepts a timestamp up to 300 s either side of now", () => {
    expect(read({}, new Date(NOW.getTime() + 300_000)).ok).toBe(true);
    expect(read({}, new Date(NOW.getTime() - 300_000)).ok).toBe(true);
  });

  it("refuses beyond 300 s of skew, a missing or malformed timestamp, and a scope of another day", () => {
    expect(read({}, new Date(NOW.getTime() + 301_000))).toEqual({ ok: false, problem: "SIGNATURE_EXPIRED" });
    expect(read({}, new Date(NOW.getTime() - 600_000))).toEqual({ ok: false, problem: "SIGNATURE_EXPIRED" });
    expect(read({ "x-tc-timestamp": "" })).toEqual({ ok: false, problem: "TIMESTAMP_MISSING" });
    expect(read({ "x-tc-timestamp": "1.5e9" })).toEqual({ ok: false, problem: "TIMESTAMP_MALFORMED" });
    const lateEvening = new Date("2026-06-15T23:59:50Z");
    const tomorrowsScope = nodeSdkAuthorization({ timestamp: lateEvening.getTime() / 1000 }).replace(
      "2026-06-15",
      "2026-06-16",
    );
    expect(
      readTc3Credential(
        request({ headers: { authorization: tomorrowsScope, "x-tc-timestamp": String(lateEvening.getTime() / 1000) } }),
        lateEvening,
      ),
    ).toEqual({ ok: false, problem: "SCOPE_DATE_MISMATCH" });
  });

  it("refuses unsigned payloads", () => {
    expect(read({ "x-tc-content-sha256": "UNSIGNED-PAYLOAD" })).toEqual({ ok: false, problem: "UNSIGNED_PAYLOAD" });
  });
});

describe("isTc3SignatureValid", () => {
  it("accepts the Node SDK's signature (service 127, host signed without its port)", () => {
    const signed = request({ headers: { authorization: nodeSdkAuthorization({}) } });
    expect(isTc3SignatureValid(signed, credentialOf(signed), SECRET_KEY)).toBe(true);
  });

  it("accepts the Python SDK's (service ssl, host with its port) and tccli's (host with http://)", () => {
    for (const host of ["127.0.0.1:3000", "http://127.0.0.1:3000", "certs.example.com"]) {
      const authorization = signTc3Request({
        method: "POST",
        host,
        contentType: "application/json",
        body: BODY,
        timestamp: TIMESTAMP,
        secretId: SECRET_ID,
        secretKey: SECRET_KEY,
      });
      const signed = request({ host, body: new TextEncoder().encode(BODY), headers: { authorization } });
      expect(isTc3SignatureValid(signed, credentialOf(signed), SECRET_KEY), host).toBe(true);
    }
  });

  it("accepts values lower-cased as the signing guide does, and extra signed headers", () => {
    const authorization = signTc3Request({
      method: "POST",
      host: "127.0.0.1:3000",
      contentType: "application/json; charset=utf-8",
      body: BODY,
      timestamp: TIMESTAMP,
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      extraSignedHeaders: { "x-tc-action": "describecertificates" },
    });
    const signed = request({
      body: new TextEncoder().encode(BODY),
      headers: {
        authorization,
        "content-type": "application/json; charset=UTF-8",
        "x-tc-action": "DescribeCertificates",
      },
    });
    expect(isTc3SignatureValid(signed, credentialOf(signed), SECRET_KEY)).toBe(true);
  });

  it("accepts a GET with its query signed as received", () => {
    const query = "Limit=5&CertificateStatus.0=1&SearchKey=%E4%B8%AD";
    const authorization = nodeSdkAuthorization({ method: "GET", url: `http://127.0.0.1:3000/?${query}` });
    const signed = request({
      method: "GET",
      rawQuery: query,
      body: new Uint8Array(),
      headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(isTc3SignatureValid(signed, credentialOf(signed), SECRET_KEY)).toBe(true);
    const altered = request({ ...signed, rawQuery: query.replace("Limit=5", "Limit=6"), headers: {} });
    expect(isTc3SignatureValid({ ...altered, header: signed.header }, credentialOf(signed), SECRET_KEY)).toBe(false);
  });

  it("refuses a wrong secret key, a body altered by one byte, another host and another method", () => {
    const authorization = signTc3Request({
      method: "POST",
      host: "127.0.0.1:3000",
      contentType: "application/json",
      body: BODY,
      timestamp: TIMESTAMP,
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
    });
    const signed = request({ body: new TextEncoder().encode(BODY), headers: { authorization } });
    const credential = credentialOf(signed);
    expect(isTc3SignatureValid(signed, credential, SECRET_KEY)).toBe(true);
    expect(isTc3SignatureValid(signed, credential, `${SECRET_KEY.slice(0, -1)}X`)).toBe(false);
    const body = new TextEncoder().encode(BODY.replace('"Limit":5', '"Limit":6'));
    expect(isTc3SignatureValid({ ...signed, body }, credential, SECRET_KEY)).toBe(false);
    // Re-serialised JSON (same object, other bytes) is another body: the raw bytes are what is signed.
    const reserialised = new TextEncoder().encode(JSON.stringify(JSON.parse(BODY)));
    expect(isTc3SignatureValid({ ...signed, body: reserialised }, credential, SECRET_KEY)).toBe(false);
    expect(isTc3SignatureValid({ ...signed, host: "127.0.0.2:3000" }, credential, SECRET_KEY)).toBe(false);
    expect(isTc3SignatureValid({ ...signed, method: "GET" }, credential, SECRET_KEY)).toBe(false);
  });

  it("refuses a signature made for another timestamp", () => {
    const signed = request({ headers: { authorization: nodeSdkAuthorization({ timestamp: TIMESTAMP - 1 }) } });
    expect(isTc3SignatureValid(signed, credentialOf(signed), SECRET_KEY)).toBe(false);
  });
});

describe("stripPort", () => {
  it.each([
    ["127.0.0.1:3000", "127.0.0.1"],
    ["[::1]:3000", "[::1]"],
    ["http://127.0.0.1:3000", "http://127.0.0.1"],
    ["certs.example.com", "certs.example.com"],
  ])("%s → %s", (host, stripped) => {
    expect(stripPort(host)).toBe(stripped);
  });
});
