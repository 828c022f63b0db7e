// Hostile input into every server action and every route handler: wrong types,
// malformed and oversize bodies (10 MB), XSS payloads, SQL fragments and odd Unicode
// (RTL override, zero-width, lone surrogates, NUL), each in place of one field of an
// otherwise valid call. Never an unexpected error (a 500), never an HTML answer, and
// a refused call leaves the database exactly as it was (no half-stored record). The
// entry points come from the source, as in the authorization matrix: a new one
// without hostile cases here fails the test.
import "@/testing/entry-point-test-setup";
import { randomUUID } from "node:crypto";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "@/testing/action-harness";
import type { OwnedObjects } from "@/testing/security/create-owned-objects";
import { toFormData } from "@/testing/to-form-data";

const factories = await import("@/testing/factories");
const { db } = await import("@/lib/db/client");
const { seedOwningCustomer } = await import("@/testing/seed-owning-customer");
const { listRouteHandlers, listServerActions } = await import("@/testing/security/list-entry-points");
const { fingerprintsAroundCalls } = await import("@/testing/security/database-fingerprint");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { handleTc3Request } = await import("@/lib/tencent-api/handle-tc3-request");
const { TC3_ACTIONS } = await import("@/lib/tencent-api/tc3-actions");
const { signTc3Request } = await import("@/testing/sign-tc3-request");

const ROOT = process.cwd();
const authActions = await import("@/app/(auth)/actions");
const apiKeyActions = await import("@/app/(console)/api-keys/actions");
const billingActions = await import("@/app/(console)/billing/actions");
const certificateActions = await import("@/app/(console)/certificates/actions");
const afterIssuanceActions = await import("@/app/(console)/certificates/after-issuance-actions");
const dnsHostingActions = await import("@/app/(console)/dns-hosting/actions");
const orderActions = await import("@/app/(console)/certificates/order-actions");
const reissueActions = await import("@/app/(console)/certificates/reissue-actions");
const organizationActions = await import("@/app/(console)/certificates/organization-actions");
const reviewActions = await import("@/app/admin/reviews/actions");
const notificationActions = await import("@/app/(console)/notifications/actions");
const deployActions = await import("@/app/(console)/certificates/deploy-actions");
const targetActions = await import("@/app/(console)/deployment-targets/actions");
const { sshTargetFormInput, webhookTargetFormInput } = await import("@/testing/security/create-owned-targets");
const { setLocaleAction } = await import("@/app/actions/set-locale");
const { setTimeZoneAction } = await import("@/app/actions/set-time-zone");
const { signOutAction } = await import("@/app/actions/sign-out");
const clockActions = await import("@/app/admin/clock/actions");
const customerActions = await import("@/app/admin/customers/actions");
const issuerActions = await import("@/app/admin/issuers/actions");
const { runRenewalJobNowAction } = await import("@/app/admin/jobs/actions");
const { updateFreeCertificateLimitAction, updatePriceAction } = await import("@/app/admin/prices/actions");

const TEN_MEGABYTES = 10 * 1024 * 1024;
const HUGE = "x".repeat(TEN_MEGABYTES);
const HOSTILE_STRINGS: Record<string, string> = {
  script: "<script>alert(1)</script>",
  imgOnError: '"><img src=x onerror=alert(1)>',
  sqlDrop: `'; DROP TABLE "User"; --`,
  sqlTautology: "' OR '1'='1",
  rtlOverride: "\u202Egnp.exe",
  zeroWidth: "a\u200Bb\u200Dc\uFEFF",
  loneHighSurrogate: "a\uD800b",
  loneLowSurrogate: "\uDFFF",
  nul: "a\u0000b",
  controls: "\u0001\u0007\u001B[31m",
  emoji: "👩‍💻🔐",
  empty: "",
  spaces: "   ",
  huge: HUGE,
};
// A URL cannot carry 10 MB (servers refuse request lines far shorter): long, not huge.
const URL_STRINGS: Record<string, string> = { ...HOSTILE_STRINGS, huge: "x".repeat(20_000) };
const WRONG_TYPES: Record<string, unknown> = {
  null: null,
  number: 42,
  negative: -1,
  notANumber: Number.NaN,
  infinity: Number.POSITIVE_INFINITY,
  boolean: true,
  array: ["a", 1],
  object: { nested: { deeper: "x" } },
  protoPollution: JSON.parse('{"__proto__": {"role": "ADMIN"}, "constructor": {"prototype": {"x": 1}}}'),
};
const FIELD_PAYLOADS: Record<string, unknown> = { ...HOSTILE_STRINGS, ...WRONG_TYPES };
const WHOLE_INPUTS: Record<string, unknown> = {
  undefined: undefined,
  ...WRONG_TYPES,
  string: "<script>alert(1)</script>",
  huge: HUGE,
};

type User = Awaited<ReturnType<typeof factories.createTestUser>>;
let customer: User;
let admin: User;
let own: OwnedObjects;
let priceId = "";
let issuerId = "";
let issuerToDeleteId = "";
let apiKey = { secretId: "", secretKey: "" };
let apiCertificateId = "";
let freeProductId = "";

beforeAll(async () => {
  ({
    customer,
    admin,
    owned: own,
    priceId,
    freeProductId,
  } = await seedOwningCustomer({
    customer: "Hostile Input Customer",
    admin: "Hostile Input Admin",
    webhookUrl: "https://hooks.example.test/hostile",
  }));
  // At a closed local port: Test connection answers "unreachable" at once.
  const issuer = (name: string) =>
    db.issuer.create({ data: { name, directoryUrl: "https://127.0.0.1:1/directory" }, select: { id: true } });
  issuerId = (await issuer("Hostile CA")).id;
  issuerToDeleteId = (await issuer("Hostile CA to delete")).id;
  apiKey = await createApiKey({
    ownerId: customer.id,
    actorId: customer.id,
    ip: null,
    name: "hostile",
    scope: "READ_WRITE",
    expiresInDays: "never",
    now: new Date(),
  });
  apiCertificateId = (await factories.createTestCertificate(customer.id)).id;
}, 60_000);

type ActionCase = {
  as: () => User | null;
  /** A valid input; each of its fields in turn is replaced by every payload. */
  valid: () => unknown;
  call: (input: unknown) => Promise<unknown>;
};

// Actions are called with `never` inputs on purpose: the point is what the boundary does with them.
const ACTIONS: Record<string, ActionCase> = {
  "app/(auth)/actions.ts#signInAction": {
    as: () => null,
    valid: () => ({ email: "nobody@example.test", password: "wrong-password", callbackUrl: "/certificates" }),
    call: (input) => authActions.signInAction({ status: "idle" }, toFormData(input)),
  },
  "app/(auth)/actions.ts#signUpAction": {
    as: () => null,
    valid: () => ({ name: "New User", email: factories.uniqueEmail("hostile"), password: "long-enough-password" }),
    call: (input) => authActions.signUpAction({ status: "idle" }, toFormData(input)),
  },
  "app/(console)/api-keys/actions.ts#createApiKeyAction": {
    as: () => customer,
    valid: () => ({ name: "hostile", scope: "READ_ONLY", expiresInDays: "30" }),
    call: (input) => apiKeyActions.createApiKeyAction(input as never),
  },
  "app/(console)/api-keys/actions.ts#revokeApiKeyAction": {
    as: () => customer,
    valid: () => ({ apiKeyId: "not-a-key" }),
    call: (input) => apiKeyActions.revokeApiKeyAction(input as never),
  },
  "app/(console)/billing/actions.ts#topUpAction": {
    as: () => customer,
    valid: () => ({ providerId: "demo", amount: "10.00", currency: "USD", idempotencyToken: randomUUID() }),
    call: (input) => billingActions.topUpAction(input as never),
  },
  "app/(console)/certificates/actions.ts#enableAutoRenewalAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.enableCertificateId }),
    call: (input) => certificateActions.enableAutoRenewalAction(input as never),
  },
  "app/(console)/certificates/actions.ts#disableAutoRenewalAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.disableCertificateId }),
    call: (input) => certificateActions.disableAutoRenewalAction(input as never),
  },
  "app/(console)/certificates/actions.ts#renewManuallyAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.manualCertificateId }),
    call: (input) => certificateActions.renewManuallyAction(input as never),
  },
  "app/(console)/certificates/actions.ts#verifyRenewalNowAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.pendingRenewalId }),
    call: (input) => certificateActions.verifyRenewalNowAction(input as never),
  },
  "app/(console)/certificates/actions.ts#revokeCertificateAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.revokeCertificateId, reason: "KEY_COMPROMISE" }),
    call: (input) => certificateActions.revokeCertificateAction(input as never),
  },
  "app/(console)/certificates/reissue-actions.ts#reissueCertificateAction": {
    as: () => customer,
    valid: () => ({
      certificateId: own.reissueCertificateId,
      validationMethod: "DNS",
      key: { source: "GENERATE", algorithm: "ECDSA_P256" },
    }),
    call: (input) => reissueActions.reissueCertificateAction(input as never),
  },
  "app/(console)/certificates/actions.ts#deleteCertificateAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.deleteCertificateId, confirmedUserIds: [] }),
    call: (input) => certificateActions.deleteCertificateAction(input as never),
  },
  "app/(console)/certificates/after-issuance-actions.ts#updateCloudResourcesAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.issuedCertificateId, resourceIds: [own.resourceId] }),
    call: (input) => afterIssuanceActions.updateCloudResourcesAction(input as never),
  },
  "app/(console)/certificates/after-issuance-actions.ts#setAutoUpdateResourcesAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.issuedCertificateId, enabled: true }),
    call: (input) => afterIssuanceActions.setAutoUpdateResourcesAction(input as never),
  },
  "app/(console)/certificates/after-issuance-actions.ts#setIgnoreNotificationsAction": {
    as: () => customer,
    valid: () => ({ certificateIds: [own.enableCertificateId], ignore: true }),
    call: (input) => afterIssuanceActions.setIgnoreNotificationsAction(input as never),
  },
  "app/(console)/dns-hosting/actions.ts#addHostedZoneAction": {
    as: () => customer,
    valid: () => ({ name: `z${randomUUID().slice(0, 8)}.hostile.test` }),
    call: (input) => dnsHostingActions.addHostedZoneAction(input as never),
  },
  "app/(console)/dns-hosting/actions.ts#checkZoneDelegationAction": {
    as: () => customer,
    valid: () => ({ zoneId: own.zoneToCheckId }),
    call: (input) => dnsHostingActions.checkZoneDelegationAction(input as never),
  },
  "app/(console)/dns-hosting/actions.ts#removeHostedZoneAction": {
    as: () => customer,
    valid: () => ({ zoneId: own.zoneToRemoveId }),
    call: (input) => dnsHostingActions.removeHostedZoneAction(input as never),
  },
  "app/(console)/dns-hosting/actions.ts#addValidationDelegationAction": {
    as: () => customer,
    valid: () => ({ domain: `d${randomUUID().slice(0, 8)}.hostile.test` }),
    call: (input) => dnsHostingActions.addValidationDelegationAction(input as never),
  },
  "app/(console)/dns-hosting/actions.ts#checkValidationDelegationAction": {
    as: () => customer,
    valid: () => ({ delegationId: own.delegationToCheckId }),
    call: (input) => dnsHostingActions.checkValidationDelegationAction(input as never),
  },
  "app/(console)/dns-hosting/actions.ts#removeValidationDelegationAction": {
    as: () => customer,
    valid: () => ({ delegationId: own.delegationToRemoveId }),
    call: (input) => dnsHostingActions.removeValidationDelegationAction(input as never),
  },
  "app/(console)/certificates/deploy-actions.ts#deployCertificateAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.issuedCertificateId, targetIds: [own.webhookTargetId] }),
    call: (input) => deployActions.deployCertificateAction(input as never),
  },
  "app/(console)/certificates/deploy-actions.ts#verifyTargetDeploymentAction": {
    as: () => customer,
    valid: () => ({ deploymentId: own.deploymentId }),
    call: (input) => deployActions.verifyTargetDeploymentAction(input as never),
  },
  "app/(console)/certificates/deploy-actions.ts#rollBackTargetDeploymentAction": {
    as: () => customer,
    valid: () => ({ deploymentId: own.deploymentId }),
    call: (input) => deployActions.rollBackTargetDeploymentAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#fetchSshHostKeyAction": {
    as: () => customer,
    valid: () => ({ host: "127.0.0.1", port: 1 }),
    call: (input) => targetActions.fetchSshHostKeyAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#createSshTargetAction": {
    as: () => customer,
    valid: () => sshTargetFormInput("hostile", "www.example.test"),
    call: (input) => targetActions.createSshTargetAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#updateSshTargetAction": {
    as: () => customer,
    valid: () => ({ targetId: own.sshTargetId, ...sshTargetFormInput("hostile", "www.example.test"), privateKey: "" }),
    call: (input) => targetActions.updateSshTargetAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#createWebhookTargetAction": {
    as: () => customer,
    valid: () => webhookTargetFormInput("hostile"),
    call: (input) => targetActions.createWebhookTargetAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#updateWebhookTargetAction": {
    as: () => customer,
    valid: () => ({ targetId: own.webhookTargetId, ...webhookTargetFormInput("hostile") }),
    call: (input) => targetActions.updateWebhookTargetAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#rotateDeployWebhookSecretAction": {
    as: () => customer,
    valid: () => ({ targetId: own.webhookTargetId }),
    call: (input) => targetActions.rotateDeployWebhookSecretAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#testDeploymentTargetAction": {
    as: () => customer,
    valid: () => ({ targetId: own.sshTargetId }),
    call: (input) => targetActions.testDeploymentTargetAction(input as never),
  },
  "app/(console)/deployment-targets/actions.ts#deleteDeploymentTargetAction": {
    as: () => customer,
    valid: () => ({ targetId: own.deleteTargetId }),
    call: (input) => targetActions.deleteDeploymentTargetAction(input as never),
  },
  "app/(console)/notifications/actions.ts#markNotificationsReadAction": {
    as: () => customer,
    valid: () => ({ ids: [own.notificationId] }),
    call: (input) => notificationActions.markNotificationsReadAction(input as never),
  },
  "app/(console)/notifications/actions.ts#updateNotificationSettingsAction": {
    as: () => customer,
    valid: () => ({
      reminderDays: "30, 7, 1",
      inApp: true,
      email: true,
      webhookUrl: "https://hooks.example.test/hostile",
    }),
    call: (input) => notificationActions.updateNotificationSettingsAction(input as never),
  },
  "app/(console)/notifications/actions.ts#rotateWebhookSecretAction": {
    as: () => customer,
    valid: () => ({}),
    call: (input) => notificationActions.rotateWebhookSecretAction(input as never),
  },
  "app/actions/set-locale.ts#setLocaleAction": {
    as: () => null,
    valid: () => "en",
    call: (input) => setLocaleAction(input as never),
  },
  "app/actions/set-time-zone.ts#setTimeZoneAction": {
    as: () => null,
    valid: () => "Asia/Shanghai",
    call: (input) => setTimeZoneAction(input as never),
  },
  "app/actions/sign-out.ts#signOutAction": {
    as: () => customer,
    valid: () => undefined,
    call: (input) => (signOutAction as (input: unknown) => Promise<void>)(input),
  },
  "app/admin/clock/actions.ts#setDemoClockAction": {
    as: () => admin,
    valid: () => ({ now: "2026-07-01T00:00:00Z" }),
    call: (input) => clockActions.setDemoClockAction(input as never),
  },
  "app/admin/clock/actions.ts#resetDemoClockAction": {
    as: () => admin,
    valid: () => ({}),
    call: (input) => clockActions.resetDemoClockAction(input as never),
  },
  "app/admin/customers/actions.ts#adjustBalanceAction": {
    as: () => admin,
    valid: () => ({
      customerId: customer.id,
      direction: "CREDIT",
      amount: "1.00",
      currency: "USD",
      reason: "Goodwill",
      operationId: randomUUID(),
    }),
    call: (input) => customerActions.adjustBalanceAction(input as never),
  },
  "app/admin/customers/actions.ts#setAccountDisabledAction": {
    as: () => admin,
    valid: () => ({ userId: admin.id, disabled: true }),
    call: (input) => customerActions.setAccountDisabledAction(input as never),
  },
  "app/admin/issuers/actions.ts#saveIssuerAction": {
    as: () => admin,
    valid: () => ({
      name: `Hostile CA ${randomUUID().slice(0, 8)}`,
      directoryUrl: "https://127.0.0.1:1/directory",
      eabKeyId: "kid",
      eabHmacKey: "aG9zdGlsZS1obWFjLWtleS0wMTIzNDU2Nzg5",
      contactEmail: "certs@example.test",
      termsAccepted: true,
      caBundlePem: "",
    }),
    call: (input) => issuerActions.saveIssuerAction(input as never),
  },
  "app/admin/issuers/actions.ts#testIssuerConnectionAction": {
    as: () => admin,
    valid: () => ({ issuerId }),
    call: (input) => issuerActions.testIssuerConnectionAction(input as never),
  },
  "app/admin/issuers/actions.ts#deleteIssuerAction": {
    as: () => admin,
    valid: () => ({ issuerId: issuerToDeleteId }),
    call: (input) => issuerActions.deleteIssuerAction(input as never),
  },
  "app/admin/issuers/actions.ts#assignProductIssuerAction": {
    as: () => admin,
    valid: () => ({ priceId, issuerId }),
    call: (input) => issuerActions.assignProductIssuerAction(input as never),
  },
  "app/admin/jobs/actions.ts#runRenewalJobNowAction": {
    as: () => admin,
    valid: () => ({}),
    call: (input) => runRenewalJobNowAction(input as never),
  },
  "app/admin/prices/actions.ts#updatePriceAction": {
    as: () => admin,
    valid: () => ({ priceId, price: "29.00", currency: "USD", autoRenewSupported: true }),
    call: (input) => updatePriceAction(input as never),
  },
  "app/admin/prices/actions.ts#updateFreeCertificateLimitAction": {
    as: () => admin,
    valid: () => ({ limit: 40 }),
    call: (input) => updateFreeCertificateLimitAction(input as never),
  },
  "app/(console)/certificates/order-actions.ts#placeCertificateOrderAction": {
    as: () => customer,
    valid: () => ({
      idempotencyKey: randomUUID(),
      flow: "FREE",
      productId: freeProductId,
      domainCount: 1,
      names: [`hostile-${randomUUID().slice(0, 8)}.orders.test`],
      validationMethod: "DNS",
      key: { source: "GENERATE", algorithm: "ECDSA_P256" },
      autoRenew: false,
    }),
    call: (input) => orderActions.placeCertificateOrderAction(input as never),
  },
  "app/(console)/certificates/order-actions.ts#cancelCertificateOrderAction": {
    as: () => customer,
    valid: () => ({ certificateId: own.pendingOrderCertificateId }),
    call: (input) => orderActions.cancelCertificateOrderAction(input as never),
  },
  "app/(console)/certificates/organization-actions.ts#correctOrganizationDetailsAction": {
    as: () => customer,
    valid: () => ({
      certificateId: own.correctCertificateId,
      details: {
        companyName: "Hostile Co",
        country: "CN",
        locality: "Shenzhen",
        address: "1 Test Road",
        companyPhone: "+86 755 0000 0000",
        contactName: "Contact",
        contactEmail: "contact@example.test",
        contactPhone: "+86 138 0000 0000",
      },
    }),
    call: (input) => organizationActions.correctOrganizationDetailsAction(input as never),
  },
  "app/admin/reviews/actions.ts#approveOrganizationReviewAction": {
    as: () => admin,
    valid: () => ({ certificateId: own.reviewCertificateId }),
    call: (input) => reviewActions.approveOrganizationReviewAction(input as never),
  },
  "app/admin/reviews/actions.ts#rejectOrganizationReviewAction": {
    as: () => admin,
    valid: () => ({ certificateId: own.rejectCertificateId, reason: "Letter unreadable" }),
    call: (input) => reviewActions.rejectOrganizationReviewAction(input as never),
  },
};

/** Every variant of one action's input: whole-input garbage, then each field replaced by each payload. */
function hostileInputs(valid: unknown): [string, unknown][] {
  const variants: [string, unknown][] = Object.entries(WHOLE_INPUTS).map(([name, value]) => [`input=${name}`, value]);
  if (typeof valid === "string") {
    for (const [name, value] of Object.entries(HOSTILE_STRINGS)) variants.push([`input=${name}`, value]);
    return variants;
  }
  if (typeof valid !== "object" || valid === null) return variants;
  variants.push(["extra fields", { ...valid, ownerId: admin.id, role: "ADMIN", id: randomUUID() }]);
  for (const field of Object.keys(valid)) {
    for (const [name, value] of Object.entries(FIELD_PAYLOADS)) {
      variants.push([`${field}=${name}`, { ...valid, [field]: value }]);
    }
    variants.push([`${field} missing`, Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field))]);
  }
  return variants;
}

/** "ok", a refusal code, or a failure description; throwing (other than a redirect) is a 500. */
async function callAction(action: ActionCase, input: unknown): Promise<string> {
  try {
    const result = await action.call(input);
    if (result === undefined) return "ok";
    if (typeof result === "object" && result !== null && "ok" in result) {
      return result.ok ? "ok" : String((result as { code?: unknown }).code);
    }
    if (typeof result === "object" && result !== null && "status" in result) {
      return result.status === "error" ? "FORM_ERROR" : "ok";
    }
    return `unexpected result ${JSON.stringify(result).slice(0, 200)}`;
  } catch (error) {
    if (isRedirectError(error)) return "ok";
    return `THREW ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)}`;
  }
}

describe("hostile input into server actions", () => {
  it("has cases for every server action in the code", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(listServerActions(ROOT).map((entry) => entry.key));
  });

  it.each(Object.keys(ACTIONS))(
    "%s",
    async (key) => {
      const action = ACTIONS[key] as ActionCase;
      const failures: string[] = [];
      const fingerprints = fingerprintsAroundCalls();
      for (const [variant, input] of hostileInputs(action.valid())) {
        actAs(action.as());
        const before = await fingerprints.before();
        const outcome = await callAction(action, input);
        if (outcome === "UNEXPECTED" || outcome.startsWith("THREW") || outcome.startsWith("unexpected result")) {
          failures.push(`${variant}: ${outcome}`);
        } else if (outcome !== "ok") {
          const after = await fingerprints.after();
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length > 0) failures.push(`${variant}: refused (${outcome}) but wrote to ${changed.join(", ")}`);
        }
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});

// ---- Route handlers ----

const url = (path: string) => `http://localhost${path}`;
const QUERY_NAMES = ["q", "status", "brand", "autoRenew", "expiring", "sort", "page", "pageSize", "owner", "kind"];
const QUERY_NAMES_WITH_TYPE = [...QUERY_NAMES, "type", "certificateId", "secret", "token"];

type RouteCase = {
  as: () => User | null;
  /** Hostile requests for this handler, by name. */
  requests: () => [string, () => Promise<Response>][];
  /** Tables a refused call may still write: the SSL API audits every call its key signed, and counts it. */
  writesWhenRefused?: readonly string[];
};

type Handler = (request: NextRequest, segment: { params: Promise<{ id: string }> }) => Promise<Response>;
type PlainHandler = (request: NextRequest) => Promise<Response>;

/** The same GET with every hostile string as each query parameter, and (for [id] routes) as the id. */
function hostileGets(path: string, handler: Handler | PlainHandler, validId?: () => string): RouteCase["requests"] {
  return () => {
    const requests: [string, () => Promise<Response>][] = [];
    for (const [name, value] of Object.entries(URL_STRINGS)) {
      const query = new URLSearchParams(QUERY_NAMES_WITH_TYPE.map((parameter) => [parameter, value]));
      const id = validId?.() ?? "";
      const target = `${path.replace("[id]", id)}?${query}`;
      requests.push([
        `query=${name}`,
        () => (handler as Handler)(new NextRequest(url(target)), { params: Promise.resolve({ id }) }),
      ]);
      if (validId) {
        requests.push([
          `id=${name}`,
          () =>
            (handler as Handler)(new NextRequest(url(path.replace("[id]", "x"))), {
              params: Promise.resolve({ id: value }),
            }),
        ]);
      }
    }
    return requests;
  };
}

// Sent as from the console's own page: the bodies, not the Origin, are under test here
// (cross-site writes: HOSTILE_ORIGINS below and the authorization matrix).
const SAME_ORIGIN = { origin: "http://localhost", host: "localhost" };

function jsonBody(method: string, path: string, body: string | Uint8Array, contentType = "application/json") {
  return new NextRequest(url(path), {
    method,
    headers: { ...SAME_ORIGIN, ...(contentType ? { "content-type": contentType } : {}) },
    body: body as BodyInit,
  });
}

/** Hostile bodies for a JSON route whose valid body is `valid`. */
/** Origins a write from another site may carry, each of which a customer route refuses with 403. */
const HOSTILE_ORIGINS: Record<string, Record<string, string>> = {
  "another site": { origin: "https://attacker.example", host: "localhost" },
  "opaque (null)": { origin: "null", host: "localhost" },
  missing: { host: "localhost" },
  "not a URL": { origin: "<script>alert(1)</script>", host: "localhost" },
  "same host, other port": { origin: "http://localhost:8443", host: "localhost" },
  "suffix of the host": { origin: "http://localhost.attacker.example", host: "localhost" },
  "forwarded host says otherwise": {
    origin: "http://localhost",
    host: "localhost",
    "x-forwarded-host": "console.example",
  },
};

function hostileBodies(
  method: string,
  path: string,
  handler: PlainHandler,
  valid: Record<string, unknown>,
  options: { checksOrigin?: boolean } = {},
) {
  return (): [string, () => Promise<Response>][] => {
    const requests: [string, () => Promise<Response>][] = [
      ["malformed JSON", () => handler(jsonBody(method, path, '{"now": '))],
      ["not JSON at all", () => handler(jsonBody(method, path, "<script>alert(1)</script>"))],
      ["invalid UTF-8", () => handler(jsonBody(method, path, new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])))],
      ["empty body", () => handler(jsonBody(method, path, ""))],
      ["10 MB body", () => handler(jsonBody(method, path, JSON.stringify({ ...valid, padding: HUGE })))],
      ["10 MB of garbage", () => handler(jsonBody(method, path, HUGE))],
      ["text/plain", () => handler(jsonBody(method, path, JSON.stringify(valid), "text/plain"))],
      ["no content type", () => handler(jsonBody(method, path, JSON.stringify(valid), ""))],
      [
        "multipart",
        () => handler(new NextRequest(url(path), { method, headers: SAME_ORIGIN, body: toFormData(valid) })),
      ],
      ["deeply nested", () => handler(jsonBody(method, path, `${"[".repeat(100_000)}${"]".repeat(100_000)}`))],
    ];
    for (const [name, value] of Object.entries(WHOLE_INPUTS)) {
      if (value !== undefined)
        requests.push([`body=${name}`, () => handler(jsonBody(method, path, JSON.stringify(value)))]);
    }
    for (const field of Object.keys(valid)) {
      for (const [name, value] of Object.entries(FIELD_PAYLOADS)) {
        requests.push([
          `${field}=${name}`,
          () => handler(jsonBody(method, path, JSON.stringify({ ...valid, [field]: value }))),
        ]);
      }
    }
    if (options.checksOrigin) {
      for (const [name, headers] of Object.entries(HOSTILE_ORIGINS)) {
        requests.push([
          `origin: ${name}`,
          () =>
            handler(
              new NextRequest(url(path), {
                method,
                headers: { "content-type": "application/json", ...headers },
                body: JSON.stringify(valid),
              }),
            ),
        ]);
      }
    }
    return requests;
  };
}

const routes = {
  balanceWarning: await import("@/app/api/account/balance-warning/route"),
  balance: await import("@/app/api/account/balance/route"),
  adminCertificate: await import("@/app/api/admin/certificates/[id]/route"),
  adminCertificates: await import("@/app/api/admin/certificates/route"),
  adminClock: await import("@/app/api/admin/clock/route"),
  adminJob: await import("@/app/api/admin/jobs/[id]/route"),
  adminJobs: await import("@/app/api/admin/jobs/route"),
  forecast: await import("@/app/api/billing/forecast/route"),
  ledger: await import("@/app/api/billing/ledger/route"),
  autoRenewOffer: await import("@/app/api/certificates/[id]/auto-renew-offer/route"),
  confirmationLetter: await import("@/app/api/certificates/[id]/confirmation-letter/route"),
  deployment: await import("@/app/api/certificates/[id]/deployment/route"),
  download: await import("@/app/api/certificates/[id]/download/route"),
  manualRenewalOffer: await import("@/app/api/certificates/[id]/manual-renewal-offer/route"),
  certificate: await import("@/app/api/certificates/[id]/route"),
  targetDeployments: await import("@/app/api/certificates/[id]/target-deployments/route"),
  deploymentTargets: await import("@/app/api/deployment-targets/route"),
  certificates: await import("@/app/api/certificates/route"),
  upload: await import("@/app/api/certificates/upload/route"),
  jobs: await import("@/app/api/jobs/renewals/route"),
  unread: await import("@/app/api/notifications/unread/route"),
  resources: await import("@/app/api/resources/route"),
};

// The SSL API answers every call with HTTP 200 and Response.Error: here a refusal becomes
// {code, message} with status 400 (InternalError 500), so the checks below apply to it too.
async function asHttpAnswer(response: Response): Promise<Response> {
  if (response.headers.get("content-type") !== "application/json") return response;
  const answer = JSON.parse(await response.text()) as { Response: { Error?: { Code: string; Message: string } } };
  const error = answer.Response.Error;
  if (!error) return Response.json(answer);
  return Response.json(
    { code: error.Code, message: error.Message },
    { status: error.Code === "InternalError" ? 500 : 400 },
  );
}

// Real signatures over hostile content, through the route's one call. Its clock moves a second
// per request, with each signature's timestamp, so that the per-key limit (20 a second) does
// not answer for the payloads; everything else is as the route runs it.
let tc3Clock = Date.now() - 3_600_000;
function signedTc3(
  method: "GET" | "POST",
  action: string,
  content: { body?: string | Uint8Array; query?: string; headers?: Record<string, string> },
): () => Promise<Response> {
  return async () => {
    tc3Clock += 1_000;
    const received = new Date(tc3Clock);
    const timestamp = Math.floor(tc3Clock / 1000);
    const body = method === "POST" ? (content.body ?? "{}") : undefined;
    const contentType = method === "POST" ? "application/json" : "application/x-www-form-urlencoded";
    const headers: Record<string, string> = {
      authorization: signTc3Request({
        method,
        host: "localhost",
        query: content.query,
        contentType,
        body,
        timestamp,
        ...apiKey,
      }),
      host: "localhost",
      "content-type": contentType,
      "x-tc-action": action,
      "x-tc-version": "2019-12-05",
      "x-tc-timestamp": String(timestamp),
      ...content.headers,
    };
    const target = `/api/tc3${content.query ? `?${content.query}` : ""}`;
    const request = new NextRequest(url(target), { method, headers, body: body as BodyInit | undefined });
    return asHttpAnswer(await handleTc3Request(request, { received, now: async () => factories.TEST_NOW }));
  };
}

/** A valid call of each action, on the hostile customer's own certificate. */
function validTc3Params(): Record<string, Record<string, unknown>> {
  const id = apiCertificateId;
  return {
    DescribeCertificates: { Limit: 10, Offset: 0, SearchKey: "x", CertificateStatus: [1], ExpirationSort: "ASC" },
    DescribeCertificateDetail: { CertificateId: id },
    DescribeCertificate: { CertificateId: id },
    DownloadCertificate: { CertificateId: id },
    UploadCertificate: {
      CertificatePublicKey: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
      CertificatePrivateKey: "",
      Alias: "a",
      Repeatable: true,
    },
    DeleteCertificate: { CertificateId: "not-a-certificate", IsCheckResource: true },
    ModifyCertificateAlias: { CertificateId: id, Alias: "a" },
    ModifyCertificatesExpiringNotificationSwitch: { CertificateIds: [id], SwitchStatus: 0 },
    CertDeskModifyAutoRenew: { CertificateId: id, AutoRenewFlag: 0 },
    ApplyCertificate: { DvAuthMethod: "DNS", DomainName: "hostile.example.test", Alias: "a" },
    CheckCertificateDomainVerification: { CertificateId: id },
    CompleteCertificate: { CertificateId: id },
    CreateCertificate: { ProductId: 48, DomainNum: 1, TimeSpan: 1, AutoVoucher: 1 },
    CertificateInfoSubmit: {
      CertId: id,
      GenCsrType: "online",
      CertCommonName: "hostile.example.test",
      DnsNames: ["hostile.example.test"],
      CompanyType: 1,
      CompanyId: "0",
      VerifyType: "DNS",
      AutoRenewFlag: 0,
      CsrEncryptAlgo: "RSA",
      CsrKeyParameter: "2048",
    },
    CertificateOrderSubmit: { CertId: id, VerifyType: "DNS" },
    ReplaceCertificate: { CertificateId: id, CsrType: "online", CertCSREncryptAlgo: "ECC" },
  };
}

function hostileTc3Posts(): [string, () => Promise<Response>][] {
  const valid = validTc3Params();
  expect(Object.keys(valid).sort()).toEqual(Object.keys(TC3_ACTIONS).sort());
  const post = (action: string, body: string | Uint8Array, headers?: Record<string, string>) =>
    signedTc3("POST", action, { body, headers });
  const requests: [string, () => Promise<Response>][] = [
    ["malformed JSON", post("UploadCertificate", '{"Alias": ')],
    ["invalid UTF-8", post("UploadCertificate", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))],
    ["10 MB body", post("UploadCertificate", JSON.stringify({ Alias: HUGE }))],
    ["deeply nested", post("UploadCertificate", `${"[".repeat(100_000)}${"]".repeat(100_000)}`)],
    [
      "unsigned",
      async () =>
        asHttpAnswer(
          await handleTc3Request(jsonBody("POST", "/api/tc3", "{}"), {
            received: new Date(),
            now: async () => factories.TEST_NOW,
          }),
        ),
    ],
  ];
  for (const [name, value] of Object.entries(WHOLE_INPUTS)) {
    if (value !== undefined) requests.push([`body=${name}`, post("UploadCertificate", JSON.stringify(value))]);
  }
  // What a header can carry at all (bytes, no NUL): the rest never reaches a server.
  for (const [name, value] of Object.entries(HOSTILE_STRINGS)) {
    if (
      name === "huge" ||
      [...value].some((character) => (character.codePointAt(0) ?? 0) > 255 || character === "\u0000")
    )
      continue;
    for (const header of ["x-tc-action", "x-tc-version", "x-tc-timestamp", "x-tc-language", "authorization"]) {
      requests.push([`${header}=${name}`, post("DescribeCertificates", "{}", { [header]: value })]);
    }
  }
  for (const [action, params] of Object.entries(valid)) {
    for (const field of Object.keys(params)) {
      for (const [name, value] of Object.entries(FIELD_PAYLOADS)) {
        requests.push([`${action}.${field}=${name}`, post(action, JSON.stringify({ ...params, [field]: value }))]);
      }
    }
  }
  return requests;
}

function hostileTc3Gets(): [string, () => Promise<Response>][] {
  const requests: [string, () => Promise<Response>][] = [];
  for (const [name, value] of Object.entries(URL_STRINGS)) {
    for (const field of ["Limit", "Offset", "SearchKey", "CertificateStatus.0", "Tags.0.TagKey", "__proto__.x"]) {
      const query = new URLSearchParams([[field, value]]).toString();
      requests.push([`${field}=${name}`, signedTc3("GET", "DescribeCertificates", { query })]);
    }
  }
  return requests;
}

const TC3_BOOKKEEPING = ["AuditLog", "ApiKey", "ApiRequestSignature"];

const HOSTILE_AUTHORIZATION = [
  "Bearer",
  "Bearer <script>",
  "Basic Zm9vOmJhcg==",
  `Bearer ${"x".repeat(100_000)}`,
  "Bearer ' OR 1=1 --",
];
const jobRequests = (method: "GET" | "POST", handler: PlainHandler) => (): [string, () => Promise<Response>][] => [
  ...HOSTILE_AUTHORIZATION.map((authorization, index): [string, () => Promise<Response>] => [
    `authorization #${index}`,
    () => handler(new NextRequest(url("/api/jobs/renewals"), { method, headers: { authorization } })),
  ]),
  ...Object.entries(URL_STRINGS).map(([name, value]): [string, () => Promise<Response>] => [
    `query=${name}`,
    () =>
      handler(
        new NextRequest(url(`/api/jobs/renewals?${new URLSearchParams({ secret: value, token: value })}`), {
          method,
        }),
      ),
  ]),
];

const ROUTES: Record<string, RouteCase> = {
  "GET /api/account/balance-warning": {
    as: () => customer,
    requests: hostileGets("/api/account/balance-warning", routes.balanceWarning.GET),
  },
  "GET /api/account/balance": { as: () => customer, requests: hostileGets("/api/account/balance", routes.balance.GET) },
  "GET /api/admin/certificates/[id]": {
    as: () => admin,
    requests: hostileGets(
      "/api/admin/certificates/[id]",
      routes.adminCertificate.GET as Handler,
      () => own.issuedCertificateId,
    ),
  },
  "GET /api/admin/certificates": {
    as: () => admin,
    requests: hostileGets("/api/admin/certificates", routes.adminCertificates.GET),
  },
  "GET /api/admin/clock": { as: () => admin, requests: hostileGets("/api/admin/clock", routes.adminClock.GET) },
  "PUT /api/admin/clock": {
    as: () => admin,
    requests: hostileBodies("PUT", "/api/admin/clock", routes.adminClock.PUT, { now: "2026-07-01T00:00:00Z" }),
  },
  "DELETE /api/admin/clock": {
    as: () => admin,
    requests: hostileBodies("DELETE", "/api/admin/clock", routes.adminClock.DELETE, {}),
  },
  "GET /api/admin/jobs/[id]": {
    as: () => admin,
    requests: hostileGets("/api/admin/jobs/[id]", routes.adminJob.GET as Handler, () => "unknown-run"),
  },
  "GET /api/admin/jobs": { as: () => admin, requests: hostileGets("/api/admin/jobs", routes.adminJobs.GET) },
  // Auth.js's handlers: hostile posts to them are covered against the real server in e2e/security.spec.ts.
  "GET /api/auth/[...nextauth]": { as: () => null, requests: () => [] },
  "POST /api/auth/[...nextauth]": { as: () => null, requests: () => [] },
  "GET /api/billing/forecast": {
    as: () => customer,
    requests: hostileGets("/api/billing/forecast", routes.forecast.GET),
  },
  "GET /api/billing/ledger": { as: () => customer, requests: hostileGets("/api/billing/ledger", routes.ledger.GET) },
  "GET /api/certificates/[id]/auto-renew-offer": {
    as: () => customer,
    requests: hostileGets(
      "/api/certificates/[id]/auto-renew-offer",
      routes.autoRenewOffer.GET,
      () => own.enableCertificateId,
    ),
  },
  // A certificate with no letter yet: every answer is JSON (a letter itself is a PDF, read in the matrix).
  "GET /api/certificates/[id]/confirmation-letter": {
    as: () => customer,
    requests: hostileGets(
      "/api/certificates/[id]/confirmation-letter",
      routes.confirmationLetter.GET,
      () => own.correctCertificateId,
    ),
  },
  // The valid body is a letter too small to accept: refused, never stored, whatever else is sent.
  "POST /api/certificates/[id]/confirmation-letter": {
    as: () => customer,
    requests: hostileBodies(
      "POST",
      "/api/certificates/x/confirmation-letter",
      (request) =>
        routes.confirmationLetter.POST(request, { params: Promise.resolve({ id: own.letterCertificateId }) }),
      { letterBase64: Buffer.from("%PDF-1.4").toString("base64") },
      { checksOrigin: true },
    ),
  },
  "GET /api/certificates/[id]/deployment": {
    as: () => customer,
    requests: hostileGets("/api/certificates/[id]/deployment", routes.deployment.GET, () => own.issuedCertificateId),
  },
  "GET /api/certificates/[id]/download": {
    as: () => customer,
    requests: hostileGets("/api/certificates/[id]/download", routes.download.GET, () => own.issuedCertificateId),
  },
  "GET /api/certificates/[id]/manual-renewal-offer": {
    as: () => customer,
    requests: hostileGets(
      "/api/certificates/[id]/manual-renewal-offer",
      routes.manualRenewalOffer.GET,
      () => own.manualCertificateId,
    ),
  },
  "GET /api/certificates/[id]": {
    as: () => customer,
    requests: hostileGets("/api/certificates/[id]", routes.certificate.GET, () => own.issuedCertificateId),
  },
  "GET /api/certificates/[id]/target-deployments": {
    as: () => customer,
    requests: hostileGets(
      "/api/certificates/[id]/target-deployments",
      routes.targetDeployments.GET,
      () => own.issuedCertificateId,
    ),
  },
  "GET /api/deployment-targets": {
    as: () => customer,
    requests: hostileGets("/api/deployment-targets", routes.deploymentTargets.GET),
  },
  "GET /api/certificates": { as: () => customer, requests: hostileGets("/api/certificates", routes.certificates.GET) },
  "POST /api/certificates/upload": {
    as: () => customer,
    requests: hostileBodies(
      "POST",
      "/api/certificates/upload",
      routes.upload.POST,
      {
        certificatePem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        chainPem: "",
        privateKeyPem: "",
        alias: "My alias",
      },
      { checksOrigin: true },
    ),
  },
  "GET /api/jobs/renewals": { as: () => null, requests: jobRequests("GET", routes.jobs.GET) },
  "POST /api/jobs/renewals": { as: () => null, requests: jobRequests("POST", routes.jobs.POST) },
  "GET /api/notifications/unread": {
    as: () => customer,
    requests: hostileGets("/api/notifications/unread", routes.unread.GET),
  },
  "GET /api/resources": { as: () => customer, requests: hostileGets("/api/resources", routes.resources.GET) },
  "GET /api/tc3": { as: () => null, requests: hostileTc3Gets, writesWhenRefused: TC3_BOOKKEEPING },
  "POST /api/tc3": { as: () => null, requests: hostileTc3Posts, writesWhenRefused: TC3_BOOKKEEPING },
};

function parseJson(text: string): { code?: unknown; message?: unknown } | null {
  try {
    return JSON.parse(text) as { code?: unknown; message?: unknown };
  } catch {
    return null;
  }
}

describe("hostile input into route handlers", () => {
  it("has cases for every route handler in the code", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(listRouteHandlers(ROOT).map((entry) => entry.key));
  });

  it.each(Object.keys(ROUTES).filter((key) => !key.includes("[...nextauth]")))(
    "%s",
    async (key) => {
      const route = ROUTES[key] as RouteCase;
      const failures: string[] = [];
      const requests = route.requests();
      expect(requests.length).toBeGreaterThan(0);
      const fingerprints = fingerprintsAroundCalls(route.writesWhenRefused);
      for (const [variant, send] of requests) {
        actAs(route.as());
        const before = await fingerprints.before();
        let response: Response;
        try {
          response = await send();
        } catch (error) {
          failures.push(`${variant}: THREW ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
          continue;
        }
        const body = await response.text();
        const type = response.headers.get("content-type") ?? "";
        if (response.status >= 500) failures.push(`${variant}: ${response.status} ${body.slice(0, 200)}`);
        if (!/application\/(json|zip)/.test(type)) failures.push(`${variant}: answered ${type || "no content type"}`);
        if (variant.startsWith("origin: ") && response.status !== 403) {
          failures.push(`${variant}: ${response.status}, not refused as cross-site`);
        }
        if (response.status >= 400 && /application\/json/.test(type)) {
          // Every refusal says what it is and what to do, in words: a code alone is not an answer.
          const answer = parseJson(body);
          if (typeof answer?.code !== "string" || typeof answer.message !== "string" || answer.message === answer.code)
            failures.push(`${variant}: ${response.status} without a translated message: ${body.slice(0, 200)}`);
        }
        if (response.status >= 400) {
          const after = await fingerprints.after();
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length > 0) failures.push(`${variant}: ${response.status} but wrote to ${changed.join(", ")}`);
          // An error answer quotes nothing the caller sent as markup.
          if (body.includes("<script>") || body.includes("onerror="))
            failures.push(`${variant}: reflected the payload`);
        }
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});
