// The upload matrix, through the route handler as the browser or an API client calls it:
// every kind of bad upload gets its own code and a message saying what to fix, with a 4xx
// status (never a 500), nothing is stored, and no key material reaches the logs.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/testing/action-harness";

const { db } = await import("@/lib/db/client");
const { logger } = await import("@/lib/logger");
const { POST } = await import("@/app/api/certificates/upload/route");
const { createTestUser } = await import("@/testing/factories");
const { generateTestKeyPair, issueTestCertificate } = await import("@/testing/issue-test-certificate");
const { MAX_UPLOAD_BODY_BYTES } = await import("@/lib/certificates/upload-limits");

type TestCertificate = ReturnType<typeof issueTestCertificate>;
type User = Awaited<ReturnType<typeof createTestUser>>;
type UploadBody = {
  ok: boolean;
  code?: string;
  message?: string;
  certificateId?: string;
  errors?: { field: string | null; code: string; message: string }[];
};

const DAY = 86_400_000;
// The route reads the real clock: validity is set around it.
const today = Date.now();
const valid = { notBefore: new Date(today - 30 * DAY), notAfter: new Date(today + 300 * DAY) };

let user: User;
let root: TestCertificate;
let intermediate: TestCertificate;
let leaf: TestCertificate;
let otherRoot: TestCertificate;
let expired: TestCertificate;
let weak: TestCertificate;
let strangerKeyPem: string;

// Everything the app logs while the matrix runs.
const logged: string[] = [];
beforeAll(async () => {
  for (const level of ["fatal", "error", "warn", "info", "debug", "trace"] as const) {
    vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
      logged.push(JSON.stringify(args, (_key, value) => (value instanceof Error ? String(value.stack) : value)));
    }) as never);
  }
  for (const method of ["log", "error", "warn", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
  }

  user = await createTestUser();
  root = issueTestCertificate({
    commonName: "Matrix Root",
    isCa: true,
    ...valid,
    keys: generateTestKeyPair("ec-p384"),
  });
  intermediate = issueTestCertificate({
    commonName: "Matrix Intermediate",
    isCa: true,
    ...valid,
    keys: generateTestKeyPair("ec-p256"),
    issuer: root,
  });
  const issue = (commonName: string, keys: ReturnType<typeof generateTestKeyPair>, dates = valid) =>
    issueTestCertificate({ commonName, sans: [commonName], ...dates, keys, issuer: intermediate });
  leaf = issue("shop.upload-matrix.test", generateTestKeyPair("rsa-2048"));
  expired = issue("old.upload-matrix.test", generateTestKeyPair("ec-p256"), {
    notBefore: new Date(today - 400 * DAY),
    notAfter: new Date(today - DAY),
  });
  weak = issue("weak.upload-matrix.test", generateTestKeyPair("rsa-1024"));
  otherRoot = issueTestCertificate({
    commonName: "Unrelated Root",
    isCa: true,
    ...valid,
    keys: generateTestKeyPair("ec-p256"),
  });
  strangerKeyPem = generateTestKeyPair("rsa-2048").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
});

afterEach(() => actAs(null));

// As the console's own page sends it (cross-site posts: the authorization matrix and lib/http/user-route.int.test.ts).
const SAME_ORIGIN = { origin: "http://localhost", host: "localhost" };

function postJson(fields: Record<string, string>): Promise<Response> {
  return POST(
    new Request("http://localhost/api/certificates/upload", {
      method: "POST",
      headers: { "content-type": "application/json", ...SAME_ORIGIN },
      body: JSON.stringify(fields),
    }),
  );
}

function postForm(form: FormData): Promise<Response> {
  return POST(
    new Request("http://localhost/api/certificates/upload", { method: "POST", headers: SAME_ORIGIN, body: form }),
  );
}

async function expectRejected(
  response: Response,
  expected: { status: number; code: string; field: string | null; says: RegExp },
): Promise<void> {
  const body = (await response.json()) as UploadBody;
  expect(response.status, JSON.stringify(body)).toBe(expected.status);
  expect(body.ok).toBe(false);
  const problem = body.errors?.find((error) => error.code === expected.code);
  expect(problem, JSON.stringify(body.errors)).toBeDefined();
  expect(problem?.field).toBe(expected.field);
  expect(problem?.message).toMatch(expected.says);
  // Messages say what to do, and never echo what was sent.
  for (const error of body.errors ?? []) {
    expect(error.message).not.toMatch(/MII|undefined|\{/);
  }
}

// The private keys and the body of each key, so a key in the logs is found however it is cut.
function keyMaterial(): string[] {
  return [leaf.privateKeyPem, weak.privateKeyPem, strangerKeyPem, expired.privateKeyPem].flatMap((pem) => {
    const body = pem.replace(/-----[^-]+-----|\s/g, "");
    return [body.slice(0, 40), body.slice(body.length / 2, body.length / 2 + 40)];
  });
}

describe("POST /api/certificates/upload: the matrix", () => {
  const cases: {
    name: string;
    send: () => Promise<Response>;
    status: number;
    code: string;
    field: string | null;
    says: RegExp;
  }[] = [
    {
      name: "malformed PEM",
      send: () =>
        postJson({
          certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB*not*base64!!\n-----END CERTIFICATE-----\n",
        }),
      status: 422,
      code: "PEM_BASE64_INVALID",
      field: "certificate",
      says: /not valid base64/,
    },
    {
      name: "a certificate cut off before its END line",
      send: () => postJson({ certificatePem: leaf.pem.split("-----END")[0] ?? "" }),
      status: 422,
      code: "PEM_TRUNCATED",
      field: "certificate",
      says: /cut off.*END line/,
    },
    {
      name: "DER instead of PEM (a .der file)",
      send: () => {
        const form = new FormData();
        form.set("certificatePem", new Blob([new Uint8Array(leaf.der)]), "certificate.der");
        return postForm(form);
      },
      status: 422,
      code: "DER_NOT_PEM",
      field: "certificate",
      says: /binary DER.*openssl x509 -inform der/,
    },
    {
      name: "a private key that belongs to another certificate",
      send: () => postJson({ certificatePem: leaf.pem, chainPem: intermediate.pem, privateKeyPem: strangerKeyPem }),
      status: 422,
      code: "PRIVATE_KEY_MISMATCH",
      field: "privateKey",
      says: /does not belong to this certificate/,
    },
    {
      name: "an expired certificate",
      send: () => postJson({ certificatePem: expired.pem, chainPem: intermediate.pem }),
      status: 422,
      code: "CERTIFICATE_EXPIRED",
      field: "certificate",
      says: /expired on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    },
    {
      name: "a chain that does not link up to the certificate",
      send: () => postJson({ certificatePem: leaf.pem, chainPem: otherRoot.pem }),
      status: 422,
      code: "CHAIN_ISSUER_MISSING",
      field: "chain",
      says: /does not contain the certificate that issued this one \(.*Matrix Intermediate.*\)/,
    },
    {
      name: "an encrypted private key",
      send: () =>
        postJson({
          certificatePem: leaf.pem,
          privateKeyPem: leaf.keys.privateKey
            .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "hunter22" })
            .toString(),
        }),
      status: 422,
      code: "PRIVATE_KEY_ENCRYPTED",
      field: "privateKey",
      says: /encrypted\. Decrypt it first/,
    },
    {
      name: "a weak key (RSA 1024)",
      send: () => postJson({ certificatePem: weak.pem, chainPem: intermediate.pem, privateKeyPem: weak.privateKeyPem }),
      status: 422,
      code: "KEY_TOO_WEAK",
      field: "certificate",
      says: /RSA key has 1024 bits; at least 2048/,
    },
    {
      name: "a body over the size limit",
      send: () => postJson({ certificatePem: leaf.pem, chainPem: "A".repeat(MAX_UPLOAD_BODY_BYTES) }),
      status: 413,
      code: "BODY_TOO_LARGE",
      field: null,
      says: /too large: at most 256 KiB/,
    },
    {
      name: "binary junk pasted as the certificate",
      send: () => postJson({ certificatePem: `junk${randomBytes(64).toString("latin1")}\u0000\u0001` }),
      status: 422,
      code: "NOT_TEXT",
      field: "certificate",
      says: /not text/,
    },
    {
      name: "binary junk as the whole body",
      send: () =>
        POST(
          new Request("http://localhost/api/certificates/upload", {
            method: "POST",
            headers: { "content-type": "application/json", ...SAME_ORIGIN },
            body: randomBytes(2048),
          }),
        ),
      status: 400,
      code: "BODY_MALFORMED",
      field: null,
      says: /could not be read/,
    },
    {
      name: "a body that is not JSON or a form",
      send: () =>
        POST(
          new Request("http://localhost/api/certificates/upload", {
            method: "POST",
            headers: { "content-type": "application/octet-stream", ...SAME_ORIGIN },
            body: randomBytes(512),
          }),
        ),
      status: 415,
      code: "BODY_MALFORMED",
      field: null,
      says: /Send JSON or a form/,
    },
  ];

  for (const testCase of cases) {
    it(`refuses ${testCase.name} with ${testCase.code}, stores nothing, logs no key`, async () => {
      actAs(user);
      logged.length = 0;
      const auditBefore = await db.auditLog.count();
      await expectRejected(await testCase.send(), testCase);
      expect(await db.certificate.count({ where: { ownerId: user.id } })).toBe(0);
      expect(await db.auditLog.count()).toBe(auditBefore);
      const logs = logged.join("\n");
      expect(logs).not.toContain("PRIVATE KEY");
      for (const fragment of keyMaterial()) expect(logs).not.toContain(fragment);
    });
  }

  it("refuses a caller who is not signed in, before reading anything", async () => {
    actAs(null);
    const response = await postJson({ certificatePem: leaf.pem });
    expect(response.status).toBe(401);
  });

  it("stores a good upload once, as an issued UPLOADED certificate with its chain and sealed key", async () => {
    actAs(user);
    logged.length = 0;
    const response = await postJson({
      certificatePem: leaf.pem,
      chainPem: root.pem + intermediate.pem,
      privateKeyPem: leaf.privateKeyPem,
      alias: "Matrix shop",
    });
    const body = (await response.json()) as UploadBody & { warnings: { code: string }[] };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.warnings.map((warning) => warning.code)).toEqual(["CHAIN_REORDERED"]);
    const stored = await db.certificate.findFirstOrThrow({
      where: { id: body.certificateId, ownerId: user.id },
      omit: { privateKeyEncrypted: false },
    });
    expect(stored).toMatchObject({
      source: "UPLOADED",
      status: "ISSUED",
      domain: "shop.upload-matrix.test",
      alias: "Matrix shop",
      autoRenewState: "OFF",
    });
    expect(stored.chainPem).toBe(intermediate.pem + root.pem);
    expect(stored.privateKeyEncrypted).not.toContain("PRIVATE KEY");
    expect(logged.join("\n")).not.toContain("PRIVATE KEY");

    // The same certificate again: 409, pointing at the one already there.
    const again = await postJson({ certificatePem: leaf.pem });
    expect(again.status).toBe(409);
    expect(((await again.json()) as UploadBody).code).toBe("ALREADY_UPLOADED");
    expect(await db.certificate.count({ where: { ownerId: user.id } })).toBe(1);
  });

  it("keeps a raw RSA key of another size out (KEY_SIZE_NOT_STORED), not a 500", async () => {
    actAs(user);
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2560 });
    const odd = issueTestCertificate({
      commonName: "odd.upload-matrix.test",
      sans: ["odd.upload-matrix.test"],
      ...valid,
      keys: { type: "rsa-2048", privateKey, publicKey },
      issuer: intermediate,
    });
    await expectRejected(await postJson({ certificatePem: odd.pem, chainPem: intermediate.pem }), {
      status: 422,
      code: "KEY_SIZE_NOT_STORED",
      field: "certificate",
      says: /RSA_2560/,
    });
  });
});
