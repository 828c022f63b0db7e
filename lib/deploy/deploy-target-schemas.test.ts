import { describe, expect, it } from "vitest";
import {
  sshCredentialsSchema,
  sshTargetSettingsSchema,
  tlsEndpointSchema,
  tlsEndpointsSchema,
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
    expect(messages({ ...target, files: [target.files[0]] })).toEqual(["PRIVATE_KEY_FILE_REQUIRED"]);
    expect(messages({ ...target, files: [target.files[1]] })).toEqual(["CERTIFICATE_FILE_REQUIRED"]);
    expect(messages({ ...target, files: [...target.files, target.files[0]] })).toEqual([
      "FILE_KIND_TWICE",
      "PATH_TWICE",
    ]);
    for (const path of ["etc/ssl/a.pem", "/etc/ssl/", "/etc/../ssl/a.pem", "/etc//a.pem", "/etc/ssl/a.pem\nx"]) {
      expect(messages({ ...target, files: [{ kind: "fullChain", path, mode: 0o644 }, target.files[1]] }), path).toEqual(
        ["PATH_INVALID"],
      );
    }
  });

  it("reads modes as numbers or as people write them", () => {
    const withKeyMode = (mode: unknown) => ({
      ...target,
      files: [target.files[0], { kind: "privateKey", path: "/etc/ssl/k.pem", mode }],
    });
    expect(sshTargetSettingsSchema.parse(withKeyMode("0640")).files[1]?.mode).toBe(0o640);
    expect(sshTargetSettingsSchema.parse(withKeyMode("600")).files[1]?.mode).toBe(0o600);
    expect(sshTargetSettingsSchema.parse(withKeyMode(0o600)).files[1]?.mode).toBe(0o600);
    for (const mode of ["0800", "rw-r--r--", "", 0o1000, -1, 1.5])
      expect(messages(withKeyMode(mode)), String(mode)).toEqual(["MODE_INVALID"]);
  });

  it("refuses a private key every user of the server could read", () => {
    expect(
      messages({ ...target, files: [target.files[0], { kind: "privateKey", path: "/etc/ssl/k.pem", mode: 0o644 }] }),
    ).toEqual(["KEY_MODE_TOO_OPEN"]);
  });

  it("checks the pinned fingerprint's form, the user name and a one-line reload command", () => {
    expect(messages({ ...target, hostKey: { keyType: "ssh-ed25519", fingerprint: "MD5:aa:bb" } })).toHaveLength(1);
    expect(messages({ ...target, username: "root; rm -rf /" })).toHaveLength(1);
    expect(messages({ ...target, reloadCommand: "nginx -t\nnginx -s reload" })).toEqual(["RELOAD_COMMAND_MULTILINE"]);
    expect(messages({ ...target, host: "not a host" })).toEqual(["HOST_INVALID"]);
  });

  it("refuses text that is not whole characters (PostgreSQL's JSON cannot hold half a surrogate pair)", () => {
    expect(messages({ ...target, reloadCommand: "nginx -s reload \uD800" })).toEqual(["RELOAD_COMMAND_INVALID"]);
    const path = "/etc/ssl/\uDC00.pem";
    expect(messages({ ...target, files: [{ kind: "fullChain", path, mode: 0o644 }, target.files[1]] })).toEqual([
      "PATH_INVALID",
    ]);
    expect(messages({ ...target, reloadCommand: "echo 🔁 && nginx -s reload" })).toEqual([]);
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
    const problems = (url: string) =>
      webhookTargetSettingsSchema.safeParse({ url }).error?.issues.map((issue) => issue.message) ?? [];
    expect(problems("http://hooks.example.com/deploy")).toEqual(["URL_SCHEME"]);
    expect(problems("not a url")).toEqual(["URL_INVALID"]);
    expect(problems("https://user:pw@hooks.example.com/")).toEqual(["URL_CREDENTIALS"]);
  });

  it("refuses an endpoint given twice", () => {
    const endpoint = { host: "203.0.113.10", port: 443, serverName: "www.example.com" };
    expect(tlsEndpointsSchema.safeParse([endpoint, { ...endpoint, port: 8443 }]).success).toBe(true);
    expect(tlsEndpointsSchema.safeParse([endpoint, endpoint]).error?.issues).toMatchObject([
      { path: [1], message: "ENDPOINT_TWICE" },
    ]);
  });

  it("reads an endpoint with port 443 by default", () => {
    expect(tlsEndpointSchema.parse({ host: "203.0.113.10", serverName: "WWW.example.com" })).toEqual({
      host: "203.0.113.10",
      port: 443,
      serverName: "www.example.com",
    });
  });
});
