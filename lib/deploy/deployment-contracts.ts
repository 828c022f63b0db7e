// The contracts of deployment: what a target is, what is deployed, and what comes back
// (outcome, typed failure, step log, the record a later rollback needs). The console, the
// renewal job and storage use these types and the functions of lib/deploy; none of them
// needs to know ssh2 or node:tls. Everything here is plain data: it can be stored as JSON
// (dates as ISO strings), except the secrets, which are sealed (deploy-credentials.ts).

/** What is deployed: a certificate, its chain and its private key, as PEM. */
export type CertificateBundle = {
  /** The leaf certificate. */
  certificatePem: string;
  /** The issuing intermediates, issuer first (a root at the end is allowed and is not required to be served). */
  chainPem: string;
  /** In the clear: only ever in memory, written to the target, never logged. */
  privateKeyPem: string;
};

/** Which part of the bundle a remote file holds. "fullChain" is the leaf followed by the chain (nginx's ssl_certificate). */
export type DeployFileKind = "certificate" | "chain" | "fullChain" | "privateKey";

export type SshDeployFile = {
  kind: DeployFileKind;
  /** Absolute path on the server. */
  path: string;
  /** Permission bits, e.g. 0o644 for certificates, 0o600 for the key. */
  mode: number;
};

/** The host key the user confirmed when the target was created. */
export type PinnedHostKey = {
  /** The SSH key type, e.g. "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa". */
  keyType: string;
  /** "SHA256:" and unpadded base64 of the SHA-256 of the key, as OpenSSH prints it. */
  fingerprint: string;
};

/** An SSH server target, without its credentials: safe to show in the console. */
export type SshTargetSettings = {
  host: string;
  port: number;
  username: string;
  hostKey: PinnedHostKey;
  files: SshDeployFile[];
  /** Run through the user's shell after the files are in place, e.g. "nginx -s reload". */
  reloadCommand: string;
};

/** How CertDesk logs in. Sealed at rest, never returned to the browser, never logged. */
export type SshCredentials =
  | { kind: "password"; password: string }
  | { kind: "privateKey"; privateKey: string; passphrase?: string };

/** A deploy webhook target: an HTTPS URL receiving a signed JSON event. Its signing secret is sealed apart. */
export type WebhookTargetSettings = {
  url: string;
  /** The event carries the private key only when the customer ticked it. */
  includePrivateKey: boolean;
};

/** Where the certificate must be served after deployment: TLS to host:port, asking for serverName. */
export type TlsEndpoint = { host: string; port: number; serverName: string };

export type DeployFailureReason =
  /** The host resolves to a loopback, private or reserved address and no allow-list permits it. */
  | "ADDRESS_REFUSED"
  /** Does not resolve, or nothing answers on the port. */
  | "UNREACHABLE"
  | "TIMEOUT"
  /** The server refused the password or key. */
  | "AUTH_FAILED"
  /** The private key cannot be read (format, missing or wrong passphrase). */
  | "INVALID_KEY"
  /** The server presented another host key than the one pinned; nothing was sent. */
  | "HOST_KEY_CHANGED"
  | "PERMISSION_DENIED"
  /** A folder of a remote path does not exist. */
  | "PATH_NOT_FOUND"
  /** The server's SFTP lacks the OpenSSH extensions atomic replacement needs. */
  | "SFTP_UNSUPPORTED"
  /** The reload command exited non-zero (or was killed). */
  | "RELOAD_FAILED"
  /** A rollback found no previous file to put back (the target never had files there). */
  | "NOTHING_TO_ROLL_BACK"
  /** The receiver of a deploy webhook did not answer 2xx. */
  | "WEBHOOK_FAILED"
  | "FAILED";

export type DeployFailure = {
  reason: DeployFailureReason;
  /** English, for the log and for operators; secrets never appear in it. The console translates `reason`. */
  message: string;
  /** The remote path concerned (PERMISSION_DENIED, PATH_NOT_FOUND). */
  path?: string;
  /** HOST_KEY_CHANGED: what was pinned and what the server presented (null: it offered no key of the pinned type). */
  expectedFingerprint?: string;
  presentedFingerprint?: string | null;
  /** RELOAD_FAILED: the command's exit code (null when killed or timed out). */
  exitCode?: number | null;
};

export type DeployStepName =
  | "resolve"
  | "connect"
  | "check"
  | "upload"
  | "backup"
  | "install"
  | "reload"
  | "cleanup"
  | "restore"
  | "reload-previous"
  | "post";

/** One line of the deployment log: what was done, how it ended, what the server said (trimmed, secrets redacted). */
export type DeployStep = {
  name: DeployStepName;
  status: "ok" | "failed" | "skipped";
  /** ISO-8601, UTC. */
  startedAt: string;
  durationMs: number;
  /** One sentence, English. */
  summary: string;
  path?: string;
  command?: string;
  output?: string;
  exitCode?: number | null;
};

/** What a later rollback of an SSH deployment needs: where each file is and where its predecessor was kept. */
export type SshDeploymentRecord = {
  files: { kind: DeployFileKind; path: string; backupPath: string | null }[];
};

export type SshDeployResult =
  /** Files in place, reload succeeded. Keep `record` for a rollback after verification. */
  | { status: "DEPLOYED"; record: SshDeploymentRecord; steps: DeployStep[] }
  /** Failed before any file was replaced: the server is as it was. */
  | { status: "NOT_DEPLOYED"; failure: DeployFailure; steps: DeployStep[] }
  /** Replaced, the reload failed, and the previous files were put back and reloaded. */
  | { status: "ROLLED_BACK"; failure: DeployFailure; record: SshDeploymentRecord; steps: DeployStep[] }
  /**
   * Replaced and the reload failed, and the previous files are not back (rollback not asked
   * for, impossible or failed itself): the server needs someone's attention.
   */
  | {
      status: "NEEDS_ATTENTION";
      failure: DeployFailure;
      rollbackFailure: DeployFailure | null;
      record: SshDeploymentRecord;
      steps: DeployStep[];
    };

export type SshRollbackResult =
  | { status: "ROLLED_BACK"; steps: DeployStep[] }
  /** No file had a predecessor: there is nothing to go back to (the files deployed stay). */
  | { status: "NOTHING_TO_ROLL_BACK"; message: string; steps: DeployStep[] }
  | { status: "FAILED"; failure: DeployFailure; steps: DeployStep[] };

export type WebhookDeployResult =
  | { status: "DELIVERED"; httpStatus: number; steps: DeployStep[] }
  /** `nextAttemptAt`: when to try again (the notification webhooks' schedule), or null: give up. */
  | {
      status: "FAILED";
      failure: DeployFailure;
      httpStatus: number | null;
      nextAttemptAt: Date | null;
      steps: DeployStep[];
    };

/** A certificate as a TLS server presented it. */
export type ServedCertificate = {
  /** Upper-case hex, as OpenSSL prints it. */
  serialNumber: string;
  /** Lower-case hex of the SHA-256 of the DER, without separators (as stored for certificates). */
  fingerprintSha256: string;
  subject: string;
  issuer: string;
  dnsNames: string[];
  notBefore: Date;
  notAfter: Date;
};

export type TlsProbeResult =
  | {
      ok: true;
      leaf: ServedCertificate;
      /** The rest of the chain the server presented, issuer first. */
      chain: ServedCertificate[];
      /** Whether the chain validates against the trust anchors asked for (Node's root store, or a given CA) for the name. */
      trusted: boolean;
      /** Why not (OpenSSL's code, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE, or ERR_TLS_CERT_ALTNAME_INVALID). */
      trustError: string | null;
    }
  | { ok: false; reason: "ADDRESS_REFUSED" | "UNREACHABLE" | "TIMEOUT" | "TLS_FAILED"; message: string };

export type EndpointVerification =
  | { status: "SERVING"; endpoint: TlsEndpoint; served: ServedCertificate; trusted: boolean; trustError: string | null }
  /** Reached, but it serves something else: another certificate, or ours without the deployed intermediates. */
  | {
      status: "NOT_SERVING";
      endpoint: TlsEndpoint;
      mismatch: "OTHER_CERTIFICATE" | "CHAIN_INCOMPLETE";
      served: ServedCertificate;
      /** Subjects of deployed intermediates the server did not send (CHAIN_INCOMPLETE). */
      missingIntermediates: string[];
      trusted: boolean;
      trustError: string | null;
    }
  | {
      status: "UNREACHABLE";
      endpoint: TlsEndpoint;
      reason: "ADDRESS_REFUSED" | "UNREACHABLE" | "TIMEOUT" | "TLS_FAILED";
      message: string;
    };

export type DeploymentVerification = {
  /** "SERVING" only when every endpoint serves the deployed certificate and chain. */
  status: "SERVING" | "NOT_SERVING";
  endpoints: EndpointVerification[];
  /** ISO-8601, UTC: when the last probe ended. */
  checkedAt: string;
};
