// Real HTTP and HTTPS servers on the loopback interface, found through a DNS server the test
// runs: the check resolves and connects exactly as it would to a customer's site.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFileValidation, type FileCheckOptions } from "@/lib/validation/check-file-validation";
import { generateTestKeyPair, issueTestCertificate } from "@/testing/issue-test-certificate";
import { LocalDnsServer } from "@/testing/local-dns-server";

const TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
const PATH = "/.well-known/pki-validation/fileauth.txt";
const dns = new LocalDnsServer();
const servers: Server[] = [];
let ports = { http: 0, https: 0 };
let options: FileCheckOptions;

function route(scheme: "http" | "https") {
  return (request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? "").replace(/:\d+$/, "");
    const at = (target: string, path = PATH) =>
      `${target}:${ports[target.startsWith("https") ? "https" : "http"]}${path}`;
    const send = (status: number, body = "", headers: Record<string, string> = {}) => {
      response.writeHead(status, headers);
      response.end(body);
    };
    if (request.url !== PATH && !request.url?.startsWith("/moved")) return send(404);
    switch (`${scheme} ${host}`) {
      case "http found.file.test":
      case "http www.redirect.file.test":
      case "https https-only.file.test":
      case "https tls-only.file.test":
        return send(200, `\n  ${TOKEN}  \n`);
      case "http wrong.file.test":
        return send(200, "<html>Welcome to nginx!</html>");
      case "http big.file.test":
        return send(200, `${TOKEN}${"x".repeat(10_000)}`);
      case "http redirect.file.test":
        return send(301, "", { location: at("http://www.redirect.file.test") });
      case "http https-only.file.test":
        return send(301, "", { location: at("https://https-only.file.test") });
      case "http away.file.test":
        return send(302, "", { location: at("http://found.file.test") });
      case "http loop.file.test":
      case "http www.loop.file.test":
        return send(302, "", {
          location: at(host === "loop.file.test" ? "http://www.loop.file.test" : "http://loop.file.test", "/moved"),
        });
      case "http slow.file.test":
      case "https slow.file.test":
        return; // never answers
      default:
        return send(404, "Not Found");
    }
  };
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  const resolver = await dns.start();
  for (const name of [
    "found",
    "www.redirect",
    "redirect",
    "https-only",
    "tls-only",
    "wrong",
    "big",
    "away",
    "loop",
    "www.loop",
    "slow",
  ]) {
    dns.addRecord({ name: `${name}.file.test`, type: "A", value: "127.0.0.1" });
  }
  const keys = generateTestKeyPair("ec-p256");
  const tls = issueTestCertificate({
    commonName: "self-signed.file.test",
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000),
    keys,
  });
  ports = {
    http: await listen(createHttpServer(route("http"))),
    https: await listen(createHttpsServer({ key: tls.privateKeyPem, cert: tls.pem }, route("https"))),
  };
  options = { allowPrivate: true, resolver, ports, timeoutMs: 1_500 };
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections?.();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await dns.close();
});

const check = (host: string, extra: FileCheckOptions = {}) =>
  checkFileValidation({ host, content: TOKEN }, { ...options, ...extra });

describe("checkFileValidation", () => {
  it("finds the token over http, compared trimmed, and names the URL it asked", async () => {
    expect(await check("found.file.test")).toEqual({
      outcome: "found",
      url: "http://found.file.test/.well-known/pki-validation/fileauth.txt",
    });
  });

  it("follows a redirect to the www counterpart and one to https (self-signed certificate and all)", async () => {
    expect(await check("redirect.file.test")).toMatchObject({ outcome: "found" });
    expect(await check("https-only.file.test")).toMatchObject({ outcome: "found" });
  });

  it("asks https when http does not serve the file", async () => {
    expect(await check("tls-only.file.test")).toEqual({
      outcome: "found",
      url: "https://tls-only.file.test/.well-known/pki-validation/fileauth.txt",
    });
  });

  it("says what was served instead, and the status of a missing file", async () => {
    expect(await check("wrong.file.test")).toMatchObject({
      outcome: "wrong-content",
      served: "<html>Welcome to nginx!</html>",
    });
    expect(await check("big.file.test")).toMatchObject({ outcome: "wrong-content" });
    expect(await check("nothing-here.file.test")).toMatchObject({ outcome: "unreachable", code: "ENOTFOUND" });
    dns.addRecord({ name: "missing.file.test", type: "A", value: "127.0.0.1" });
    expect(await check("missing.file.test")).toMatchObject({ outcome: "http-status", status: 404 });
  });

  it("refuses a redirect to another site, and more than two redirects", async () => {
    expect(await check("away.file.test")).toMatchObject({ outcome: "redirect-refused", reason: "OTHER_HOST" });
    expect(await check("loop.file.test")).toMatchObject({ outcome: "redirect-refused", reason: "TOO_MANY_REDIRECTS" });
  });

  it("gives up after the timeout", async () => {
    const started = performance.now();
    expect(await check("slow.file.test", { timeoutMs: 300 })).toMatchObject({ outcome: "timeout" });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("never connects to a loopback address outside DEMO_MODE", async () => {
    expect(await check("found.file.test", { allowPrivate: false })).toMatchObject({ outcome: "address-refused" });
  });
});
