import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";

// A real SMTP listener: what arrives here is what a mail server would get.
const received: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => {
      raw += chunk.toString("utf8");
    });
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const { db } = await import("@/lib/db/client");
const { sendPendingEmails } = await import("@/lib/notifications/send-pending-emails");
const { createTestUser } = await import("@/testing/factories");

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

describe("notification e-mails", () => {
  it("sends each pending notice once, in English and Chinese, even when runs overlap", async () => {
    const user = await createTestUser();
    const muted = await createTestUser();
    await db.notificationSettings.create({ data: { ownerId: muted.id, email: false } });
    const params = { domain: "mail.example.test", certificateId: "c1", reason: "INSUFFICIENT_BALANCE" };
    await db.notification.createMany({
      data: [
        { ownerId: user.id, kind: "AUTO_RENEW_TERMINATED", dedupeKey: "t1", params, emailStatus: "PENDING" },
        { ownerId: muted.id, kind: "AUTO_RENEW_TERMINATED", dedupeKey: "t2", params, emailStatus: "PENDING" },
      ],
    });

    const results = await Promise.all([sendPendingEmails(), sendPendingEmails(), sendPendingEmails()]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual([user.email]);
    const raw = received[0]?.raw ?? "";
    const body = decodeQuotedPrintable(raw.slice(raw.indexOf("\r\n\r\n")));
    expect(raw).toContain("Subject: [CertDesk] Auto-renewal of mail.example.test terminated");
    expect(body).toContain("your balance did not cover the renewal fee");
    expect(body).toContain("余额不足以支付续费费用");

    expect(await db.notification.findUniqueOrThrow({ where: { dedupeKey: "t1" } })).toMatchObject({
      emailStatus: "SENT",
    });
    expect(await db.notification.findUniqueOrThrow({ where: { dedupeKey: "t2" } })).toMatchObject({
      emailStatus: "SKIPPED",
    });
    await sendPendingEmails();
    expect(received).toHaveLength(1);
  });
});
