// The shape of deployment targets as the console submits them and as they are stored: one
// zod schema per part, for the boundary (server actions), for the console's forms (which
// check in the browser before sending) and for reading stored rows back. zod/mini, pure and
// free of server modules. Each issue's message is a problem code (DEPLOY_TARGET_PROBLEMS),
// which the console translates. Whether a private key opens is a server check
// (check-ssh-private-key.ts); whether a host's addresses are allowed is the address policy's.
import * as z from "zod/mini";
import { checkWebhookUrl } from "@/lib/notifications/webhook-url";

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^\[?[0-9a-f:.]+\]?$/;

// Half of a UTF-16 surrogate pair on its own: no character at all, and PostgreSQL refuses it
// inside JSON (the stored files and the audit rows), so such text is refused here.
const LONE_SURROGATE = /\p{Cs}/u;

/** Text that is a sequence of whole characters. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export const MAX_RELOAD_COMMAND_LENGTH = 1_000;
export const MAX_REMOTE_PATH_LENGTH = 1_024;
export const MAX_ENDPOINTS = 5;

/** Every message an issue of these schemas carries. */
export const DEPLOY_TARGET_PROBLEMS = [
  "HOST_INVALID",
  "PORT_INVALID",
  "USERNAME_INVALID",
  "KEY_TYPE_UNSUPPORTED",
  "FINGERPRINT_INVALID",
  "PATH_INVALID",
  "MODE_INVALID",
  "KEY_MODE_TOO_OPEN",
  "PRIVATE_KEY_FILE_REQUIRED",
  "CERTIFICATE_FILE_REQUIRED",
  "FILE_KIND_TWICE",
  "PATH_TWICE",
  "FILES_INVALID",
  "RELOAD_COMMAND_REQUIRED",
  "RELOAD_COMMAND_TOO_LONG",
  "RELOAD_COMMAND_MULTILINE",
  "RELOAD_COMMAND_INVALID",
  "PASSWORD_REQUIRED",
  "PRIVATE_KEY_REQUIRED",
  "SECRET_TOO_LONG",
  "CREDENTIALS_INVALID",
  "SERVER_NAME_INVALID",
  "URL_INVALID",
  "URL_TOO_LONG",
  "URL_SCHEME",
  "URL_CREDENTIALS",
  "ENDPOINTS_TOO_MANY",
  "ENDPOINT_TWICE",
] as const;
export type DeployTargetProblem = (typeof DEPLOY_TARGET_PROBLEMS)[number];

export const hostSchema = z.pipe(
  z.string({ error: "HOST_INVALID" }).check(
    z.trim(),
    z.toLowerCase(),
    z.refine((host) => HOST_NAME.test(host) || IPV4.test(host) || (host.includes(":") && IPV6.test(host)), {
      message: "HOST_INVALID",
    }),
  ),
  z.transform((host) => host.replace(/^\[|\]$/g, "")),
);

export const portSchema = z.coerce
  .number({ error: "PORT_INVALID" })
  .check(z.refine(Number.isInteger, "PORT_INVALID"), z.gte(1, "PORT_INVALID"), z.lte(65_535, "PORT_INVALID"));

export const sshUsernameSchema = z
  .string({ error: "USERNAME_INVALID" })
  .check(z.trim(), z.regex(/^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$/, "USERNAME_INVALID"));

export const HOST_KEY_TYPES = [
  "ssh-ed25519",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "ssh-rsa",
] as const;

export const pinnedHostKeySchema = z.object({
  keyType: z.enum(HOST_KEY_TYPES, { error: "KEY_TYPE_UNSUPPORTED" }),
  fingerprint: z
    .string({ error: "FINGERPRINT_INVALID" })
    .check(z.trim(), z.regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "FINGERPRINT_INVALID")),
});

export const remotePathSchema = z.string({ error: "PATH_INVALID" }).check(
  z.trim(),
  z.maxLength(MAX_REMOTE_PATH_LENGTH, "PATH_INVALID"),
  z.refine(
    (value) =>
      value.startsWith("/") &&
      !/[\0\r\n]/.test(value) &&
      isWellFormedText(value) &&
      // Normalized: no empty, "." or ".." segment, no trailing slash.
      !value
        .split("/")
        .slice(1)
        .some((segment) => segment === "" || segment === "." || segment === ".."),
    { message: "PATH_INVALID" },
  ),
);

/** Permission bits as a number (0o644), or as people write them ("0644", "644"). */
export const fileModeSchema = z.pipe(
  z.union([z.number(), z.string().check(z.trim(), z.regex(/^0?[0-7]{3}$/, "MODE_INVALID"))], {
    error: "MODE_INVALID",
  }),
  z.pipe(
    z.transform((mode: number | string) => (typeof mode === "number" ? mode : Number.parseInt(mode, 8))),
    z
      .number()
      .check(z.refine(Number.isInteger, "MODE_INVALID"), z.gte(0, "MODE_INVALID"), z.lte(0o777, "MODE_INVALID")),
  ),
);

/** The private key must not be readable by every user of the server (0600 or 0640). */
export function keyModeTooOpen(mode: number): boolean {
  // A mode that is not one at all has its own problem (MODE_INVALID).
  return Number.isInteger(mode) && mode >= 0 && mode <= 0o777 && (mode & 0o007) !== 0;
}

export const sshDeployFileSchema = z.object({
  kind: z.enum(["certificate", "chain", "fullChain", "privateKey"], { error: "FILES_INVALID" }),
  path: remotePathSchema,
  mode: fileModeSchema,
});

export const reloadCommandSchema = z.string({ error: "RELOAD_COMMAND_REQUIRED" }).check(
  z.trim(),
  z.minLength(1, "RELOAD_COMMAND_REQUIRED"),
  z.maxLength(MAX_RELOAD_COMMAND_LENGTH, "RELOAD_COMMAND_TOO_LONG"),
  z.refine((command) => !/[\0\r\n]/.test(command), { message: "RELOAD_COMMAND_MULTILINE" }),
  z.refine(isWellFormedText, { message: "RELOAD_COMMAND_INVALID" }),
);

export const sshTargetSettingsSchema = z
  .object({
    host: hostSchema,
    port: z._default(portSchema, 22),
    username: sshUsernameSchema,
    hostKey: pinnedHostKeySchema,
    files: z.array(sshDeployFileSchema).check(z.minLength(1, "FILES_INVALID"), z.maxLength(4, "FILES_INVALID")),
    reloadCommand: reloadCommandSchema,
  })
  .check(
    z.superRefine((target, ctx) => {
      const kinds = target.files.map((file) => file.kind);
      const paths = target.files.map((file) => file.path);
      if (!kinds.includes("privateKey")) {
        ctx.addIssue({ code: "custom", path: ["files"], message: "PRIVATE_KEY_FILE_REQUIRED", input: target.files });
      }
      if (!kinds.includes("certificate") && !kinds.includes("fullChain")) {
        ctx.addIssue({ code: "custom", path: ["files"], message: "CERTIFICATE_FILE_REQUIRED", input: target.files });
      }
      if (new Set(kinds).size !== kinds.length) {
        ctx.addIssue({ code: "custom", path: ["files"], message: "FILE_KIND_TWICE", input: target.files });
      }
      if (new Set(paths).size !== paths.length) {
        ctx.addIssue({ code: "custom", path: ["files"], message: "PATH_TWICE", input: target.files });
      }
      target.files.forEach((file, index) => {
        if (file.kind === "privateKey" && keyModeTooOpen(file.mode)) {
          ctx.addIssue({ code: "custom", path: ["files", index, "mode"], message: "KEY_MODE_TOO_OPEN", input: file });
        }
      });
    }),
  );

const secretText = (required: "PASSWORD_REQUIRED" | "PRIVATE_KEY_REQUIRED", max: number) =>
  z.string({ error: required }).check(z.minLength(1, required), z.maxLength(max, "SECRET_TOO_LONG"));

export const sshCredentialsSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("password"), password: secretText("PASSWORD_REQUIRED", 1_024) }),
    z.object({
      kind: z.literal("privateKey"),
      privateKey: z
        .string({ error: "PRIVATE_KEY_REQUIRED" })
        .check(z.trim(), z.minLength(1, "PRIVATE_KEY_REQUIRED"), z.maxLength(16_384, "SECRET_TOO_LONG")),
      passphrase: z.optional(
        z.pipe(
          z.string().check(z.maxLength(1_024, "SECRET_TOO_LONG")),
          z.transform((value) => (value ? value : undefined)),
        ),
      ),
    }),
  ],
  { error: "CREDENTIALS_INVALID" },
);

export const webhookUrlSchema = z.string({ error: "URL_INVALID" }).check(
  z.trim(),
  z.superRefine((url, ctx) => {
    const checked = checkWebhookUrl(url);
    // Whether the host resolves, and to what, is the server's check.
    if (!checked.ok && checked.problem !== "UNRESOLVABLE" && checked.problem !== "PRIVATE_ADDRESS") {
      ctx.addIssue({ code: "custom", message: `URL_${checked.problem}`, input: url });
    }
  }),
);

export const webhookTargetSettingsSchema = z.object({
  url: webhookUrlSchema,
  includePrivateKey: z._default(z.boolean(), false),
});

export const tlsEndpointSchema = z.object({
  host: hostSchema,
  port: z._default(portSchema, 443),
  serverName: z.string({ error: "SERVER_NAME_INVALID" }).check(
    z.trim(),
    z.toLowerCase(),
    z.refine((name) => HOST_NAME.test(name), { message: "SERVER_NAME_INVALID" }),
  ),
});

/** The endpoints a target is verified at: distinct, at most MAX_ENDPOINTS. */
export const tlsEndpointsSchema = z.array(tlsEndpointSchema).check(
  z.maxLength(MAX_ENDPOINTS, "ENDPOINTS_TOO_MANY"),
  z.superRefine((endpoints, ctx) => {
    const seen = new Set<string>();
    endpoints.forEach((endpoint, index) => {
      const key = `${endpoint.host}:${endpoint.port}:${endpoint.serverName}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: "ENDPOINT_TWICE", input: endpoint });
      seen.add(key);
    });
  }),
);
