// The shape of deployment targets as the console submits them and as they are stored: one
// zod schema per part, for the boundary (server actions) and for reading stored rows back.
// Pure and free of server modules, so a form may use them too. Whether a private key opens
// is a server check (check-ssh-private-key.ts); whether a host's addresses are allowed is the
// address policy's.
import { z } from "zod";
import { checkWebhookUrl } from "@/lib/notifications/webhook-url";

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^\[?[0-9a-f:.]+\]?$/;

export const MAX_RELOAD_COMMAND_LENGTH = 1_000;
export const MAX_REMOTE_PATH_LENGTH = 1_024;

const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((host) => HOST_NAME.test(host) || IPV4.test(host) || (host.includes(":") && IPV6.test(host)), {
    message: "Enter a host name or an IP address",
  })
  .transform((host) => host.replace(/^\[|\]$/g, ""));

const portSchema = z.coerce.number().int().min(1).max(65_535);

export const pinnedHostKeySchema = z.object({
  keyType: z.enum(["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"]),
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "A fingerprint looks like SHA256: and 43 characters"),
});

const remotePathSchema = z
  .string()
  .trim()
  .max(MAX_REMOTE_PATH_LENGTH)
  .refine(
    (value) =>
      value.startsWith("/") &&
      !/[\0\r\n]/.test(value) &&
      // Normalized: no empty, "." or ".." segment, no trailing slash.
      !value
        .split("/")
        .slice(1)
        .some((segment) => segment === "" || segment === "." || segment === ".."),
    { message: "Enter an absolute file path, such as /etc/nginx/ssl/example.com.pem" },
  );

export const sshDeployFileSchema = z.object({
  kind: z.enum(["certificate", "chain", "fullChain", "privateKey"]),
  path: remotePathSchema,
  mode: z.coerce.number().int().min(0).max(0o777),
});

export const sshTargetSettingsSchema = z
  .object({
    host: hostSchema,
    port: portSchema.default(22),
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$/, "Enter the user name CertDesk logs in as"),
    hostKey: pinnedHostKeySchema,
    files: z.array(sshDeployFileSchema).min(1).max(4),
    reloadCommand: z
      .string()
      .trim()
      .min(1)
      .max(MAX_RELOAD_COMMAND_LENGTH)
      .refine((command) => !/[\0\r\n]/.test(command), { message: "The reload command is one line" }),
  })
  .superRefine((target, ctx) => {
    const kinds = target.files.map((file) => file.kind);
    const paths = target.files.map((file) => file.path);
    if (!kinds.includes("privateKey")) {
      ctx.addIssue({ code: "custom", path: ["files"], message: "Say where the private key goes" });
    }
    if (!kinds.includes("certificate") && !kinds.includes("fullChain")) {
      ctx.addIssue({ code: "custom", path: ["files"], message: "Say where the certificate (or full chain) goes" });
    }
    if (new Set(kinds).size !== kinds.length) {
      ctx.addIssue({ code: "custom", path: ["files"], message: "Each kind of file goes to one place" });
    }
    if (new Set(paths).size !== paths.length) {
      ctx.addIssue({ code: "custom", path: ["files"], message: "Two files cannot go to the same path" });
    }
    target.files.forEach((file, index) => {
      if (file.kind === "privateKey" && (file.mode & 0o007) !== 0) {
        ctx.addIssue({
          code: "custom",
          path: ["files", index, "mode"],
          message: "The private key must not be readable by every user of the server (use 0600 or 0640)",
        });
      }
    });
  });

export const sshCredentialsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("password"), password: z.string().min(1).max(1_024) }),
  z.object({
    kind: z.literal("privateKey"),
    privateKey: z.string().trim().min(1).max(16_384),
    passphrase: z
      .string()
      .max(1_024)
      .optional()
      .transform((value) => (value ? value : undefined)),
  }),
]);

export const webhookTargetSettingsSchema = z.object({
  url: z
    .string()
    .trim()
    .refine((url) => checkWebhookUrl(url).ok, { message: "Enter an https:// URL" }),
  includePrivateKey: z.boolean().default(false),
});

export const tlsEndpointSchema = z.object({
  host: hostSchema,
  port: portSchema.default(443),
  serverName: z
    .string()
    .trim()
    .toLowerCase()
    .refine((name) => HOST_NAME.test(name), { message: "Enter the host name clients ask for" }),
});
