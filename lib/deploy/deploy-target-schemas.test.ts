import { describe, expect, it } from "vitest";
import {
  sshCredentialsSchema,
  sshTargetSettingsSchema,
  tlsEndpointSchema,
  webhookTargetSettingsSchema,
} from "@/lib/deploy/deploy-target-schemas";

const target = {
  host: " Web1.Example.com ",
  username: "deploy",
  hostKey: { keyType: "ssh-ed25519", fingerprint: "SHA256:yTNoqpVJJ3hF9QFWAXBHw22VXKWRCS6ISJY4iJs5aaU" },
  files: [
    { kind: "fullChain", path: "/etc/nginx/ssl/example.pem", mode: 0o644 },
    { kind: "privateKey", path: "/etc/nginx/ssl/example.key", mode: 0o600 },
  ],
  reloadCommand: "sudo systemctl reload nginx",
};

function messages(value: unknown): string[] {
  const parsed = sshTargetSettingsSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe("sshTargetSettingsSchema", () => {
  it("accepts a target and normalises its host, with port 22 by default", () => {
    expect(sshTargetSettingsSchema.parse(target)).toMatchObject({ host: "web1.example.com", port: 22 });
    expect(sshTargetSettingsSchema.parse({ ...target, host: "[2001:db8::5]", port: "2222" })).toMatchObject({
      host: "2001:db8::5",
      port: 2222,
    });
  });

  it("needs somewhere for the key and the certificate, once each, at distinct absolute paths", () => {
    expect(messages({ ...target, files: [target.files[0]] })).toEqual(["Say where the private key goes"]);
    expect(messages({ ...target, files: [target.files[1]] })).toEqual([
      "Say where the certificate (or full chain) goes",
    ]);
    expect(messages({ ...target, files: [...target.files, target.files[0]] })).toEqual([
      "Each kind of file goes to one place",
      "Two files cannot go to the same path",
    ]);
    for (const path of ["etc/ssl/a.pem", "/etc/ssl/", "/etc/../ssl/a.pem", "/etc//a.pem", "/etc/ssl/a.pem\nx"]) {
      expect(messages({ ...target, files: [{ kind: "fullChain", path, mode: 0o644 }, target.files[1]] }), path).toEqual(
        [expect.stringMatching(/absolute file path/)],
      );
    }
  });

  it("refuses a private key every user of the server could read", () => {
    expect(
      messages({ ...target, files: [target.files[0], { kind: "privateKey", path: "/etc/ssl/k.pem", mode: 0o644 }] }),
    ).toEqual([expect.stringMatching(/must not be readable by every user/)]);
  });

  it("checks the pinned fingerprint's form, the user name and a one-line reload command", () => {
    expect(messages({ ...target, hostKey: { keyType: "ssh-ed25519", fingerprint: "MD5:aa:bb" } })).toHaveLength(1);
    expect(messages({ ...target, username: "root; rm -rf /" })).toHaveLength(1);
    expect(messages({ ...target, reloadCommand: "nginx -t\nnginx -s reload" })).toEqual([
      "The reload command is one line",
    ]);
    expect(messages({ ...target, host: "not a host" })).toEqual(["Enter a host name or an IP address"]);
  });
});

describe("the other target schemas", () => {
  it("reads credentials of either kind, an empty passphrase being none", () => {
    expect(sshCredentialsSchema.parse({ kind: "privateKey", privateKey: "k", passphrase: "" })).toEqual({
      kind: "privateKey",
      privateKey: "k",
      passphrase: undefined,
    });
    expect(sshCredentialsSchema.safeParse({ kind: "password", password: "" }).success).toBe(false);
  });

  it("holds webhook URLs to the notification webhooks' rules", () => {
    expect(webhookTargetSettingsSchema.parse({ url: "https://hooks.example.com/deploy" })).toEqual({
      url: "https://hooks.example.com/deploy",
      includePrivateKey: false,
    });
    expect(webhookTargetSettingsSchema.safeParse({ url: "http://hooks.example.com/deploy" }).success).toBe(false);
  });

  it("reads an endpoint with port 443 by default", () => {
    expect(tlsEndpointSchema.parse({ host: "203.0.113.10", serverName: "WWW.example.com" })).toEqual({
      host: "203.0.113.10",
      port: 443,
      serverName: "www.example.com",
    });
  });
});
