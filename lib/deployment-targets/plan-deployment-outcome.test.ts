import { describe, expect, it } from "vitest";
import type { DeploymentVerification } from "@/lib/deploy/deployment-contracts";
import { planDeploymentOutcome, verificationCallsForRollback } from "@/lib/deployment-targets/plan-deployment-outcome";
import { WEBHOOK_MAX_ATTEMPTS } from "@/lib/notifications/webhook-retry";

const realNow = new Date("2026-06-15T08:00:00Z");
const endpoint = { host: "203.0.113.5", port: 443, serverName: "www.example.com" };
const served = {
  serialNumber: "0A",
  fingerprintSha256: "ab",
  subject: "CN=www.example.com",
  issuer: "CN=CA",
  dnsNames: ["www.example.com"],
  notBefore: new Date(0),
  notAfter: new Date(0),
};
const serving: DeploymentVerification = {
  status: "SERVING",
  endpoints: [{ status: "SERVING", endpoint, served, trusted: true, trustError: null }],
  checkedAt: realNow.toISOString(),
};
const otherServed: DeploymentVerification = {
  status: "NOT_SERVING",
  endpoints: [
    {
      status: "NOT_SERVING",
      endpoint,
      mismatch: "OTHER_CERTIFICATE",
      served: { ...served, serialNumber: "0B" },
      missingIntermediates: [],
      trusted: true,
      trustError: null,
    },
  ],
  checkedAt: realNow.toISOString(),
};
const unreachable: DeploymentVerification = {
  status: "NOT_SERVING",
  endpoints: [{ status: "UNREACHABLE", endpoint, reason: "TIMEOUT", message: "timed out" }],
  checkedAt: realNow.toISOString(),
};
const reloadFailed = { reason: "RELOAD_FAILED" as const, message: "nginx: [emerg]" };

const plan = (input: Partial<Parameters<typeof planDeploymentOutcome>[0]>) =>
  planDeploymentOutcome({
    deploymentId: "tdp1",
    trigger: "RENEWAL",
    attempt: 1,
    result: { kind: "deployed", verification: serving, record: null },
    realNow,
    ...input,
  });

describe("planDeploymentOutcome", () => {
  it("is serving only when the verification says so, and binds the target either way once the files are in place", () => {
    expect(plan({})).toMatchObject({
      status: "DEPLOYED",
      verificationStatus: "SERVING",
      failure: null,
      bindsCertificate: true,
      notice: { kind: "CERTIFICATE_DEPLOYED", dedupeKey: "deploy:tdp1:serving" },
    });
    expect(plan({ result: { kind: "deployed", verification: otherServed, record: null } })).toMatchObject({
      status: "DEPLOYED",
      verificationStatus: "NOT_SERVING",
      failure: { reason: "NOT_SERVING", message: expect.stringContaining("serial 0B") },
      bindsCertificate: true,
      notice: { kind: "DEPLOYMENT_NOT_SERVING" },
    });
  });

  it("retries an automatic deployment on the backoff schedule, telling the customer of the first failure with its retry", () => {
    const first = plan({ result: { kind: "rolled-back", failure: reloadFailed } });
    expect(first).toMatchObject({ status: "PENDING", bindsCertificate: false, failure: reloadFailed });
    expect(first.nextAttemptAt).toEqual(new Date(realNow.getTime() + 60_000));
    expect(first.notice).toMatchObject({ kind: "DEPLOYMENT_FAILED", dedupeKey: "deploy:tdp1:failed" });
    expect(first.notice?.retryAt).toEqual(first.nextAttemptAt);

    const second = plan({ attempt: 2, result: { kind: "not-deployed", failure: reloadFailed } });
    expect(second.nextAttemptAt).toEqual(new Date(realNow.getTime() + 5 * 60_000));
    expect(second.notice).toBeNull();
  });

  it("is bounded: after the last attempt it ends, and the customer hears of it once", () => {
    expect(
      plan({ attempt: WEBHOOK_MAX_ATTEMPTS, result: { kind: "rolled-back", failure: reloadFailed } }),
    ).toMatchObject({
      status: "ROLLED_BACK",
      nextAttemptAt: null,
      notice: { kind: "DEPLOYMENT_FAILED", dedupeKey: "deploy:tdp1:final", retryAt: null },
    });
    expect(
      plan({ attempt: WEBHOOK_MAX_ATTEMPTS, result: { kind: "not-deployed", failure: reloadFailed } }),
    ).toMatchObject({ status: "FAILED", nextAttemptAt: null });
  });

  it("does not retry what no retry can fix, nor a server that needs someone's attention", () => {
    expect(
      plan({
        result: { kind: "not-deployed", failure: { reason: "NO_PRIVATE_KEY", message: "" }, permanent: true },
      }),
    ).toMatchObject({ status: "FAILED", nextAttemptAt: null, notice: { dedupeKey: "deploy:tdp1:final" } });
    expect(plan({ result: { kind: "needs-attention", failure: reloadFailed } })).toMatchObject({
      status: "NEEDS_ATTENTION",
      nextAttemptAt: null,
      bindsCertificate: false,
    });
  });

  it("never retries nor notifies a deployment the customer started: they see its outcome", () => {
    const manual = plan({ trigger: "MANUAL", result: { kind: "rolled-back", failure: reloadFailed } });
    expect(manual).toMatchObject({ status: "ROLLED_BACK", nextAttemptAt: null, notice: null });
    expect(plan({ trigger: "MANUAL" }).notice).toBeNull();
  });
});

describe("verificationCallsForRollback", () => {
  it("rolls back when an endpoint serves something else, not when it only could not be reached", () => {
    expect(verificationCallsForRollback(otherServed)).toBe(true);
    expect(verificationCallsForRollback(unreachable)).toBe(false);
    expect(verificationCallsForRollback(serving)).toBe(false);
  });
});
