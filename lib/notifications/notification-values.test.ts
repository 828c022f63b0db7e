import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { deploymentNoticeRow } from "@/lib/deployment-targets/deployment-notice-row";
import { notificationValues } from "@/lib/notifications/notification-values";
import { loadMessages } from "@/messages/load-messages";

const now = new Date("2026-06-15T08:00:00Z");

async function render(locale: "en" | "zh-CN", row: { kind: string; params?: unknown }) {
  const t = createTranslator({ locale, messages: await loadMessages(locale) }) as unknown as (
    key: string,
    values: Record<string, string | number>,
  ) => string;
  const values = notificationValues(row.params as Record<string, string>, locale, (iso) => iso.slice(0, 16));
  return `${t(`notifications.kind.${row.kind}.title`, values)} | ${t(`notifications.kind.${row.kind}.body`, values)}`;
}

const base = {
  ownerId: "u1",
  deploymentId: "tdp1",
  certificateId: "c1",
  domain: "www.example.com",
  targetId: "t1",
  targetName: "web-1",
  verification: null,
  now,
};

describe("the notices of automatic deployments", () => {
  it("say where, why and when it is tried again, in both languages", async () => {
    const row = deploymentNoticeRow({
      ...base,
      notice: { kind: "DEPLOYMENT_FAILED", dedupeKey: "deploy:tdp1:failed", retryAt: new Date("2026-06-15T08:01:00Z") },
      status: "PENDING",
      failure: { reason: "RELOAD_FAILED", message: "nginx: [emerg]" },
    });
    expect(await render("en", row)).toBe(
      "Deploying www.example.com to web-1 failed | The renewed certificate for www.example.com could not be deployed to web-1: the reload command failed and the previous files were put back. It is tried again at 2026-06-15T08:01.",
    );
    expect(await render("zh-CN", row)).toContain("将于 2026-06-15T08:01 重试");
    const final = deploymentNoticeRow({
      ...base,
      notice: { kind: "DEPLOYMENT_FAILED", dedupeKey: "deploy:tdp1:final", retryAt: null },
      status: "FAILED",
      failure: { reason: "SFTP_UNSUPPORTED", message: "" },
    });
    expect(await render("en", final)).toContain("see the log on the certificate page. It is not tried again");
  });

  it("name the endpoint and the serial served instead when the target does not serve it", async () => {
    const row = deploymentNoticeRow({
      ...base,
      notice: { kind: "DEPLOYMENT_NOT_SERVING", dedupeKey: "deploy:tdp1:not-serving", retryAt: null },
      status: "DEPLOYED",
      failure: { reason: "NOT_SERVING", message: "" },
      verification: {
        status: "NOT_SERVING",
        checkedAt: now.toISOString(),
        endpoints: [
          {
            status: "NOT_SERVING",
            endpoint: { host: "203.0.113.5", port: 443, serverName: "www.example.com" },
            mismatch: "OTHER_CERTIFICATE",
            served: {
              serialNumber: "0B",
              fingerprintSha256: "ab",
              subject: "CN=old",
              issuer: "CN=CA",
              dnsNames: [],
              notBefore: now,
              notAfter: now,
            },
            missingIntermediates: [],
            trusted: false,
            trustError: null,
          },
        ],
      },
    });
    expect(await render("en", row)).toContain("but 203.0.113.5:443 still serves another certificate (serial 0B)");
  });
});

describe("the issued-certificate notice", () => {
  const issued = (params: Record<string, string | number | boolean>) => ({
    kind: "CERTIFICATE_ISSUED",
    params: { domain: "www.example.com", expiresAt: "2027-01-01T00:00:00.000Z", ...params },
  });

  it("of a reissue asks for the cloud resources of the revoked certificate, unless they moved by themselves", async () => {
    const asked = issued({ replacedCertificateId: "c0", autoUpdateResources: false, autoRenew: false });
    expect(await render("en", asked)).toContain(
      "the certificate it replaces is revoked. Update it on the cloud resources that used the old certificate.",
    );
    expect(await render("zh-CN", asked)).toContain("请将其更新到使用旧证书的云资源上");
    const moved = issued({ replacedCertificateId: "c0", autoUpdateResources: true, autoRenew: true });
    expect(await render("en", moved)).toContain("It was deployed to your cloud resources automatically.");
  });

  it("of a purchase says nothing of resources", async () => {
    const text = await render("en", issued({ autoRenew: false }));
    expect(text).toBe(
      "Certificate for www.example.com issued | The certificate for www.example.com is valid until 2027-01-01T00:00. Download it and deploy it where you need it.",
    );
  });
});

describe("the notices of a timed-out reissue and a rejected organisation review", () => {
  it("say what happened and, for the review, the administrator's reason, in both languages", async () => {
    const rejected = {
      kind: "ORGANIZATION_REJECTED",
      params: { domain: "www.example.com", reason: "The letter is not signed." },
    };
    expect(await render("en", rejected)).toContain("cancel the order for a refund. Reason: The letter is not signed.");
    expect(await render("zh-CN", rejected)).toContain("原因：The letter is not signed.");
    const timedOut = { kind: "REISSUE_TIMED_OUT", params: { domain: "www.example.com", replacedCertificateId: "c0" } };
    expect(await render("en", timedOut)).toContain("The certificate it was to replace stays issued and unchanged");
    expect(await render("zh-CN", timedOut)).toContain("原证书保持已签发状态");
  });
});
