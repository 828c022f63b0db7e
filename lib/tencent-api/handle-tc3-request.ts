import "server-only";
import { randomUUID } from "node:crypto";
import { API_REQUESTS_PER_SECOND, admitApiRequest } from "@/lib/api-keys/admit-api-request";
import { findSigningKey } from "@/lib/api-keys/find-signing-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { logger } from "@/lib/logger";
import { appErrorToTc3 } from "@/lib/tencent-api/app-error-to-tc3";
import type { Tc3Action } from "@/lib/tencent-api/tc3-action";
import { TC3_ACTIONS } from "@/lib/tencent-api/tc3-actions";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { coerceQueryValues, parseTc3Params, unflattenQuery } from "@/lib/tencent-api/tc3-params";
import { tc3Failure, tc3Success } from "@/lib/tencent-api/tc3-response";
import { TC3_ORIGINAL_HOST_HEADER } from "@/lib/tencent-api/tc3-route";
import {
  isTc3SignatureValid,
  readTc3Credential,
  type Tc3CredentialProblem,
  type Tc3SignedRequest,
} from "@/lib/tencent-api/tc3-signature";
import { tc3Locale, tc3Translator } from "@/lib/tencent-api/tc3-translator";
import { formatTencentTime } from "@/lib/tencent-api/tencent-time";
import { findUnstorableText, isStorableText } from "@/lib/text/storable-text";

/** The original's SSL API version, the only one CertDesk answers. */
export const TC3_SSL_VERSION = "2019-12-05";
/** Far above any action's needs (an upload is three PEM fields of at most 64 KiB each). */
export const MAX_TC3_BODY_BYTES = 1024 * 1024;
/** The original's limit for GET requests. */
export const MAX_TC3_QUERY_BYTES = 32 * 1024;

export type Tc3Clock = {
  /** Real time (lib/clock.ts systemNow): signatures, keys and limits never follow the demo clock. */
  received: Date;
  /** The app's "now" for the business rules, read only once a request is let in. */
  now: () => Promise<Date>;
};

type Caller = { apiKeyId: string; ownerId: string };

/**
 * One call of the SSL API, answered as the original answers: always HTTP 200 and exactly
 * application/json, a RequestId in every answer, errors as Response.Error {Code, Message} in
 * the caller's X-TC-Language. Checks in this order, each refusal with its code: method,
 * action and version headers, body size, signature (Authorization, timestamp within 5 minutes,
 * the key, the HMAC over the raw body), then admission (replay, 20 requests a second per key),
 * scope (a read-only key may only read), parameters. Every call let in is in the audit log
 * with its key, whatever its outcome; refusals before that are logged only, so that unsigned
 * junk cannot fill the database.
 */
export async function handleTc3Request(request: Request, clock: Tc3Clock): Promise<Response> {
  const requestId = randomUUID();
  const locale = tc3Locale(request.headers.get("x-tc-language"));
  const t = await tc3Translator(locale);
  const actionName = request.headers.get("x-tc-action")?.trim() ?? "";
  const ip = clientIpFrom(request.headers);
  const client = request.headers.get("x-tc-requestclient")?.slice(0, 100) ?? null;
  const state: { caller: Caller | null } = { caller: null };
  let outcome = "ok";
  try {
    const fields = await answer(request, clock, state, t, locale);
    return tc3Success(fields, requestId);
  } catch (error) {
    const refusal = error instanceof Tc3Error ? error : isAppError(error) ? appErrorToTc3(error, t, locale) : null;
    if (!refusal) {
      logger.error({ err: error, requestId, action: actionName, apiKeyId: state.caller?.apiKeyId }, "API call failed");
      outcome = "InternalError";
      return tc3Failure("InternalError", t("tencentApi.errors.InternalError"), requestId);
    }
    outcome = refusal.code;
    logger.info(
      { requestId, action: actionName, code: refusal.code, apiKeyId: state.caller?.apiKeyId, ip, client },
      "API call refused",
    );
    return tc3Failure(
      refusal.code,
      refusal.options.message ?? t(`tencentApi.errors.${refusal.messageKey}`, refusal.values),
      requestId,
    );
  } finally {
    if (state.caller) {
      await recordApiCall({ ...state.caller, action: actionName, outcome, requestId, ip, client, at: clock.received });
    }
  }
}

async function answer(
  request: Request,
  clock: Tc3Clock,
  state: { caller: Caller | null },
  t: Awaited<ReturnType<typeof tc3Translator>>,
  locale: ReturnType<typeof tc3Locale>,
) {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "POST") throw new Tc3Error("UnsupportedProtocol");
  const action = findAction(request.headers);
  if (request.headers.get("x-tc-token")) throw new Tc3Error("AuthFailure.TokenFailure");

  const url = new URL(request.url);
  const rawQuery = url.search.slice(1);
  let body = new Uint8Array();
  if (method === "POST") {
    const read = await readLimitedBody(request, MAX_TC3_BODY_BYTES);
    if (!read.ok) throw new Tc3Error("RequestSizeLimitExceeded", { maxKiB: MAX_TC3_BODY_BYTES / 1024 });
    body = read.bytes;
  } else if (rawQuery.length > MAX_TC3_QUERY_BYTES) {
    throw new Tc3Error("RequestSizeLimitExceeded", { maxKiB: MAX_TC3_QUERY_BYTES / 1024 });
  }
  const signed: Tc3SignedRequest = {
    method,
    rawQuery,
    host: request.headers.get(TC3_ORIGINAL_HOST_HEADER) ?? request.headers.get("host") ?? "",
    header: (name) => request.headers.get(name),
    body,
  };

  const read = readTc3Credential(signed, clock.received);
  if (!read.ok) throw credentialRefusal(read.problem, clock.received);
  const { credential } = read;
  const { secretId } = credential.authorization;
  const key = secretId.length <= 64 && isStorableText(secretId) ? await findSigningKey(secretId, clock.received) : null;
  if (!key) throw new Tc3Error("AuthFailure.SecretIdNotFound");
  if (!isTc3SignatureValid(signed, credential, key.secretKey)) throw new Tc3Error("AuthFailure.SignatureFailure");

  const admission = await admitApiRequest({
    apiKeyId: key.id,
    signature: credential.authorization.signature,
    action: action.name,
    writes: action.access === "write",
    timestamp: credential.timestamp,
    ip: clientIpFrom(request.headers),
    now: clock.received,
  });
  if (!admission.ok) {
    if (admission.reason === "KEY_UNUSABLE") throw new Tc3Error("AuthFailure.SecretIdNotFound");
    if (admission.reason === "RATE_LIMITED") {
      throw new Tc3Error("RequestLimitExceeded", { limit: API_REQUESTS_PER_SECOND });
    }
    throw new Tc3Error("AuthFailure.SignatureFailure", {}, { messageKey: "replayed" });
  }
  state.caller = { apiKeyId: key.id, ownerId: key.ownerId };
  if (action.access === "write" && key.scope === "READ_ONLY") {
    throw new Tc3Error("UnauthorizedOperation", { action: action.name });
  }

  const input =
    method === "GET" ? coerceQueryValues(action.params, unflattenQuery(url.searchParams)) : readJson(request, body);
  const unstorable = findUnstorableText(input);
  if (unstorable !== null) throw new Tc3Error("InvalidParameterValue", { name: unstorable || "(body)" });
  const { params, unknownFields } = parseTc3Params(action.params, input);
  if (unknownFields.length > 0) {
    logger.info({ action: action.name, unknownFields: unknownFields.slice(0, 20) }, "API call ignored unknown fields");
  }
  return action.run(params, {
    ownerId: key.ownerId,
    apiKeyId: key.id,
    signature: credential.authorization.signature,
    ip: clientIpFrom(request.headers),
    now: await clock.now(),
    locale,
    t,
  });
}

function findAction(headers: Headers): Tc3Action {
  const name = headers.get("x-tc-action")?.trim();
  if (!name) throw new Tc3Error("MissingParameter", { name: "X-TC-Action" }, { messageKey: "missingHeader" });
  const version = headers.get("x-tc-version")?.trim();
  if (!version) throw new Tc3Error("MissingParameter", { name: "X-TC-Version" }, { messageKey: "missingHeader" });
  if (version !== TC3_SSL_VERSION) {
    throw new Tc3Error("NoSuchVersion", { supported: TC3_SSL_VERSION });
  }
  const action = Object.hasOwn(TC3_ACTIONS, name) ? TC3_ACTIONS[name] : undefined;
  // Neither the action nor the version is quoted back: they are the caller's text.
  if (!action) throw new Tc3Error("InvalidAction");
  return action;
}

function credentialRefusal(problem: Tc3CredentialProblem, received: Date): Tc3Error {
  switch (problem) {
    case "INVALID_AUTHORIZATION":
      return new Tc3Error("AuthFailure.InvalidAuthorization");
    case "UNSIGNED_PAYLOAD":
      return new Tc3Error("AuthFailure.InvalidAuthorization", {}, { messageKey: "unsignedPayload" });
    case "TIMESTAMP_MISSING":
      return new Tc3Error("MissingParameter", { name: "X-TC-Timestamp" }, { messageKey: "missingHeader" });
    case "TIMESTAMP_MALFORMED":
      return new Tc3Error("InvalidParameterValue", { name: "X-TC-Timestamp" });
    case "SIGNATURE_EXPIRED":
      return new Tc3Error("AuthFailure.SignatureExpire", { serverTime: formatTencentTime(received) });
    case "SCOPE_DATE_MISMATCH":
      return new Tc3Error("AuthFailure.SignatureFailure", {}, { messageKey: "scopeDate" });
  }
}

function readJson(request: Request, body: Uint8Array): unknown {
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") throw new Tc3Error("InvalidParameter", {}, { messageKey: "contentType" });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new Tc3Error("InvalidParameter", {}, { messageKey: "bodyNotJson" });
  }
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Tc3Error("InvalidParameter", {}, { messageKey: "bodyNotJson" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Tc3Error("InvalidParameter", {}, { messageKey: "bodyNotJson" });
  }
  return value;
}

/** The audit entry of a call that was let in: who (the key's owner), which key, what, and how it ended. */
async function recordApiCall(
  call: Caller & {
    action: string;
    outcome: string;
    requestId: string;
    ip: string;
    client: string | null;
    at: Date;
  },
): Promise<void> {
  try {
    await recordAudit(db, {
      actorId: call.ownerId,
      action: "api.call",
      targetType: "ApiKey",
      targetId: call.apiKeyId,
      after: { action: call.action, outcome: call.outcome, requestId: call.requestId, client: call.client },
      ip: call.ip,
      at: call.at,
    });
  } catch (error) {
    logger.error({ err: error, requestId: call.requestId, apiKeyId: call.apiKeyId }, "API call not audited");
  }
}
