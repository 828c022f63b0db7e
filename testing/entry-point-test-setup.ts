// What a test needs before it imports the app's server actions and route handlers to call
// them directly (the authorization matrix, hostile input): import it first, before
// action-harness.ts and before the app's modules, which the test then imports dynamically
// (vi.mock calls are hoisted within this module; DNS_RESOLVER is read when the config loads).
import { afterAll, vi } from "vitest";

vi.hoisted(() => {
  // The demo payment provider and the demo clock exist only in DEMO_MODE.
  process.env.DEMO_MODE = "true";
});
vi.mock("@/lib/clock", async () => {
  const { TEST_NOW } = await import("@/testing/factories");
  return {
    now: async () => TEST_NOW,
    systemNow: () => new Date(),
    isClockSimulated: async () => false,
    getClockOffsetMs: async () => 0,
  };
});
// "Run now" schedules the run after the response; here nothing runs after anything.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: () => undefined,
}));
// The sign-in actions import Auth.js's error class; Auth.js itself cannot load outside Next.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

// Domains are looked up at a DNS server the test owns, never the network.
const { LocalDnsServer } = await import("@/testing/local-dns-server");
const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();
afterAll(() => dns.close());
