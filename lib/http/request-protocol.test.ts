import { afterEach, describe, expect, it, vi } from "vitest";
import { requestProtocolBehind, requestProtocolFrom } from "@/lib/http/request-protocol";
import { SOCKET_PEER_RECORDED, SOCKET_PROTOCOL_HEADER } from "@/lib/http/socket-peer";

const setting = vi.hoisted(() => ({ trustProxy: 0 }));
vi.mock("@/lib/config", () => ({ getConfig: () => ({ trustProxy: setting.trustProxy }) }));

describe("requestProtocolBehind (pure)", () => {
  it("with TRUST_PROXY off, is the socket's, whatever X-Forwarded-Proto a client sends", () => {
    expect(requestProtocolBehind(0, { forwardedProto: "https", socketProtocol: "http" })).toBe("http");
    expect(requestProtocolBehind(0, { forwardedProto: "http", socketProtocol: "https" })).toBe("https");
    expect(requestProtocolBehind(0, { forwardedProto: "https", socketProtocol: null })).toBe("http");
  });

  it("behind N proxies, is what the outermost one saw", () => {
    expect(requestProtocolBehind(1, { forwardedProto: "https", socketProtocol: "http" })).toBe("https");
    expect(requestProtocolBehind(1, { forwardedProto: "HTTPS", socketProtocol: "http" })).toBe("https");
    expect(requestProtocolBehind(2, { forwardedProto: "https, http", socketProtocol: "http" })).toBe("https");
    expect(requestProtocolBehind(1, { forwardedProto: "https, http", socketProtocol: "http" })).toBe("http");
    // A proxy that says nothing, or nonsense: the socket's.
    expect(requestProtocolBehind(1, { forwardedProto: null, socketProtocol: "http" })).toBe("http");
    expect(requestProtocolBehind(1, { forwardedProto: "gopher", socketProtocol: "http" })).toBe("http");
  });
});

describe("requestProtocolFrom", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[SOCKET_PEER_RECORDED];
    setting.trustProxy = 0;
  });

  it("reads the recorded socket and the configured TRUST_PROXY", () => {
    (globalThis as Record<symbol, unknown>)[SOCKET_PEER_RECORDED] = true;
    const headers = new Headers({ [SOCKET_PROTOCOL_HEADER]: "http", "x-forwarded-proto": "https" });
    expect(requestProtocolFrom(headers)).toBe("http");
    setting.trustProxy = 1;
    expect(requestProtocolFrom(headers)).toBe("https");
  });
});
