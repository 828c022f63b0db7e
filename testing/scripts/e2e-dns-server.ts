// Test support for the e2e app: the DNS server its DNS_RESOLVER names (a third-party
// domain's "DNS provider"), on fixed loopback ports so the app's environment can name it
// before it starts. Tests add records over a small HTTP control endpoint on loopback
// (e2e/fixtures.ts addDnsRecord): POST /records {"name", "type", "value"}. Started and
// stopped by Playwright's webServer list (playwright.config.ts).
import { createServer } from "node:http";

const { LocalDnsServer } = await import("@/testing/local-dns-server");
const [dnsPort, controlPort] = process.argv.slice(2).map(Number);
if (!dnsPort || !controlPort) {
  console.error("usage: e2e-dns-server.ts <dns port> <control port>");
  process.exit(2);
}

const dns = new LocalDnsServer();
await dns.start({ port: dnsPort });

const control = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/") {
    response.writeHead(200).end("ok");
    return;
  }
  if (request.method !== "POST" || request.url !== "/records") {
    response.writeHead(404).end();
    return;
  }
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => {
    body += chunk;
  });
  request.on("end", () => {
    try {
      const record = JSON.parse(body) as { name?: unknown; type?: unknown; value?: unknown };
      if (
        typeof record.name !== "string" ||
        typeof record.value !== "string" ||
        !["TXT", "A"].includes(String(record.type))
      ) {
        response.writeHead(400).end("name, type (TXT or A) and value are required");
        return;
      }
      dns.addRecord({ name: record.name, type: record.type as "TXT" | "A", value: record.value });
      response.writeHead(204).end();
    } catch {
      response.writeHead(400).end("the body is not JSON");
    }
  });
});
await new Promise<void>((resolve) => control.listen(controlPort, "127.0.0.1", resolve));

async function stop(): Promise<void> {
  control.close();
  await dns.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
