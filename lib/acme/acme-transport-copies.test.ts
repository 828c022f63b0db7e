// Next.js bundles lib/acme/acme-transport.ts into each server chunk that uses it, while
// acme-client (and its axios) is one module per process: the copy loaded last installs
// the adapter. A step run by another copy must still read the adapter's failures as
// transport failures (here, a closed port: "unreachable", not "the CA refused").
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

async function freshCopy() {
  vi.resetModules();
  return import("@/lib/acme/acme-transport");
}

describe("two bundled copies of the ACME transport", () => {
  it("share the adapter's state: a closed port is unreachable from either copy", async () => {
    const first = await freshCopy();
    // Loaded second: its adapter is the one acme-client's axios now calls.
    await freshCopy();
    // An empty bundle: the system's roots, and no configuration to read.
    const ca = {
      directoryUrl: "https://127.0.0.1:1/directory",
      requestTimeoutMs: 2_000,
      caBundlePem: "",
    } as Parameters<typeof first.fetchAcmeDirectory>[0];
    const failure = await first
      .runAcmeStep("directory", ca, () => first.fetchAcmeDirectory(ca))
      .then(() => null)
      .catch((error: unknown) => (error as { failure?: { reason: string } }).failure?.reason);
    expect(failure).toBe("CA_UNREACHABLE");
  });
});
