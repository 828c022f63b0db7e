// What the console's target forms send and the target actions parse: the SSH form's fields
// as a person fills them (the certificate's file, whether it holds the full chain, an
// optional chain file, the key's file, their modes), the webhook form's, and the endpoints
// both verify. Built from the stored shapes' field schemas (lib/deploy/deploy-target-schemas.ts),
// so the form, the action and the stored row follow one rule each. Issue messages are
// problem codes (TARGET_INPUT_PROBLEMS) the console translates. zod/mini, no server imports:
// the forms check in the browser before sending.
import * as z from "zod/mini";
import {
  DEPLOY_TARGET_PROBLEMS,
  fileModeSchema,
  hostSchema,
  isWellFormedText,
  keyModeTooOpen,
  MAX_ENDPOINTS,
  pinnedHostKeySchema,
  portSchema,
  reloadCommandSchema,
  remotePathSchema,
  sshUsernameSchema,
  tlsEndpointsSchema,
  webhookUrlSchema,
} from "@/lib/deploy/deploy-target-schemas";
import type { SshCredentials, SshDeployFile, SshTargetSettings } from "@/lib/deploy/deployment-contracts";

export const MAX_TARGET_NAME_LENGTH = 100;
export const MAX_TARGETS_PER_DEPLOYMENT = 10;

/** Every message an issue of these schemas, or a server-side check of a target, may carry. */
export const TARGET_INPUT_PROBLEMS = [
  ...DEPLOY_TARGET_PROBLEMS,
  "NAME_REQUIRED",
  "NAME_TOO_LONG",
  "NAME_INVALID",
  "ENDPOINT_REQUIRED",
  "HOST_KEY_NOT_CONFIRMED",
  // Server-side: the address policy and the private key.
  "ADDRESS_REFUSED",
  "UNRESOLVABLE",
  "KEY_ENCRYPTED",
  "KEY_PASSPHRASE_WRONG",
  "KEY_UNREADABLE",
  "KEY_NOT_PRIVATE",
  // A value no form sends (a hand-made request): zod's own message.
  "INVALID",
] as const;
export type TargetInputProblem = (typeof TARGET_INPUT_PROBLEMS)[number];

const targetName = z
  .string({ error: "NAME_REQUIRED" })
  .check(
    z.trim(),
    z.minLength(1, "NAME_REQUIRED"),
    z.maxLength(MAX_TARGET_NAME_LENGTH, "NAME_TOO_LONG"),
    z.refine(isWellFormedText, "NAME_INVALID"),
  );

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));

/** Optional text: absent or empty is "not given" (on an edit: keep what is stored). */
const optionalText = (max: number) =>
  z.optional(
    z.pipe(
      z.string().check(z.maxLength(max, "SECRET_TOO_LONG")),
      z.transform((value) => (value.length > 0 ? value : undefined)),
    ),
  );

const endpointsWithOne = tlsEndpointsSchema.check(z.minLength(1, "ENDPOINT_REQUIRED"));

const sshFields = {
  name: targetName,
  host: hostSchema,
  port: z._default(portSchema, 22),
  username: sshUsernameSchema,
  authKind: z.enum(["password", "privateKey"], { error: "CREDENTIALS_INVALID" }),
  /** On an edit, all three empty: keep the stored credentials. */
  password: optionalText(1_024),
  privateKey: optionalText(16_384),
  passphrase: optionalText(1_024),
  hostKey: pinnedHostKeySchema,
  certificatePath: remotePathSchema,
  certificateMode: fileModeSchema,
  /** "fullChain": the certificate's file holds the leaf and the chain (nginx's ssl_certificate). */
  certificateContent: z.enum(["fullChain", "certificate"], { error: "FILES_INVALID" }),
  /** Optional: the chain alone, in a file of its own (Apache's SSLCertificateChainFile). */
  chainPath: z.optional(
    z.pipe(
      z.string(),
      z.transform((value) => value.trim()),
    ),
  ),
  chainMode: z._default(fileModeSchema, 0o644),
  privateKeyPath: remotePathSchema,
  privateKeyMode: fileModeSchema,
  reloadCommand: reloadCommandSchema,
  autoRollback: z.boolean(),
  endpoints: endpointsWithOne,
};

type SshFields = {
  certificatePath: string;
  chainPath?: string | undefined;
  privateKeyPath: string;
  privateKeyMode: number;
  authKind: "password" | "privateKey";
  password?: string | undefined;
  privateKey?: string | undefined;
};

/** The checks across fields: distinct paths, a key file others cannot read, credentials when required. */
function checkSshFields(requireCredentials: boolean) {
  return z.superRefine((input: SshFields, ctx) => {
    if (input.chainPath) {
      const parsed = remotePathSchema.safeParse(input.chainPath);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: ["chainPath"], message: "PATH_INVALID", input });
    }
    const paths: [string, string | undefined][] = [
      ["certificatePath", input.certificatePath],
      ["chainPath", input.chainPath || undefined],
      ["privateKeyPath", input.privateKeyPath],
    ];
    const seen = new Set<string>();
    for (const [field, path] of paths) {
      if (!path) continue;
      if (seen.has(path)) ctx.addIssue({ code: "custom", path: [field], message: "PATH_TWICE", input });
      seen.add(path);
    }
    if (keyModeTooOpen(input.privateKeyMode)) {
      ctx.addIssue({ code: "custom", path: ["privateKeyMode"], message: "KEY_MODE_TOO_OPEN", input });
    }
    if (requireCredentials && input.authKind === "password" && !input.password) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "PASSWORD_REQUIRED", input });
    }
    if (requireCredentials && input.authKind === "privateKey" && !input.privateKey?.trim()) {
      ctx.addIssue({ code: "custom", path: ["privateKey"], message: "PRIVATE_KEY_REQUIRED", input });
    }
  });
}

/** Adding an SSH target: the credentials are required. */
export const createSshTargetInputSchema = z.object(sshFields).check(checkSshFields(true));
/** Editing one: empty credentials keep the stored ones. */
export const updateSshTargetInputSchema = z.object({ targetId: id, ...sshFields }).check(checkSshFields(false));

export type SshTargetInput = z.output<typeof createSshTargetInputSchema>;

/** The stored shape of an SSH target's settings, from the form's fields. */
export function toSshTargetSettings(input: SshTargetInput): SshTargetSettings {
  const files: SshDeployFile[] = [
    { kind: input.certificateContent, path: input.certificatePath, mode: input.certificateMode },
    ...(input.chainPath ? [{ kind: "chain" as const, path: input.chainPath, mode: input.chainMode }] : []),
    { kind: "privateKey", path: input.privateKeyPath, mode: input.privateKeyMode },
  ];
  return {
    host: input.host,
    port: input.port,
    username: input.username,
    hostKey: input.hostKey,
    files,
    reloadCommand: input.reloadCommand,
  };
}

/** The credentials the form gave, or null: none given (keep the stored ones). */
export function sshCredentialsOf(
  input: Pick<SshTargetInput, "authKind" | "password" | "privateKey" | "passphrase">,
): SshCredentials | null {
  if (input.authKind === "password") return input.password ? { kind: "password", password: input.password } : null;
  const privateKey = input.privateKey?.trim();
  return privateKey ? { kind: "privateKey", privateKey, passphrase: input.passphrase } : null;
}

const webhookFields = {
  name: targetName,
  url: webhookUrlSchema,
  includePrivateKey: z.boolean(),
  endpoints: tlsEndpointsSchema,
};

export const createWebhookTargetInputSchema = z.object(webhookFields);
export const updateWebhookTargetInputSchema = z.object({ targetId: id, ...webhookFields });
export type WebhookTargetInput = z.output<typeof createWebhookTargetInputSchema>;

/** Reading a server's host key before pinning it. */
export const hostKeyRequestSchema = z.object({ host: hostSchema, port: z._default(portSchema, 22) });

export const targetIdInputSchema = z.object({ targetId: id });
export const deploymentIdInputSchema = z.object({ deploymentId: id });
export const deployCertificateInputSchema = z.object({
  certificateId: id,
  targetIds: z.array(id).check(z.minLength(1), z.maxLength(MAX_TARGETS_PER_DEPLOYMENT)),
});

export { MAX_ENDPOINTS };

/** The problem codes of a parse's issues, by field path ("endpoints.0.host"): what the forms show. */
export function problemsByField(issues: readonly z.core.$ZodIssue[]): Record<string, TargetInputProblem> {
  const problems: Record<string, TargetInputProblem> = {};
  for (const issue of issues) {
    const key = issue.path.join(".") || "_";
    problems[key] ??= asProblem(issue.message);
  }
  return problems;
}

/** A message that is one of ours, or INVALID for zod's own (a hand-made request). */
export function asProblem(message: string): TargetInputProblem {
  return (TARGET_INPUT_PROBLEMS as readonly string[]).includes(message) ? (message as TargetInputProblem) : "INVALID";
}
