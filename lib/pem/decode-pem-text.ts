import type { UploadedCertificateErrorCode, UploadParams } from "@/lib/pem/uploaded-certificate-errors";

export type PemBlock = {
  label: string;
  // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED" (legacy encrypted keys); usually empty.
  headers: Record<string, string>;
  der: Buffer;
};

export type DecodePemTextResult =
  | { ok: true; blocks: PemBlock[] }
  | { ok: false; code: UploadedCertificateErrorCode; params: UploadParams };

export type DecodePemTextInput = {
  text: string;
  maxBytes: number;
  // Shown to someone who uploaded binary DER: the openssl command that converts it to PEM.
  derConversionCommand: string;
};

const MARKER = /-----(BEGIN|END) ([^-\r\n]*)-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Splits pasted or uploaded text into PEM blocks, or says precisely why it cannot.
 * Text outside the blocks is ignored, as RFC 7468 allows (OpenSSL writes "subject=…" and
 * "Bag Attributes" lines there). Whitespace inside the base64 is tolerated because pasting
 * through e-mail or chat often re-wraps or indents it.
 */
export function decodePemText({ text, maxBytes, derConversionCommand }: DecodePemTextInput): DecodePemTextResult {
  const actualBytes = Buffer.byteLength(text, "utf8");
  if (actualBytes > maxBytes) return { ok: false, code: "TOO_LARGE", params: { maxBytes, actualBytes } };

  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") return { ok: false, code: "EMPTY", params: {} };
  if (looksLikeDer(content)) return { ok: false, code: "DER_NOT_PEM", params: { command: derConversionCommand } };
  if (containsBinary(content)) return { ok: false, code: "NOT_TEXT", params: {} };

  const blocks: PemBlock[] = [];
  let open: { label: string; bodyStart: number } | null = null;
  for (const marker of content.matchAll(MARKER)) {
    const kind = marker[1];
    const label = (marker[2] ?? "").trim();
    if (kind === "BEGIN") {
      if (open) return { ok: false, code: "PEM_TRUNCATED", params: { label: open.label, missing: "END" } };
      open = { label, bodyStart: marker.index + marker[0].length };
      continue;
    }
    if (!open) return { ok: false, code: "PEM_TRUNCATED", params: { label, missing: "BEGIN" } };
    if (label !== open.label) {
      return { ok: false, code: "PEM_LABEL_MISMATCH", params: { beginLabel: open.label, endLabel: label } };
    }
    const block = decodeBlockBody(open.label, content.slice(open.bodyStart, marker.index), blocks.length + 1);
    if (!block.ok) return block;
    blocks.push(block.block);
    open = null;
  }
  if (open) return { ok: false, code: "PEM_TRUNCATED", params: { label: open.label, missing: "END" } };
  if (blocks.length === 0) {
    return { ok: false, code: looksLikeBareBase64Der(content) ? "PEM_HEADER_MISSING" : "PEM_NOT_FOUND", params: {} };
  }
  return { ok: true, blocks };
}

function decodeBlockBody(
  label: string,
  body: string,
  position: number,
): { ok: true; block: PemBlock } | { ok: false; code: UploadedCertificateErrorCode; params: UploadParams } {
  const lines = body.split(/\r\n|\r|\n/);
  const headers: Record<string, string> = {};
  let index = 0;
  while (index < lines.length && (lines[index] ?? "").trim() === "") index++;
  let lastHeader: string | null = null;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const header = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line.trim());
    if (header?.[1] !== undefined) {
      lastHeader = header[1];
      headers[lastHeader] = header[2] ?? "";
    } else if (lastHeader !== null && /^[ \t]/.test(line) && line.trim() !== "") {
      headers[lastHeader] = `${headers[lastHeader] ?? ""}${line.trim()}`;
    } else {
      break;
    }
  }
  const base64 = lines.slice(index).join("").replace(/\s+/g, "");
  if (base64 === "" || !BASE64.test(base64) || base64.length % 4 !== 0) {
    return { ok: false, code: "PEM_BASE64_INVALID", params: { label, block: position } };
  }
  const der = Buffer.from(base64, "base64");
  // Encrypted legacy keys (with headers) are ciphertext, not DER, so their length says nothing.
  if (Object.keys(headers).length === 0 && der[0] === 0x30) {
    const declared = declaredDerLength(der);
    if (declared === null || declared > der.length) {
      return { ok: false, code: "PEM_TRUNCATED", params: { label, missing: "DATA" } };
    }
    if (declared < der.length) return { ok: false, code: "PEM_BASE64_INVALID", params: { label, block: position } };
  }
  return { ok: true, block: { label, headers, der } };
}

/** Total length of the outermost DER element, from its length octets; null when they are cut off. */
function declaredDerLength(der: Buffer): number | null {
  const first = der[1];
  if (first === undefined) return null;
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  if (octets === 0 || octets > 4 || der.length < 2 + octets) return null;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + (der[2 + i] ?? 0);
  return 2 + octets + length;
}

// A certificate or key in DER starts with SEQUENCE (0x30) and a long-form length (0x81–0x84).
// Read as Latin-1 the length byte survives; read as UTF-8 it becomes U+FFFD.
function looksLikeDer(content: string): boolean {
  if (content.charCodeAt(0) !== 0x30) return false;
  const second = content.charCodeAt(1);
  return (second >= 0x81 && second <= 0x84) || second === 0xfffd;
}

// Control characters other than tab and line breaks, or U+FFFD, which is what the bytes of a
// binary file turn into when it is read as UTF-8.
function containsBinary(content: string): boolean {
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || code === 0x7f || code === 0xfffd) return true;
  }
  return false;
}

// The body of a PEM block pasted without its BEGIN/END lines.
function looksLikeBareBase64Der(content: string): boolean {
  const compact = content.replace(/\s+/g, "");
  if (compact.length < 16 || !BASE64.test(compact)) return false;
  return Buffer.from(compact.slice(0, 16), "base64")[0] === 0x30;
}
