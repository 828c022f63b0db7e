// What a TLS endpoint serves: connects to host:port asking for the SNI name and reads the leaf
// and the chain the server presents. The handshake accepts any certificate (the comparison
// with what was deployed is exact, by fingerprint), and reports apart whether the chain
// validates, against Node's root store or the CA given, for that name.
import "server-only";
import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import tls from "node:tls";
import { deployAddressPermit, resolveDeployAddress } from "@/lib/deploy/deploy-address-policy";
import type { ServedCertificate, TlsEndpoint, TlsProbeResult } from "@/lib/deploy/deployment-contracts";
import { describeCertificate } from "@/lib/deploy/describe-certificate";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export const TLS_PROBE_TIMEOUT_MS = 10_000;

export async function probeTlsEndpoint(
  endpoint: TlsEndpoint,
  options: {
    /** PEM of the trust anchors to validate against, instead of Node's root store (give roots, not intermediates). */
    ca?: string;
    timeoutMs?: number;
    addressPermit?: PrivateAddressPermit;
  } = {},
): Promise<TlsProbeResult> {
  const resolved = await resolveDeployAddress(endpoint.host, options.addressPermit ?? deployAddressPermit());
  if (!resolved.ok) {
    const reason = resolved.failure.reason === "ADDRESS_REFUSED" ? "ADDRESS_REFUSED" : "UNREACHABLE";
    return { ok: false, reason, message: resolved.failure.message };
  }
  const timeoutMs = options.timeoutMs ?? TLS_PROBE_TIMEOUT_MS;
  const where = `${endpoint.host}:${endpoint.port}`;

  return new Promise<TlsProbeResult>((resolve) => {
    const socket = tls.connect({
      host: resolved.address,
      port: endpoint.port,
      // SNI carries names only (RFC 6066 §3).
      ...(isIP(endpoint.serverName) ? {} : { servername: endpoint.serverName }),
      rejectUnauthorized: false,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const finish = (result: TlsProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      finish({
        ok: false,
        reason: "TIMEOUT",
        message: `${where} did not complete a TLS handshake within ${timeoutMs / 1000} s`,
      }),
    );
    socket.once("secureConnect", () => {
      const peer = socket.getPeerCertificate(true);
      const certificates = peerChain(peer);
      const [leaf, ...chain] = certificates;
      if (!leaf) {
        finish({ ok: false, reason: "TLS_FAILED", message: `${where} presented no certificate` });
        return;
      }
      const trustError = trustProblem(socket, endpoint.serverName, peer);
      finish({ ok: true, leaf, chain, trusted: trustError === null, trustError });
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      const unreachable = ["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"].includes(error.code ?? "");
      finish({
        ok: false,
        reason: error.code === "ETIMEDOUT" ? "TIMEOUT" : unreachable ? "UNREACHABLE" : "TLS_FAILED",
        message: `${where}: ${error.code ? `${error.code}: ` : ""}${error.message}`.slice(0, 300),
      });
    });
  });
}

/** Why the presented chain does not validate for the name, or null when it does. */
function trustProblem(socket: tls.TLSSocket, serverName: string, peer: tls.PeerCertificate): string | null {
  if (!socket.authorized) return String(socket.authorizationError);
  const nameError = tls.checkServerIdentity(serverName, peer) as NodeJS.ErrnoException | undefined;
  return nameError ? String(nameError.code ?? nameError.message) : null;
}

/**
 * Leaf first, then each issuer as Node linked them. Node completes the chain's end from the
 * trust store, which holds roots, so every intermediate here was sent by the server.
 */
function peerChain(peer: tls.DetailedPeerCertificate): ServedCertificate[] {
  const chain: ServedCertificate[] = [];
  const seen = new Set<string>();
  let current: tls.DetailedPeerCertificate | tls.PeerCertificate | undefined = peer;
  while (current?.raw && current.raw.length > 0) {
    const described = describeCertificate(new X509Certificate(current.raw));
    if (seen.has(described.fingerprintSha256)) break;
    seen.add(described.fingerprintSha256);
    chain.push(described);
    current = "issuerCertificate" in current ? current.issuerCertificate : undefined;
  }
  return chain;
}
