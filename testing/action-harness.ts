// Runs server actions in Vitest the way Next.js would: a signed-in session (or
// none), request headers, and real translations. Import this module BEFORE the
// action under test (vi.mock calls are hoisted within this module).
import { createTranslator } from "next-intl";
import { vi } from "vitest";
import { SOCKET_PEER_RECORDED } from "@/lib/http/socket-peer";
import { loadMessages } from "@/messages/load-messages";

type FakeSession = { userId: string; sessionVersion: number } | null;

const state = vi.hoisted(() => ({
  session: null as { userId: string; sessionVersion: number } | null,
  // The caller's address as the server records it from the socket (lib/http/socket-peer.ts).
  headers: new Map<string, string>([
    ["x-certdesk-socket-address", "198.51.100.10"],
    ["x-certdesk-socket-protocol", "http"],
  ]),
}));
// Stands in for the preload that records the socket in the server (lib/http/record-socket-peer.mjs).
(globalThis as Record<symbol, unknown>)[SOCKET_PEER_RECORDED] = true;

// The session cookie's decryption has its own tests (lib/auth/read-session-claims.test.ts):
// here the request carries whatever session the test set.
vi.mock("@/lib/auth/read-session-claims", () => ({ createSessionClaimsReader: () => async () => state.session }));
vi.mock("@/lib/auth/auth", () => ({
  // Credentials are checked by Auth.js (lib/auth/authenticate-user.ts has its own tests):
  // here every sign-in succeeds, and signing out ends the session.
  signIn: async () => undefined,
  signOut: async () => {
    state.session = null;
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers([...state.headers.entries()]),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined }),
}));
vi.mock("next-intl/server", async () => {
  const messages = await loadMessages("en");
  return {
    getTranslations: async (namespace?: string) =>
      createTranslator({ locale: "en", messages, namespace: namespace as never }),
    getLocale: async () => "en",
    getTimeZone: async () => "UTC",
  };
});
// Actions revalidate or redirect after success; neither means anything in a test.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/** Acts as this user (session version 0, as after a fresh sign-in); null signs out. */
export function actAs(user: { id: string } | null, sessionVersion = 0): void {
  state.session = user ? { userId: user.id, sessionVersion } : null;
}

export function setRequestHeader(name: string, value: string): void {
  state.headers.set(name.toLowerCase(), value);
}

export type { FakeSession };
