// The authorization matrix: every server action and every route handler of the app,
// found by reading the source, called directly as four callers — signed out,
// customer A (who owns the objects), customer B and an administrator — against A's
// objects. Only the calls the table allows may succeed; every refusal must leave the
// database exactly as it was, and a call that acts on the caller's own data ("self")
// must leave A's rows alone and show nothing of A. An action or route that is missing
// from the tables fails the test: adding one means deciding who may call it.
//
// lib/admin/access-matrix.int.test.ts goes one layer deeper for the admin use cases
// (the role check inside every admin lib function).
import "@/testing/entry-point-test-setup";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "@/testing/action-harness";
import type { OwnedObjects } from "@/testing/security/create-owned-objects";
import { toFormData } from "@/testing/to-form-data";

const { db } = await import("@/lib/db/client");
const factories = await import("@/testing/factories");
const { seedOwningCustomer } = await import("@/testing/seed-owning-customer");
const { listRouteHandlers, listServerActions } = await import("@/testing/security/list-entry-points");
const { fingerprintDatabase, fingerprintOwner } = await import("@/testing/security/database-fingerprint");
const { generateTestKeyPair, issueTestCertificate } = await import("@/testing/issue-test-certificate");
const { default: errorMessages } = await import("@/messages/en/errors.json");
const { TC3_ACTIONS } = await import("@/lib/tencent-api/tc3-actions");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { signTc3Request } = await import("@/testing/sign-tc3-request");
const { sshTargetFormInput, webhookTargetFormInput } = await import("@/testing/security/create-owned-targets");

const ROOT = process.cwd();
const actionModules = {
  "app/(auth)/actions.ts": await import("@/app/(auth)/actions"),
  "app/(console)/api-keys/actions.ts": await import("@/app/(console)/api-keys/actions"),
  "app/(console)/billing/actions.ts": await import("@/app/(console)/billing/actions"),
  "app/(console)/certificates/actions.ts": await import("@/app/(console)/certificates/actions"),
  "app/(console)/certificates/order-actions.ts": await import("@/app/(console)/certificates/order-actions"),
  "app/(console)/certificates/reissue-actions.ts": await import("@/app/(console)/certificates/reissue-actions"),
  "app/(console)/certificates/organization-actions.ts": await import(
    "@/app/(console)/certificates/organization-actions"
  ),
  "app/(console)/certificates/after-issuance-actions.ts": await import(
    "@/app/(console)/certificates/after-issuance-actions"
  ),
  "app/(console)/dns-hosting/actions.ts": await import("@/app/(console)/dns-hosting/actions"),
  "app/(console)/certificates/deploy-actions.ts": await import("@/app/(console)/certificates/deploy-actions"),
  "app/(console)/deployment-targets/actions.ts": await import("@/app/(console)/deployment-targets/actions"),
  "app/(console)/notifications/actions.ts": await import("@/app/(console)/notifications/actions"),
  "app/actions/set-locale.ts": await import("@/app/actions/set-locale"),
  "app/actions/set-time-zone.ts": await import("@/app/actions/set-time-zone"),
  "app/actions/sign-out.ts": await import("@/app/actions/sign-out"),
  "app/admin/clock/actions.ts": await import("@/app/admin/clock/actions"),
  "app/admin/customers/actions.ts": await import("@/app/admin/customers/actions"),
  "app/admin/issuers/actions.ts": await import("@/app/admin/issuers/actions"),
  "app/admin/jobs/actions.ts": await import("@/app/admin/jobs/actions"),
  "app/admin/prices/actions.ts": await import("@/app/admin/prices/actions"),
  "app/admin/reviews/actions.ts": await import("@/app/admin/reviews/actions"),
} as const;
const a = {
  auth: actionModules["app/(auth)/actions.ts"],
  apiKeys: actionModules["app/(console)/api-keys/actions.ts"],
  billing: actionModules["app/(console)/billing/actions.ts"],
  certificates: actionModules["app/(console)/certificates/actions.ts"],
  afterIssuance: actionModules["app/(console)/certificates/after-issuance-actions.ts"],
  dnsHosting: actionModules["app/(console)/dns-hosting/actions.ts"],
  deploy: actionModules["app/(console)/certificates/deploy-actions.ts"],
  targets: actionModules["app/(console)/deployment-targets/actions.ts"],
  orders: actionModules["app/(console)/certificates/order-actions.ts"],
  reissue: actionModules["app/(console)/certificates/reissue-actions.ts"],
  notifications: actionModules["app/(console)/notifications/actions.ts"],
  locale: actionModules["app/actions/set-locale.ts"],
  timeZone: actionModules["app/actions/set-time-zone.ts"],
  signOut: actionModules["app/actions/sign-out.ts"],
  clock: actionModules["app/admin/clock/actions.ts"],
  customers: actionModules["app/admin/customers/actions.ts"],
  issuers: actionModules["app/admin/issuers/actions.ts"],
  jobs: actionModules["app/admin/jobs/actions.ts"],
  prices: actionModules["app/admin/prices/actions.ts"],
  organization: actionModules["app/(console)/certificates/organization-actions.ts"],
  reviews: actionModules["app/admin/reviews/actions.ts"],
};
// Auth.js's own handlers are not imported here (the harness replaces lib/auth/auth):
// they hold no CertDesk data, and e2e/security.spec.ts checks their CSRF protection.
const routeModules = {
  "app/api/account/balance-warning/route.ts": await import("@/app/api/account/balance-warning/route"),
  "app/api/account/balance/route.ts": await import("@/app/api/account/balance/route"),
  "app/api/admin/certificates/[id]/route.ts": await import("@/app/api/admin/certificates/[id]/route"),
  "app/api/admin/certificates/route.ts": await import("@/app/api/admin/certificates/route"),
  "app/api/admin/clock/route.ts": await import("@/app/api/admin/clock/route"),
  "app/api/admin/jobs/[id]/route.ts": await import("@/app/api/admin/jobs/[id]/route"),
  "app/api/admin/jobs/route.ts": await import("@/app/api/admin/jobs/route"),
  "app/api/billing/forecast/route.ts": await import("@/app/api/billing/forecast/route"),
  "app/api/billing/ledger/route.ts": await import("@/app/api/billing/ledger/route"),
  "app/api/certificates/[id]/auto-renew-offer/route.ts": await import(
    "@/app/api/certificates/[id]/auto-renew-offer/route"
  ),
  "app/api/certificates/[id]/confirmation-letter/route.ts": await import(
    "@/app/api/certificates/[id]/confirmation-letter/route"
  ),
  "app/api/certificates/[id]/deployment/route.ts": await import("@/app/api/certificates/[id]/deployment/route"),
  "app/api/certificates/[id]/download/route.ts": await import("@/app/api/certificates/[id]/download/route"),
  "app/api/certificates/[id]/manual-renewal-offer/route.ts": await import(
    "@/app/api/certificates/[id]/manual-renewal-offer/route"
  ),
  "app/api/certificates/[id]/route.ts": await import("@/app/api/certificates/[id]/route"),
  "app/api/certificates/[id]/target-deployments/route.ts": await import(
    "@/app/api/certificates/[id]/target-deployments/route"
  ),
  "app/api/certificates/route.ts": await import("@/app/api/certificates/route"),
  "app/api/certificates/upload/route.ts": await import("@/app/api/certificates/upload/route"),
  "app/api/deployment-targets/route.ts": await import("@/app/api/deployment-targets/route"),
  "app/api/jobs/renewals/route.ts": await import("@/app/api/jobs/renewals/route"),
  "app/api/notifications/unread/route.ts": await import("@/app/api/notifications/unread/route"),
  "app/api/resources/route.ts": await import("@/app/api/resources/route"),
  "app/api/tc3/route.ts": await import("@/app/api/tc3/route"),
} as const;
const r = routeModules;
const NOT_IMPORTED_ROUTE_FILES = ["app/api/auth/[...nextauth]/route.ts"];

type User = Awaited<ReturnType<typeof factories.createTestUser>>;
const CALLERS = ["anonymous", "customerB", "customerA", "admin"] as const;
type Caller = (typeof CALLERS)[number];

/**
 * "ok": it works. "self": it works, on the caller's own data only (A's rows unchanged,
 * nothing of A in the answer). Anything else: the refusal code (actions) or HTTP
 * status (routes), with the whole database unchanged.
 */
type ActionExpectation = "ok" | "self" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "FORM_ERROR";
type RouteExpectation = 200 | 201 | "self" | 401 | 403 | 404;
type Row<E> = Record<Caller, E>;

const OWNER_ONLY: Row<ActionExpectation> = {
  anonymous: "UNAUTHENTICATED",
  customerB: "NOT_FOUND",
  customerA: "ok",
  admin: "NOT_FOUND",
};
const OWN_DATA: Row<ActionExpectation> = {
  anonymous: "UNAUTHENTICATED",
  customerB: "self",
  customerA: "ok",
  admin: "self",
};
const ADMIN_ONLY: Row<ActionExpectation> = {
  anonymous: "UNAUTHENTICATED",
  customerB: "FORBIDDEN",
  customerA: "FORBIDDEN",
  admin: "ok",
};
const ANYONE_OWN_COOKIE: Row<ActionExpectation> = {
  anonymous: "self",
  customerB: "self",
  customerA: "self",
  admin: "self",
};
// Sign-in and sign-up need no session and answer the same to everyone; called here with
// a form the schema refuses (the credential flow itself needs Auth.js: e2e and lib/auth tests).
const ANYONE_FORM: Row<ActionExpectation> = {
  anonymous: "FORM_ERROR",
  customerB: "FORM_ERROR",
  customerA: "FORM_ERROR",
  admin: "FORM_ERROR",
};

const OWNER_ROUTE: Row<RouteExpectation> = { anonymous: 401, customerB: 404, customerA: 200, admin: 404 };
const OWN_DATA_ROUTE: Row<RouteExpectation> = { anonymous: 401, customerB: "self", customerA: 200, admin: "self" };
const ADMIN_ROUTE: Row<RouteExpectation> = { anonymous: 401, customerB: 403, customerA: 403, admin: 200 };
// The job route ignores sessions: only the bearer secret opens it (see `cron` below).
const SECRET_ONLY_ROUTE: Row<RouteExpectation> = { anonymous: 401, customerB: 401, customerA: 401, admin: 401 };

let admin: User;
let customerA: User;
let customerB: User;
const users = () => ({ anonymous: null, customerA, customerB, admin }) satisfies Record<Caller, User | null>;
let A: OwnedObjects;
let priceId = "";
let freeProductId = "";
let accountToDisable: User;
const WEBHOOK_URL = "https://hooks.example.test/certdesk";
let jobRunId = "";
// ACME issuers at a closed local port: Test connection answers "unreachable" at once.
const CLOSED_DIRECTORY = "https://127.0.0.1:1/directory";
let issuerToTestId = "";
let issuerToDeleteId = "";
let apiKeyOfA = "";

beforeAll(async () => {
  ({
    admin,
    customer: customerA,
    owned: A,
    priceId,
    freeProductId,
  } = await seedOwningCustomer({ customer: "Customer A", admin: "Matrix Admin", webhookUrl: WEBHOOK_URL }));
  customerB = await factories.createTestUser({ name: "Customer B" });
  accountToDisable = await factories.createTestUser({ name: "To be disabled" });
  await factories.fundAccount(customerB.id, 1_000_000);
  // Rotating the webhook secret needs a webhook.
  await db.notificationSettings.createMany({
    data: [customerB, admin].map((user) => ({ ownerId: user.id, webhookUrl: WEBHOOK_URL })),
  });
  const issuer = (name: string) => db.issuer.create({ data: { name, directoryUrl: CLOSED_DIRECTORY } });
  issuerToTestId = (await issuer("Matrix CA to test")).id;
  issuerToDeleteId = (await issuer("Matrix CA to delete")).id;
  apiKeyOfA = (
    await createApiKey({
      ownerId: customerA.id,
      actorId: customerA.id,
      ip: null,
      name: "to revoke",
      scope: "READ_ONLY",
      expiresInDays: "never",
      now: new Date(),
    })
  ).id;
  jobRunId = (
    await db.jobRun.create({
      data: {
        trigger: "cron",
        status: "SUCCEEDED",
        clockNow: factories.TEST_NOW,
        startedAt: factories.TEST_NOW,
        heartbeatAt: factories.TEST_NOW,
        finishedAt: factories.TEST_NOW,
      },
    })
  ).id;
}, 60_000);

/** Things only A's data contains: none may appear in an answer to someone else. */
async function markersOfA(): Promise<string[]> {
  const certificates = await db.certificate.findMany({ where: { ownerId: customerA.id }, select: { id: true } });
  const targets = await db.deploymentTarget.findMany({ where: { ownerId: customerA.id }, select: { id: true } });
  return [
    customerA.email,
    A.domainMarker,
    A.notificationId,
    A.resourceId,
    A.deploymentId,
    ...certificates.map((c) => c.id),
    ...targets.map((target) => target.id),
  ];
}

type ActionRow = { expect: Row<ActionExpectation>; call: () => Promise<unknown> };

const certificateCall = (action: (input: { certificateId: string }) => Promise<unknown>, id: () => string) => () =>
  action({ certificateId: id() });

const ACTIONS: Record<string, ActionRow> = {
  "app/(auth)/actions.ts#signInAction": {
    expect: ANYONE_FORM,
    call: () => a.auth.signInAction({ status: "idle" }, toFormData({ email: customerA.email })),
  },
  "app/(auth)/actions.ts#signUpAction": {
    expect: ANYONE_FORM,
    call: () =>
      a.auth.signUpAction({ status: "idle" }, toFormData({ name: "X", email: customerA.email, password: "short" })),
  },
  // A creates one (with the key above: two, the most); revoking it frees the place the SSL API block needs.
  "app/(console)/api-keys/actions.ts#createApiKeyAction": {
    expect: OWN_DATA,
    call: () => a.apiKeys.createApiKeyAction({ name: "matrix", scope: "READ_ONLY", expiresInDays: "30" }),
  },
  "app/(console)/api-keys/actions.ts#revokeApiKeyAction": {
    expect: OWNER_ONLY,
    call: () => a.apiKeys.revokeApiKeyAction({ apiKeyId: apiKeyOfA }),
  },
  "app/(console)/billing/actions.ts#topUpAction": {
    expect: OWN_DATA,
    call: () =>
      a.billing.topUpAction({ providerId: "demo", amount: "10.00", currency: "USD", idempotencyToken: randomUUID() }),
  },
  "app/(console)/certificates/actions.ts#enableAutoRenewalAction": {
    expect: OWNER_ONLY,
    call: certificateCall(a.certificates.enableAutoRenewalAction, () => A.enableCertificateId),
  },
  "app/(console)/certificates/actions.ts#disableAutoRenewalAction": {
    expect: OWNER_ONLY,
    call: certificateCall(a.certificates.disableAutoRenewalAction, () => A.disableCertificateId),
  },
  "app/(console)/certificates/actions.ts#renewManuallyAction": {
    expect: OWNER_ONLY,
    call: certificateCall(a.certificates.renewManuallyAction, () => A.manualCertificateId),
  },
  "app/(console)/certificates/actions.ts#verifyRenewalNowAction": {
    expect: OWNER_ONLY,
    call: certificateCall(a.certificates.verifyRenewalNowAction, () => A.pendingRenewalId),
  },
  "app/(console)/certificates/actions.ts#revokeCertificateAction": {
    expect: OWNER_ONLY,
    call: () => a.certificates.revokeCertificateAction({ certificateId: A.revokeCertificateId, reason: "SUPERSEDED" }),
  },
  "app/(console)/certificates/reissue-actions.ts#reissueCertificateAction": {
    expect: OWNER_ONLY,
    call: () =>
      a.reissue.reissueCertificateAction({
        certificateId: A.reissueCertificateId,
        validationMethod: "DNS",
        key: { source: "GENERATE", algorithm: "ECDSA_P256" },
      }),
  },
  "app/(console)/certificates/actions.ts#deleteCertificateAction": {
    expect: OWNER_ONLY,
    call: () => a.certificates.deleteCertificateAction({ certificateId: A.deleteCertificateId, confirmedUserIds: [] }),
  },
  "app/(console)/certificates/order-actions.ts#placeCertificateOrderAction": {
    // Anyone signed in may apply for a free certificate; the order is theirs alone.
    expect: OWN_DATA,
    call: () =>
      a.orders.placeCertificateOrderAction({
        idempotencyKey: randomUUID(),
        flow: "FREE",
        productId: freeProductId,
        domainCount: 1,
        names: [`matrix-${randomUUID().slice(0, 8)}.orders.test`],
        validationMethod: "DNS",
        key: { source: "GENERATE", algorithm: "ECDSA_P256" },
        autoRenew: false,
      }),
  },
  "app/(console)/certificates/order-actions.ts#cancelCertificateOrderAction": {
    expect: OWNER_ONLY,
    call: certificateCall(a.orders.cancelCertificateOrderAction, () => A.pendingOrderCertificateId),
  },
  "app/(console)/certificates/after-issuance-actions.ts#updateCloudResourcesAction": {
    expect: OWNER_ONLY,
    call: () =>
      a.afterIssuance.updateCloudResourcesAction({ certificateId: A.issuedCertificateId, resourceIds: [A.resourceId] }),
  },
  "app/(console)/certificates/after-issuance-actions.ts#setAutoUpdateResourcesAction": {
    expect: OWNER_ONLY,
    call: () => a.afterIssuance.setAutoUpdateResourcesAction({ certificateId: A.issuedCertificateId, enabled: false }),
  },
  "app/(console)/certificates/after-issuance-actions.ts#setIgnoreNotificationsAction": {
    expect: OWNER_ONLY,
    call: () => a.afterIssuance.setIgnoreNotificationsAction({ certificateIds: [A.enableCertificateId], ignore: true }),
  },
  // Adding acts on the caller's own DNS hosting; a fresh name each call, so every caller can.
  "app/(console)/dns-hosting/actions.ts#addHostedZoneAction": {
    expect: OWN_DATA,
    call: () => a.dnsHosting.addHostedZoneAction({ name: `z${randomUUID().slice(0, 8)}.matrix.test` }),
  },
  "app/(console)/dns-hosting/actions.ts#checkZoneDelegationAction": {
    expect: OWNER_ONLY,
    call: () => a.dnsHosting.checkZoneDelegationAction({ zoneId: A.zoneToCheckId }),
  },
  "app/(console)/dns-hosting/actions.ts#removeHostedZoneAction": {
    expect: OWNER_ONLY,
    call: () => a.dnsHosting.removeHostedZoneAction({ zoneId: A.zoneToRemoveId }),
  },
  "app/(console)/dns-hosting/actions.ts#addValidationDelegationAction": {
    expect: OWN_DATA,
    call: () => a.dnsHosting.addValidationDelegationAction({ domain: `d${randomUUID().slice(0, 8)}.matrix.test` }),
  },
  "app/(console)/dns-hosting/actions.ts#checkValidationDelegationAction": {
    expect: OWNER_ONLY,
    call: () => a.dnsHosting.checkValidationDelegationAction({ delegationId: A.delegationToCheckId }),
  },
  "app/(console)/dns-hosting/actions.ts#removeValidationDelegationAction": {
    expect: OWNER_ONLY,
    call: () => a.dnsHosting.removeValidationDelegationAction({ delegationId: A.delegationToRemoveId }),
  },
  "app/(console)/certificates/deploy-actions.ts#deployCertificateAction": {
    expect: OWNER_ONLY,
    // To the webhook target (nothing listens there: it fails at once); the SSH target's deployment stays its latest.
    call: () =>
      a.deploy.deployCertificateAction({ certificateId: A.issuedCertificateId, targetIds: [A.webhookTargetId] }),
  },
  "app/(console)/certificates/deploy-actions.ts#verifyTargetDeploymentAction": {
    expect: OWNER_ONLY,
    call: () => a.deploy.verifyTargetDeploymentAction({ deploymentId: A.deploymentId }),
  },
  "app/(console)/certificates/deploy-actions.ts#rollBackTargetDeploymentAction": {
    expect: OWNER_ONLY,
    call: () => a.deploy.rollBackTargetDeploymentAction({ deploymentId: A.deploymentId }),
  },
  "app/(console)/deployment-targets/actions.ts#fetchSshHostKeyAction": {
    expect: OWN_DATA,
    call: () => a.targets.fetchSshHostKeyAction({ host: "127.0.0.1", port: 1 }),
  },
  "app/(console)/deployment-targets/actions.ts#createSshTargetAction": {
    expect: OWN_DATA,
    call: () => a.targets.createSshTargetAction(sshTargetFormInput(`new-${randomUUID()}`, "www.example.test")),
  },
  "app/(console)/deployment-targets/actions.ts#updateSshTargetAction": {
    expect: OWNER_ONLY,
    call: () =>
      a.targets.updateSshTargetAction({
        targetId: A.sshTargetId,
        ...sshTargetFormInput(`web.${A.domainMarker}`, `www.hosted.${A.domainMarker}`),
        privateKey: "",
      }),
  },
  "app/(console)/deployment-targets/actions.ts#createWebhookTargetAction": {
    expect: OWN_DATA,
    call: () => a.targets.createWebhookTargetAction(webhookTargetFormInput(`hook-${randomUUID()}`)),
  },
  "app/(console)/deployment-targets/actions.ts#updateWebhookTargetAction": {
    expect: OWNER_ONLY,
    call: () =>
      a.targets.updateWebhookTargetAction({
        targetId: A.webhookTargetId,
        ...webhookTargetFormInput(`hook.${A.domainMarker}`),
      }),
  },
  "app/(console)/deployment-targets/actions.ts#rotateDeployWebhookSecretAction": {
    expect: OWNER_ONLY,
    call: () => a.targets.rotateDeployWebhookSecretAction({ targetId: A.webhookTargetId }),
  },
  "app/(console)/deployment-targets/actions.ts#testDeploymentTargetAction": {
    expect: OWNER_ONLY,
    call: () => a.targets.testDeploymentTargetAction({ targetId: A.sshTargetId }),
  },
  "app/(console)/deployment-targets/actions.ts#deleteDeploymentTargetAction": {
    expect: OWNER_ONLY,
    call: () => a.targets.deleteDeploymentTargetAction({ targetId: A.deleteTargetId }),
  },
  "app/(console)/notifications/actions.ts#markNotificationsReadAction": {
    expect: OWN_DATA,
    call: () => a.notifications.markNotificationsReadAction({ ids: [A.notificationId] }),
  },
  "app/(console)/notifications/actions.ts#updateNotificationSettingsAction": {
    expect: OWN_DATA,
    call: () =>
      a.notifications.updateNotificationSettingsAction({
        reminderDays: "30, 7, 1",
        inApp: true,
        email: false,
        webhookUrl: WEBHOOK_URL,
      }),
  },
  "app/(console)/notifications/actions.ts#rotateWebhookSecretAction": {
    expect: OWN_DATA,
    call: () => a.notifications.rotateWebhookSecretAction({}),
  },
  "app/actions/set-locale.ts#setLocaleAction": {
    expect: ANYONE_OWN_COOKIE,
    call: () => a.locale.setLocaleAction("en"),
  },
  "app/actions/set-time-zone.ts#setTimeZoneAction": {
    expect: ANYONE_OWN_COOKIE,
    call: () => a.timeZone.setTimeZoneAction("Europe/Paris"),
  },
  "app/actions/sign-out.ts#signOutAction": { expect: ANYONE_OWN_COOKIE, call: () => a.signOut.signOutAction() },
  "app/admin/clock/actions.ts#setDemoClockAction": {
    expect: ADMIN_ONLY,
    call: () => a.clock.setDemoClockAction({ now: "2026-07-01T00:00:00Z" }),
  },
  "app/admin/clock/actions.ts#resetDemoClockAction": {
    expect: ADMIN_ONLY,
    call: () => a.clock.resetDemoClockAction({}),
  },
  "app/admin/customers/actions.ts#adjustBalanceAction": {
    expect: ADMIN_ONLY,
    call: () =>
      a.customers.adjustBalanceAction({
        customerId: customerA.id,
        direction: "CREDIT",
        amount: "5.00",
        currency: "USD",
        reason: "Goodwill",
        operationId: randomUUID(),
      }),
  },
  "app/admin/customers/actions.ts#setAccountDisabledAction": {
    expect: ADMIN_ONLY,
    // Not A: A must stay able to act for the rest of the matrix.
    call: () => a.customers.setAccountDisabledAction({ userId: accountToDisable.id, disabled: true }),
  },
  "app/admin/issuers/actions.ts#saveIssuerAction": {
    expect: ADMIN_ONLY,
    call: () =>
      a.issuers.saveIssuerAction({
        name: `Matrix CA ${randomUUID().slice(0, 8)}`,
        directoryUrl: CLOSED_DIRECTORY,
        eabKeyId: "kid",
        eabHmacKey: "bWF0cml4LWhtYWMta2V5LTAxMjM0NTY3",
        contactEmail: "",
        termsAccepted: true,
        caBundlePem: "",
      }),
  },
  "app/admin/issuers/actions.ts#testIssuerConnectionAction": {
    expect: ADMIN_ONLY,
    call: () => a.issuers.testIssuerConnectionAction({ issuerId: issuerToTestId }),
  },
  "app/admin/issuers/actions.ts#deleteIssuerAction": {
    expect: ADMIN_ONLY,
    call: () => a.issuers.deleteIssuerAction({ issuerId: issuerToDeleteId }),
  },
  "app/admin/issuers/actions.ts#assignProductIssuerAction": {
    expect: ADMIN_ONLY,
    call: () => a.issuers.assignProductIssuerAction({ priceId, issuerId: issuerToTestId }),
  },
  "app/admin/jobs/actions.ts#runRenewalJobNowAction": {
    expect: ADMIN_ONLY,
    call: () => a.jobs.runRenewalJobNowAction({}),
  },
  "app/admin/prices/actions.ts#updatePriceAction": {
    expect: ADMIN_ONLY,
    call: () => a.prices.updatePriceAction({ priceId, price: "29.00", currency: "USD", autoRenewSupported: true }),
  },
  "app/admin/prices/actions.ts#updateFreeCertificateLimitAction": {
    expect: ADMIN_ONLY,
    call: () => a.prices.updateFreeCertificateLimitAction({ limit: 40 }),
  },
  "app/(console)/certificates/organization-actions.ts#correctOrganizationDetailsAction": {
    expect: OWNER_ONLY,
    call: () =>
      a.organization.correctOrganizationDetailsAction({
        certificateId: A.correctCertificateId,
        details: {
          companyName: "Corrected Co",
          country: "CN",
          locality: "Beijing",
          address: "2 Test Road",
          companyPhone: "+86 10 0000 0000",
          contactName: "Corrected Contact",
          contactEmail: "corrected@example.test",
          contactPhone: "+86 139 0000 0000",
        },
      }),
  },
  "app/admin/reviews/actions.ts#approveOrganizationReviewAction": {
    expect: ADMIN_ONLY,
    call: certificateCall(a.reviews.approveOrganizationReviewAction, () => A.reviewCertificateId),
  },
  "app/admin/reviews/actions.ts#rejectOrganizationReviewAction": {
    expect: ADMIN_ONLY,
    call: () =>
      a.reviews.rejectOrganizationReviewAction({ certificateId: A.rejectCertificateId, reason: "Letter unreadable" }),
  },
};

type RouteRow = {
  expect: Row<RouteExpectation>;
  /** Its refusals are not the app's translated {code, message} (the job route answers schedulers in English). */
  untranslatedRefusals?: true;
  /** The same request with the bearer secret and no session (the job route only). */
  cron?: 200;
  call?: (headers?: Record<string, string>) => Promise<Response>;
  /** Why this route is not called here (checked elsewhere). */
  notCalledBecause?: string;
  /**
   * The SSL API: sessions mean nothing to it, so every caller here (no signature) gets its
   * AuthFailure.InvalidAuthorization, in its HTTP 200 envelope. By API key: "the SSL API" below.
   */
  apiKeysOnly?: true;
};

const url = (path: string) => `http://localhost${path}`;
const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(url(path), { headers });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

// What a browser on the console's own page sends with a write; the cross-site checks below replace it.
const SAME_ORIGIN = { origin: "http://localhost", host: "localhost" };

function uploadRequest(headers: Record<string, string> = {}): NextRequest {
  const keys = generateTestKeyPair("ec-p256");
  const root = issueTestCertificate({
    commonName: "Matrix Test Root",
    isCa: true,
    notBefore: new Date(factories.TEST_NOW.getTime() - 30 * 86_400_000),
    notAfter: new Date(factories.TEST_NOW.getTime() + 400 * 86_400_000),
    keys: generateTestKeyPair("ec-p256"),
  });
  const domain = `upload-${randomUUID().slice(0, 8)}.example.test`;
  const leaf = issueTestCertificate({
    commonName: domain,
    sans: [domain],
    notBefore: new Date(factories.TEST_NOW.getTime() - 86_400_000),
    notAfter: new Date(factories.TEST_NOW.getTime() + 300 * 86_400_000),
    keys,
    issuer: root,
  });
  return new NextRequest(url("/api/certificates/upload"), {
    method: "POST",
    headers: { "content-type": "application/json", ...SAME_ORIGIN, ...headers },
    body: JSON.stringify({ certificatePem: leaf.pem, chainPem: root.pem, privateKeyPem: leaf.privateKeyPem }),
  });
}

// Two kilobytes that are a PDF by their signature: a letter the upload accepts.
const PDF_LETTER_BASE64 = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2048 - 9)]).toString("base64");

const ROUTES: Record<string, RouteRow> = {
  "GET /api/account/balance-warning": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/account/balance-warning/route.ts"].GET(get("/api/account/balance-warning")),
  },
  "GET /api/account/balance": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/account/balance/route.ts"].GET(get("/api/account/balance")),
  },
  "GET /api/admin/certificates": {
    expect: ADMIN_ROUTE,
    call: () =>
      r["app/api/admin/certificates/route.ts"].GET(
        get(`/api/admin/certificates?owner=${encodeURIComponent(customerA.email)}`),
      ),
  },
  "GET /api/admin/certificates/[id]": {
    expect: ADMIN_ROUTE,
    call: () =>
      r["app/api/admin/certificates/[id]/route.ts"].GET(
        get(`/api/admin/certificates/${A.issuedCertificateId}`),
        params({ id: A.issuedCertificateId }),
      ),
  },
  "GET /api/admin/clock": {
    expect: ADMIN_ROUTE,
    call: () => r["app/api/admin/clock/route.ts"].GET(get("/api/admin/clock")),
  },
  "PUT /api/admin/clock": {
    expect: ADMIN_ROUTE,
    call: () =>
      r["app/api/admin/clock/route.ts"].PUT(
        new NextRequest(url("/api/admin/clock"), {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ now: "2026-07-01T00:00:00+08:00" }),
        }),
      ),
  },
  "DELETE /api/admin/clock": {
    expect: ADMIN_ROUTE,
    call: () =>
      r["app/api/admin/clock/route.ts"].DELETE(new NextRequest(url("/api/admin/clock"), { method: "DELETE" })),
  },
  "GET /api/admin/jobs": {
    expect: ADMIN_ROUTE,
    call: () => r["app/api/admin/jobs/route.ts"].GET(get("/api/admin/jobs")),
  },
  "GET /api/admin/jobs/[id]": {
    expect: ADMIN_ROUTE,
    call: () => r["app/api/admin/jobs/[id]/route.ts"].GET(get(`/api/admin/jobs/${jobRunId}`), params({ id: jobRunId })),
  },
  "GET /api/auth/[...nextauth]": {
    expect: SECRET_ONLY_ROUTE,
    notCalledBecause: "Auth.js's own endpoints (no CertDesk data); CSRF and cross-site POSTs: e2e/security.spec.ts",
  },
  "POST /api/auth/[...nextauth]": {
    expect: SECRET_ONLY_ROUTE,
    notCalledBecause: "Auth.js's own endpoints (no CertDesk data); CSRF and cross-site POSTs: e2e/security.spec.ts",
  },
  "GET /api/billing/forecast": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/billing/forecast/route.ts"].GET(get("/api/billing/forecast?page=2&pageSize=25")),
  },
  "GET /api/billing/ledger": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/billing/ledger/route.ts"].GET(get("/api/billing/ledger")),
  },
  "GET /api/certificates/[id]/auto-renew-offer": {
    expect: OWNER_ROUTE,
    call: () =>
      r["app/api/certificates/[id]/auto-renew-offer/route.ts"].GET(
        get(`/api/certificates/${A.enableCertificateId}/auto-renew-offer`),
        params({ id: A.enableCertificateId }),
      ),
  },
  // The owner reads their letter; administrators read every letter, to review it.
  "GET /api/certificates/[id]/confirmation-letter": {
    expect: { anonymous: 401, customerB: 404, customerA: 200, admin: 200 },
    call: () =>
      r["app/api/certificates/[id]/confirmation-letter/route.ts"].GET(
        get(`/api/certificates/${A.reviewCertificateId}/confirmation-letter`),
        params({ id: A.reviewCertificateId }),
      ),
  },
  "POST /api/certificates/[id]/confirmation-letter": {
    expect: OWNER_ROUTE,
    call: (headers) =>
      r["app/api/certificates/[id]/confirmation-letter/route.ts"].POST(
        new NextRequest(url(`/api/certificates/${A.letterCertificateId}/confirmation-letter`), {
          method: "POST",
          headers: { "content-type": "application/json", ...SAME_ORIGIN, ...headers },
          body: JSON.stringify({ letterBase64: PDF_LETTER_BASE64 }),
        }),
        params({ id: A.letterCertificateId }),
      ),
  },
  "GET /api/certificates/[id]/deployment": {
    expect: OWNER_ROUTE,
    call: () =>
      r["app/api/certificates/[id]/deployment/route.ts"].GET(
        get(`/api/certificates/${A.issuedCertificateId}/deployment`),
        params({ id: A.issuedCertificateId }),
      ),
  },
  "GET /api/certificates/[id]/download": {
    expect: OWNER_ROUTE,
    call: () =>
      r["app/api/certificates/[id]/download/route.ts"].GET(
        get(`/api/certificates/${A.issuedCertificateId}/download?type=nginx`),
        params({ id: A.issuedCertificateId }),
      ),
  },
  "GET /api/certificates/[id]/manual-renewal-offer": {
    expect: OWNER_ROUTE,
    call: () =>
      r["app/api/certificates/[id]/manual-renewal-offer/route.ts"].GET(
        get(`/api/certificates/${A.enableCertificateId}/manual-renewal-offer`),
        params({ id: A.enableCertificateId }),
      ),
  },
  "GET /api/certificates/[id]": {
    expect: OWNER_ROUTE,
    call: () =>
      r["app/api/certificates/[id]/route.ts"].GET(
        get(`/api/certificates/${A.issuedCertificateId}`),
        params({ id: A.issuedCertificateId }),
      ),
  },
  "GET /api/certificates/[id]/target-deployments": {
    expect: OWNER_ROUTE,
    call: () =>
      r["app/api/certificates/[id]/target-deployments/route.ts"].GET(
        get(`/api/certificates/${A.issuedCertificateId}/target-deployments`),
        params({ id: A.issuedCertificateId }),
      ),
  },
  "GET /api/deployment-targets": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/deployment-targets/route.ts"].GET(get("/api/deployment-targets")),
  },
  "GET /api/certificates": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/certificates/route.ts"].GET(get(`/api/certificates?search=${A.domainMarker}`)),
  },
  "POST /api/certificates/upload": {
    expect: { anonymous: 401, customerB: "self", customerA: 201, admin: "self" },
    call: (headers) => r["app/api/certificates/upload/route.ts"].POST(uploadRequest(headers)),
  },
  "GET /api/jobs/renewals": {
    expect: SECRET_ONLY_ROUTE,
    untranslatedRefusals: true,
    cron: 200,
    call: (headers) => r["app/api/jobs/renewals/route.ts"].GET(get("/api/jobs/renewals", headers)),
  },
  "POST /api/jobs/renewals": {
    expect: SECRET_ONLY_ROUTE,
    untranslatedRefusals: true,
    cron: 200,
    call: (headers) =>
      r["app/api/jobs/renewals/route.ts"].POST(new NextRequest(url("/api/jobs/renewals"), { method: "POST", headers })),
  },
  "GET /api/notifications/unread": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/notifications/unread/route.ts"].GET(get("/api/notifications/unread")),
  },
  "GET /api/resources": {
    expect: OWN_DATA_ROUTE,
    call: () => r["app/api/resources/route.ts"].GET(get(`/api/resources?certificateId=${A.issuedCertificateId}`)),
  },
  "GET /api/tc3": {
    expect: SECRET_ONLY_ROUTE,
    apiKeysOnly: true,
    call: () =>
      r["app/api/tc3/route.ts"].GET(
        get("/api/tc3?Limit=10", { "x-tc-action": "DescribeCertificates", "x-tc-version": "2019-12-05" }),
      ),
  },
  "POST /api/tc3": {
    expect: SECRET_ONLY_ROUTE,
    apiKeysOnly: true,
    call: (headers = {}) =>
      r["app/api/tc3/route.ts"].POST(
        new NextRequest(url("/api/tc3"), {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-tc-action": "DeleteCertificate",
            "x-tc-version": "2019-12-05",
            ...SAME_ORIGIN,
            ...headers,
          },
          body: JSON.stringify({ CertificateId: A.issuedCertificateId }),
        }),
      ),
  },
};

describe("the tables cover every entry point in the code", () => {
  it("lists every server action, and nothing that is not one", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(listServerActions(ROOT).map((entry) => entry.key));
  });

  it("lists every route handler, and nothing that is not one", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(listRouteHandlers(ROOT).map((entry) => entry.key));
  });

  it("imports exactly the modules the scan found, so the calls below are the real exports", () => {
    const scannedActions = listServerActions(ROOT);
    expect(Object.keys(actionModules).sort()).toEqual([...new Set(scannedActions.map((entry) => entry.file))].sort());
    for (const [file, module] of Object.entries(actionModules)) {
      const exported = Object.entries(module).filter(([, value]) => typeof value === "function");
      expect(exported.map(([name]) => `${file}#${name}`).sort(), file).toEqual(
        scannedActions.filter((entry) => entry.file === file).map((entry) => entry.key),
      );
    }
    const scannedRoutes = listRouteHandlers(ROOT);
    expect([...Object.keys(routeModules), ...NOT_IMPORTED_ROUTE_FILES].sort()).toEqual(
      [...new Set(scannedRoutes.map((entry) => entry.file))].sort(),
    );
    for (const entry of scannedRoutes.filter((route) => !NOT_IMPORTED_ROUTE_FILES.includes(route.file))) {
      const module = routeModules[entry.file as keyof typeof routeModules] as Record<string, unknown>;
      expect(typeof module[entry.method], entry.key).toBe("function");
      expect(ROUTES[entry.key]?.call, entry.key).toBeTypeOf("function");
    }
  });
});

function actionOutcome(result: unknown): string {
  if (result === undefined) return "ok";
  if (typeof result === "object" && result !== null && "ok" in result) {
    return result.ok ? "ok" : String((result as { code?: unknown }).code);
  }
  if (typeof result === "object" && result !== null && "status" in result) {
    return result.status === "error" ? "FORM_ERROR" : "ok";
  }
  return `unexpected result ${JSON.stringify(result)}`;
}

async function expectSelfOnly(answer: string, ownerBefore: Record<string, string>, label: string) {
  expect(await fingerprintOwner(customerA.id), `${label}: A's rows changed`).toEqual(ownerBefore);
  for (const marker of await markersOfA()) {
    expect(answer.includes(marker), `${label}: the answer shows A's ${marker}`).toBe(false);
  }
}

describe("server actions", () => {
  it.each(Object.keys(ACTIONS))("%s", async (key) => {
    const row = ACTIONS[key] as ActionRow;
    for (const caller of CALLERS) {
      const expected = row.expect[caller];
      actAs(users()[caller]);
      const label = `${key} as ${caller}`;
      const databaseBefore = await fingerprintDatabase();
      const ownerBefore = await fingerprintOwner(customerA.id);
      const result = await row.call();
      const outcome = actionOutcome(result);
      if (expected === "ok" || expected === "self") {
        expect(outcome, `${label}: ${JSON.stringify(result)}`).toBe("ok");
        if (expected === "self") await expectSelfOnly(JSON.stringify(result ?? null), ownerBefore, label);
      } else {
        expect(outcome, `${label}: ${JSON.stringify(result)}`).toBe(expected);
        expect(await fingerprintDatabase(), `${label}: a refused call changed the database`).toEqual(databaseBefore);
      }
    }
  });
});

const REFUSAL_CODES = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND" } as const;

/** A refusal is {code, message} with the message the app shows for that code, never the bare code. */
function expectTranslatedRefusal(body: string, code: keyof typeof errorMessages, label: string) {
  expect(JSON.parse(body), `${label}: refusal body`).toEqual({ code, message: errorMessages[code] });
}

describe("route handlers", () => {
  it.each(Object.keys(ROUTES))("%s", async (key) => {
    const row = ROUTES[key] as RouteRow;
    if (!row.call) {
      expect(row.notCalledBecause, key).toBeTruthy();
      return;
    }
    if (row.apiKeysOnly) {
      for (const caller of CALLERS) {
        actAs(users()[caller]);
        const databaseBefore = await fingerprintDatabase();
        const response = await row.call();
        expect(response.status, `${key} as ${caller}`).toBe(200);
        expect(await tc3ErrorCode(response), `${key} as ${caller}`).toBe("AuthFailure.InvalidAuthorization");
        expect(await fingerprintDatabase(), `${key} as ${caller}: the database changed`).toEqual(databaseBefore);
      }
      return;
    }
    for (const caller of CALLERS) {
      const expected = row.expect[caller];
      actAs(users()[caller]);
      const label = `${key} as ${caller}`;
      const databaseBefore = await fingerprintDatabase();
      const ownerBefore = await fingerprintOwner(customerA.id);
      const response = await row.call();
      const body = await response.text();
      if (expected === "self") {
        expect(response.status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(300);
        await expectSelfOnly(body, ownerBefore, label);
      } else {
        expect(response.status, `${label}: ${body.slice(0, 300)}`).toBe(expected);
        if (expected >= 400) {
          expect(await fingerprintDatabase(), `${label}: a refused call changed the database`).toEqual(databaseBefore);
          if (!row.untranslatedRefusals)
            expectTranslatedRefusal(body, REFUSAL_CODES[expected as 401 | 403 | 404], label);
        }
      }
    }
    if (row.cron) {
      actAs(null);
      const response = await row.call({ authorization: `Bearer ${process.env.CRON_SECRET}` });
      expect(response.status, `${key} with the bearer secret`).toBe(row.cron);
    }
  });
});

// Writes by cookie can be sent by any page on the web (a form posting multipart needs no
// preflight): every customer route that changes something refuses a request whose Origin
// is not this host, as proxy.ts does for server actions, before it looks at the session.
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const CROSS_SITE_ORIGINS = { "another site": "https://attacker.example", "an opaque origin": "null", "no origin": "" };
// The SSL API is not among them: it reads no cookie, each request is signed with an API key.
const isCustomerWrite = (entry: { method: string; path: string }) =>
  WRITE_METHODS.has(entry.method) && !/^\/api\/(admin|auth|jobs|tc3)(\/|$)/.test(entry.path);

describe("cross-site writes to customer routes", () => {
  it("covers at least the upload route", () => {
    expect(
      listRouteHandlers(ROOT)
        .filter(isCustomerWrite)
        .map((entry) => entry.key),
    ).toContain("POST /api/certificates/upload");
  });

  it.each(
    listRouteHandlers(ROOT)
      .filter(isCustomerWrite)
      .map((entry) => entry.key),
  )("%s", async (key) => {
    const row = ROUTES[key] as RouteRow;
    for (const [name, origin] of Object.entries(CROSS_SITE_ORIGINS)) {
      for (const caller of ["customerA", "anonymous"] as const) {
        actAs(users()[caller]);
        const label = `${key} from ${name} as ${caller}`;
        const databaseBefore = await fingerprintDatabase();
        const response = await (row.call as NonNullable<RouteRow["call"]>)({ origin });
        const body = await response.text();
        expect(response.status, `${label}: ${body.slice(0, 300)}`).toBe(403);
        expect(JSON.parse(body), label).toEqual({ code: "FORBIDDEN", message: errorMessages.crossSiteRequest });
        expect(await fingerprintDatabase(), `${label}: a refused call changed the database`).toEqual(databaseBefore);
      }
    }
  });
});

async function tc3ErrorCode(response: Response): Promise<string | null> {
  const answer = (await response.json()) as { Response: { Error?: { Code: string } } };
  return answer.Response.Error?.Code ?? null;
}

// The SSL API by API key, action by action, against A's objects: customer B's key is
// answered as if they did not exist (or with an empty list), A's read-only key is refused
// every write, and neither changes A's rows or shows anything of A. Every action of
// lib/tencent-api/tc3-actions.ts needs a case: adding one means deciding what it may touch.
type Tc3Case = { body: () => Record<string, unknown>; bRefusal: string | null };
const NOT_FOUND = "FailedOperation.CertificateNotFound";
const TC3_CASES: Record<string, Tc3Case> = {
  DescribeCertificates: { body: () => ({ Limit: 1000, SearchKey: A.domainMarker }), bRefusal: null },
  DescribeCertificateDetail: { body: () => ({ CertificateId: A.issuedCertificateId }), bRefusal: NOT_FOUND },
  DescribeCertificate: { body: () => ({ CertificateId: A.issuedCertificateId }), bRefusal: NOT_FOUND },
  DownloadCertificate: { body: () => ({ CertificateId: A.issuedCertificateId }), bRefusal: NOT_FOUND },
  UploadCertificate: {
    body: () => {
      const keys = generateTestKeyPair("ec-p256");
      const leaf = issueTestCertificate({
        commonName: `api.${randomUUID().slice(0, 8)}.example.test`,
        keys,
        // The matrix's clock is TEST_NOW (testing/entry-point-test-setup.ts).
        notBefore: new Date(factories.TEST_NOW.getTime() - 86_400_000),
        notAfter: new Date(factories.TEST_NOW.getTime() + 80 * 86_400_000),
      });
      return { CertificatePublicKey: leaf.pem, CertificatePrivateKey: leaf.privateKeyPem };
    },
    // B may upload into B's own account: checked as "A's rows unchanged".
    bRefusal: null,
  },
  DeleteCertificate: { body: () => ({ CertificateId: A.enableCertificateId }), bRefusal: NOT_FOUND },
  ModifyCertificateAlias: {
    body: () => ({ CertificateId: A.enableCertificateId, Alias: "B was here" }),
    bRefusal: NOT_FOUND,
  },
  ModifyCertificatesExpiringNotificationSwitch: {
    body: () => ({ CertificateIds: [A.enableCertificateId], SwitchStatus: 1 }),
    bRefusal: NOT_FOUND,
  },
  // B applies for a name of its own: checked as "A's rows unchanged".
  ApplyCertificate: {
    body: () => ({ DvAuthMethod: "DNS", DomainName: `b-${randomUUID().slice(0, 8)}.example.test` }),
    bRefusal: null,
  },
  CheckCertificateDomainVerification: { body: () => ({ CertificateId: A.pendingRenewalId }), bRefusal: NOT_FOUND },
  CompleteCertificate: { body: () => ({ CertificateId: A.pendingRenewalId }), bRefusal: NOT_FOUND },
  ReplaceCertificate: {
    body: () => ({ CertificateId: A.reissueCertificateId, CertCSREncryptAlgo: "ECC" }),
    bRefusal: NOT_FOUND,
  },
  CertDeskModifyAutoRenew: {
    body: () => ({ CertificateId: A.enableCertificateId, AutoRenewFlag: 1 }),
    bRefusal: NOT_FOUND,
  },
  // B creates a certificate of its own: checked as "A's rows unchanged".
  CreateCertificate: { body: () => ({ ProductId: 48, DomainNum: 1, TimeSpan: 1 }), bRefusal: null },
  CertificateInfoSubmit: {
    body: () => ({
      CertId: A.submittedDraftId,
      GenCsrType: "online",
      CertCommonName: `b.${A.domainMarker}`,
      CompanyType: 1,
      CompanyId: "0",
    }),
    bRefusal: NOT_FOUND,
  },
  CertificateOrderSubmit: { body: () => ({ CertId: A.submittedDraftId }), bRefusal: NOT_FOUND },
};

describe("the SSL API, by API key", () => {
  const keys: Record<"bReadWrite" | "aReadOnly", { secretId: string; secretKey: string }> = {
    bReadWrite: { secretId: "", secretKey: "" },
    aReadOnly: { secretId: "", secretKey: "" },
  };
  beforeAll(async () => {
    const create = (ownerId: string, scope: "READ_ONLY" | "READ_WRITE") =>
      createApiKey({
        ownerId,
        actorId: ownerId,
        ip: null,
        name: "matrix",
        scope,
        expiresInDays: "never",
        now: new Date(),
      });
    keys.bReadWrite = await create(customerB.id, "READ_WRITE");
    keys.aReadOnly = await create(customerA.id, "READ_ONLY");
  });

  function signedCall(action: string, body: Record<string, unknown>, key: { secretId: string; secretKey: string }) {
    const text = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    const authorization = signTc3Request({
      method: "POST",
      host: "localhost",
      contentType: "application/json",
      body: text,
      timestamp,
      ...key,
    });
    return r["app/api/tc3/route.ts"].POST(
      new NextRequest(url("/api/tc3"), {
        method: "POST",
        headers: {
          authorization,
          host: "localhost",
          "content-type": "application/json",
          "x-tc-action": action,
          "x-tc-version": "2019-12-05",
          "x-tc-timestamp": String(timestamp),
        },
        body: text,
      }),
    );
  }

  it("has a case for every action the API answers", () => {
    expect(Object.keys(TC3_CASES).sort()).toEqual(Object.keys(TC3_ACTIONS).sort());
  });

  it.each(Object.keys(TC3_CASES))("%s", async (action) => {
    const row = TC3_CASES[action] as Tc3Case;
    actAs(null);
    const ownerBefore = await fingerprintOwner(customerA.id);
    const response = await signedCall(action, row.body(), keys.bReadWrite);
    const answer = await response.text();
    expect(JSON.parse(answer).Response.Error?.Code ?? null, `${action} with B's key: ${answer.slice(0, 300)}`).toBe(
      row.bRefusal,
    );
    await expectSelfOnly(answer, ownerBefore, `${action} with B's key`);

    if (TC3_ACTIONS[action]?.access === "write") {
      const certificatesBefore = await fingerprintOwner(customerA.id);
      const readOnly = await signedCall(action, row.body(), keys.aReadOnly);
      expect(await tc3ErrorCode(readOnly), `${action} with A's read-only key`).toBe("UnauthorizedOperation");
      expect(await fingerprintOwner(customerA.id), `${action} with A's read-only key`).toEqual(certificatesBefore);
    }
  });
});
