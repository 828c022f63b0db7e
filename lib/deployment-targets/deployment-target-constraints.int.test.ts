// The rules the migration writes by hand (schema.prisma cannot say them): a target of each
// kind holds what deploying to it needs, and an automatic deployment after renewal exists
// once per target and certificate, however many job runs find it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestCertificate, createTestUser } from "@/testing/factories";

const sshTarget = (ownerId: string) => ({
  ownerId,
  kind: "SSH" as const,
  name: "web",
  sshHost: "web.example.test",
  sshPort: 22,
  sshUsername: "deploy",
  sshAuthKind: "PRIVATE_KEY" as const,
  credentialsEncrypted: "sealed",
  hostKeyType: "ssh-ed25519",
  hostKeyFingerprint: `SHA256:${"A".repeat(43)}`,
  reloadCommand: "nginx -s reload",
});

describe("deployment target constraints", () => {
  it("refuses an SSH target without its credentials, host key or reload command, and a port out of range", async () => {
    const owner = await createTestUser();
    await expect(db.deploymentTarget.create({ data: sshTarget(owner.id) })).resolves.toBeDefined();
    for (const missing of ["credentialsEncrypted", "hostKeyFingerprint", "reloadCommand"] as const) {
      await expect(
        db.deploymentTarget.create({ data: { ...sshTarget(owner.id), [missing]: null } }),
        missing,
      ).rejects.toThrow(/DeploymentTarget_ssh_complete/);
    }
    await expect(db.deploymentTarget.create({ data: { ...sshTarget(owner.id), sshPort: 70_000 } })).rejects.toThrow(
      /DeploymentTarget_ssh_complete/,
    );
  });

  it("refuses a webhook target without its signing secret", async () => {
    const owner = await createTestUser();
    const webhook = {
      ownerId: owner.id,
      kind: "WEBHOOK" as const,
      name: "hook",
      webhookUrl: "https://hooks.example.test/",
    };
    await expect(
      db.deploymentTarget.create({ data: { ...webhook, webhookSecretEncrypted: "sealed" } }),
    ).resolves.toBeDefined();
    await expect(db.deploymentTarget.create({ data: webhook })).rejects.toThrow(/DeploymentTarget_webhook_complete/);
  });

  it("holds one automatic deployment per target and certificate, and any number of manual ones", async () => {
    const owner = await createTestUser();
    const certificate = await createTestCertificate(owner.id);
    const target = await db.deploymentTarget.create({ data: sshTarget(owner.id) });
    const deployment = (trigger: "RENEWAL" | "MANUAL") => ({
      ownerId: owner.id,
      targetId: target.id,
      certificateId: certificate.id,
      trigger,
      status: "PENDING" as const,
    });
    await db.targetDeployment.create({ data: deployment("RENEWAL") });
    await expect(db.targetDeployment.create({ data: deployment("RENEWAL") })).rejects.toThrow(/Unique constraint/);
    await db.targetDeployment.create({ data: deployment("MANUAL") });
    await db.targetDeployment.create({ data: deployment("MANUAL") });
    expect(await db.targetDeployment.count({ where: { targetId: target.id } })).toBe(3);
  });
});
