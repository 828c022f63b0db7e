import { describe, expect, it } from "vitest";
import { formatMode, planSshDeployment } from "@/lib/deploy/plan-ssh-deployment";
import { createDeployTestAuthority } from "@/testing/servers/deploy-test-certificates";

const authority = createDeployTestAuthority();
const bundle = authority.issueBundle("www.example.com");

describe("planSshDeployment", () => {
  it("writes each file beside its target under a temporary name and keeps the old one beside it too", () => {
    const plan = planSshDeployment(
      [
        { kind: "fullChain", path: "/etc/nginx/ssl/example.pem", mode: 0o644 },
        { kind: "privateKey", path: "/etc/nginx/ssl/example.key", mode: 0o600 },
      ],
      bundle,
      "a1b2c3",
    );
    expect(plan.map(({ content, ...file }) => file)).toEqual([
      {
        kind: "fullChain",
        path: "/etc/nginx/ssl/example.pem",
        mode: 0o644,
        tempPath: "/etc/nginx/ssl/.example.pem.certdesk-a1b2c3.tmp",
        backupPath: "/etc/nginx/ssl/example.pem.certdesk-previous",
      },
      {
        kind: "privateKey",
        path: "/etc/nginx/ssl/example.key",
        mode: 0o600,
        tempPath: "/etc/nginx/ssl/.example.key.certdesk-a1b2c3.tmp",
        backupPath: "/etc/nginx/ssl/example.key.certdesk-previous",
      },
    ]);
    expect(plan[0]?.content).toBe(`${bundle.certificatePem}${bundle.chainPem}`);
    expect(plan[1]?.content).toBe(bundle.privateKeyPem);
  });

  it("refuses relative paths and two files on one path", () => {
    expect(() => planSshDeployment([{ kind: "certificate", path: "cert.pem", mode: 0o644 }], bundle, "t")).toThrow(
      /absolute/,
    );
    expect(() =>
      planSshDeployment(
        [
          { kind: "certificate", path: "/etc/ssl/a.pem", mode: 0o644 },
          { kind: "chain", path: "/etc/ssl/./a.pem", mode: 0o644 },
        ],
        bundle,
        "t",
      ),
    ).toThrow(/Two files/);
  });

  it("formats modes as ls users read them", () => {
    expect(formatMode(0o600)).toBe("0600");
    expect(formatMode(0o44)).toBe("0044");
  });
});
