import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientIpBehind, clientIpFrom } from "@/lib/http/client-ip";
import { SOCKET_ADDRESS_HEADER, SOCKET_PEER_RECORDED } from "@/lib/http/socket-peer";

const setting = vi.hoisted(() => ({ trustProxy: 0 }));
vi.mock("@/lib/config", () => ({ getConfig: () => ({ trustProxy: setting.trustProxy }) }));

const marks = globalThis as Record<symbol, unknown>;

describe("clientIpBehind (pure)", () => {
  it("with TRUST_PROXY off, is the socket's peer and never reads X-Forwarded-For", () => {
    expect(clientIpBehind(0, { forwardedFor: null, socketAddress: "203.0.113.7" })).toBe("203.0.113.7");
    // Spoof attempts: whatever the client writes, its own socket decides.
    for (const forwardedFor of ["198.51.100.1", "198.51.100.1, 198.51.100.2", "203.0.113.7, 10.0.0.1", "::1"]) {
      expect(clientIpBehind(0, { forwardedFor, socketAddress: "203.0.113.7" }), forwardedFor).toBe("203.0.113.7");
    }
    expect(clientIpBehind(0, { forwardedFor: "198.51.100.1", socketAddress: null })).toBe("unknown");
  });

  it("behind one proxy, is the entry that proxy appended: the last", () => {
    const behindOne = (forwardedFor: string | null) => clientIpBehind(1, { forwardedFor, socketAddress: "10.0.0.2" });
    expect(behindOne("203.0.113.7")).toBe("203.0.113.7");
    // The client wrote the entries before the proxy's own.
    expect(behindOne("198.51.100.1, 198.51.100.2, 203.0.113.7")).toBe("203.0.113.7");
    // A proxy that sets no header: the proxy is all there is to name.
    expect(behindOne(null)).toBe("10.0.0.2");
    expect(behindOne("")).toBe("10.0.0.2");
  });

  it("behind N proxies, is the Nth entry from the right, or the leftmost of a shorter list", () => {
    const chain = "198.51.100.66, 203.0.113.7, 10.0.0.1, 10.0.0.2";
    expect(clientIpBehind(3, { forwardedFor: chain, socketAddress: "10.0.0.3" })).toBe("203.0.113.7");
    expect(clientIpBehind(2, { forwardedFor: chain, socketAddress: "10.0.0.3" })).toBe("10.0.0.1");
    expect(clientIpBehind(10, { forwardedFor: "203.0.113.7, 10.0.0.1", socketAddress: "10.0.0.3" })).toBe(
      "203.0.113.7",
    );
  });

  it("writes each address one way and refuses what is not an address", () => {
    const peer = (socketAddress: string) => clientIpBehind(0, { forwardedFor: null, socketAddress });
    expect(peer("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(peer("::1")).toBe("::1");
    expect(peer("2001:DB8::1")).toBe("2001:db8::1");
    const forwarded = (forwardedFor: string) => clientIpBehind(1, { forwardedFor, socketAddress: null });
    expect(forwarded("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(forwarded("[2001:db8::1]:51234")).toBe("2001:db8::1");
    for (const junk of ["unknown", "<script>", "203.0.113.999", "a".repeat(300), "203.0.113.7 x"]) {
      expect(forwarded(junk), junk).toBe("unknown");
    }
  });
});

describe("clientIpFrom (the request's headers, the configured TRUST_PROXY)", () => {
  beforeEach(() => {
    marks[SOCKET_PEER_RECORDED] = true;
  });
  afterEach(() => {
    delete marks[SOCKET_PEER_RECORDED];
    setting.trustProxy = 0;
  });

  const request = (headers: Record<string, string>) => clientIpFrom(new Headers(headers));

  it("with TRUST_PROXY off, believes the recorded socket, not a client's X-Forwarded-For or X-Real-IP", () => {
    expect(
      request({
        [SOCKET_ADDRESS_HEADER]: "::ffff:203.0.113.7",
        "x-forwarded-for": "198.51.100.1",
        "x-real-ip": "198.51.100.2",
      }),
    ).toBe("203.0.113.7");
  });

  it("with TRUST_PROXY=2, believes the second entry from the right", () => {
    setting.trustProxy = 2;
    expect(
      request({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.1, 203.0.113.7, 10.0.0.1" }),
    ).toBe("203.0.113.7");
  });

  it("where the socket was not recorded (the preload did not run), a client's socket header is not believed", () => {
    delete marks[SOCKET_PEER_RECORDED];
    expect(request({ [SOCKET_ADDRESS_HEADER]: "198.51.100.1", "x-forwarded-for": "198.51.100.1" })).toBe("unknown");
  });
});
