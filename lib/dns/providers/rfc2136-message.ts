// DNS UPDATE messages (RFC 2136) signed with TSIG (RFC 8945), and the parts of a reply
// we need to read and verify. Pure: bytes in, bytes out; the time is an argument. No
// npm package signs TSIG (dns-packet has no TSIG and no class NONE), so this is ours;
// its known-answer tests use messages captured from BIND's nsupdate and PowerDNS's replies.
import { createHmac, timingSafeEqual } from "node:crypto";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";

export type TsigAlgorithm = "hmac-sha256" | "hmac-sha512";
export const TSIG_ALGORITHMS: readonly TsigAlgorithm[] = ["hmac-sha256", "hmac-sha512"];

export type TsigKey = {
  /** The key's name as the server knows it, e.g. `certdesk-key`. */
  name: string;
  algorithm: TsigAlgorithm;
  /** The shared secret, decoded (servers print it in base64). */
  secret: Buffer;
};

export type TxtUpdate =
  | { action: "add"; name: string; value: string; ttl: number }
  | { action: "delete"; name: string; value: string };

const TYPE = { SOA: 6, TXT: 16, TSIG: 250 } as const;
const CLASS = { IN: 1, NONE: 254, ANY: 255 } as const;
const OPCODE_UPDATE = 5;
const HEADER_LENGTH = 12;
const MAX_CHARACTER_STRING = 255;
/** Seconds of clock difference the server may accept (RFC 8945 recommends 300). */
export const TSIG_FUDGE = 300;

export const RCODE_NAMES: Record<number, string> = {
  0: "NOERROR",
  1: "FORMERR",
  2: "SERVFAIL",
  3: "NXDOMAIN",
  4: "NOTIMP",
  5: "REFUSED",
  6: "YXDOMAIN",
  7: "YXRRSET",
  8: "NXRRSET",
  9: "NOTAUTH",
  10: "NOTZONE",
};
export const TSIG_ERROR_NAMES: Record<number, string> = { 16: "BADSIG", 17: "BADKEY", 18: "BADTIME", 22: "BADTRUNC" };

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

function u48(value: number): Buffer {
  const buffer = Buffer.alloc(6);
  buffer.writeUIntBE(value, 0, 6);
  return buffer;
}

/** A name in wire form: lower-case labels, uncompressed (the canonical form TSIG signs). */
export function encodeName(name: string): Buffer {
  const normalized = name === "." ? "" : normalizeDomainName(name);
  const labels = normalized === "" ? [] : normalized.split(".");
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, "ascii")])),
    Buffer.from([0]),
  ]);
}

function txtRdata(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  const strings: Buffer[] = [];
  let start = 0;
  do {
    const chunk = bytes.subarray(start, start + MAX_CHARACTER_STRING);
    strings.push(Buffer.from([chunk.length]), chunk);
    start += MAX_CHARACTER_STRING;
  } while (start < bytes.length);
  return Buffer.concat(strings);
}

function resourceRecord(name: string, type: number, klass: number, ttl: number, rdata: Buffer): Buffer {
  return Buffer.concat([encodeName(name), u16(type), u16(klass), u32(ttl), u16(rdata.length), rdata]);
}

/**
 * An unsigned UPDATE for `zone`: no prerequisites; each update adds one TXT value
 * (class IN) or deletes one value (class NONE, TTL 0), leaving the name's other values.
 */
export function encodeUpdateMessage(input: { id: number; zone: string; updates: readonly TxtUpdate[] }): Buffer {
  const header = Buffer.concat([
    u16(input.id),
    u16(OPCODE_UPDATE << 11),
    u16(1), // ZOCOUNT
    u16(0), // PRCOUNT
    u16(input.updates.length), // UPCOUNT
    u16(0), // ADCOUNT
  ]);
  const zone = Buffer.concat([encodeName(input.zone), u16(TYPE.SOA), u16(CLASS.IN)]);
  const updates = input.updates.map((update) =>
    update.action === "add"
      ? resourceRecord(update.name, TYPE.TXT, CLASS.IN, update.ttl, txtRdata(update.value))
      : resourceRecord(update.name, TYPE.TXT, CLASS.NONE, 0, txtRdata(update.value)),
  );
  return Buffer.concat([header, zone, ...updates]);
}

type TsigFields = { timeSigned: number; fudge: number; error: number; otherData: Buffer };

function hmacName(algorithm: TsigAlgorithm): "sha256" | "sha512" {
  return algorithm === "hmac-sha256" ? "sha256" : "sha512";
}

/** RFC 8945 §4.3.3: the TSIG fields covered by the MAC, names in canonical form. */
function tsigVariables(key: TsigKey, fields: TsigFields): Buffer {
  return Buffer.concat([
    encodeName(key.name),
    u16(CLASS.ANY),
    u32(0),
    encodeName(key.algorithm),
    u48(fields.timeSigned),
    u16(fields.fudge),
    u16(fields.error),
    u16(fields.otherData.length),
    fields.otherData,
  ]);
}

/**
 * The message with a TSIG record appended and ADCOUNT raised by one. `mac` is what the
 * server's signed reply must be verified against.
 */
export function signMessage(
  message: Buffer,
  key: TsigKey,
  timeSigned: number,
  fudge: number = TSIG_FUDGE,
): { signed: Buffer; mac: Buffer } {
  const fields: TsigFields = { timeSigned, fudge, error: 0, otherData: Buffer.alloc(0) };
  const mac = createHmac(hmacName(key.algorithm), key.secret)
    .update(Buffer.concat([message, tsigVariables(key, fields)]))
    .digest();
  const originalId = message.readUInt16BE(0);
  const rdata = Buffer.concat([
    encodeName(key.algorithm),
    u48(timeSigned),
    u16(fudge),
    u16(mac.length),
    mac,
    u16(originalId),
    u16(0),
    u16(0),
  ]);
  const signed = Buffer.concat([message, resourceRecord(key.name, TYPE.TSIG, CLASS.ANY, 0, rdata)]);
  signed.writeUInt16BE(message.readUInt16BE(10) + 1, 10);
  return { signed, mac };
}

export class MalformedDnsMessageError extends Error {
  constructor(detail: string) {
    super(`malformed DNS message: ${detail}`);
    this.name = "MalformedDnsMessageError";
  }
}

function need(buffer: Buffer, offset: number, length: number): void {
  if (offset + length > buffer.length) throw new MalformedDnsMessageError(`ends before byte ${offset + length}`);
}

/** Reads a possibly compressed name at `offset`: the name and the offset just after it in the message. */
function readName(buffer: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let position = offset;
  let end: number | undefined;
  for (let jumps = 0; jumps < 64; ) {
    need(buffer, position, 1);
    const length = buffer[position] ?? 0;
    if (length === 0) return { name: labels.join(".").toLowerCase(), end: end ?? position + 1 };
    if ((length & 0xc0) === 0xc0) {
      need(buffer, position, 2);
      end ??= position + 2;
      position = buffer.readUInt16BE(position) & 0x3fff;
      jumps += 1;
      continue;
    }
    if (length > 63) throw new MalformedDnsMessageError(`label length ${length} at byte ${position}`);
    need(buffer, position + 1, length);
    labels.push(buffer.toString("latin1", position + 1, position + 1 + length));
    position += 1 + length;
  }
  throw new MalformedDnsMessageError("compression pointers loop");
}

export type TsigRecord = {
  keyName: string;
  algorithm: string;
  timeSigned: number;
  fudge: number;
  mac: Buffer;
  originalId: number;
  error: number;
  otherData: Buffer;
  /** Where the TSIG record starts: the signed part of the message ends here. */
  offset: number;
};

export type DnsReply = {
  id: number;
  isResponse: boolean;
  opcode: number;
  truncated: boolean;
  rcode: number;
  /** The TSIG record when the message ends with one. */
  tsig: TsigRecord | null;
};

/** The header fields of a reply and its TSIG record, if any. Throws MalformedDnsMessageError. */
export function parseReply(buffer: Buffer): DnsReply {
  need(buffer, 0, HEADER_LENGTH);
  const flags = buffer.readUInt16BE(2);
  const counts = [4, 6, 8, 10].map((at) => buffer.readUInt16BE(at));
  const [questions = 0, answers = 0, authorities = 0, additionals = 0] = counts;
  let offset = HEADER_LENGTH;
  for (let index = 0; index < questions; index++) {
    offset = readName(buffer, offset).end + 4;
  }
  let tsig: TsigRecord | null = null;
  const records = answers + authorities + additionals;
  for (let index = 0; index < records; index++) {
    const start = offset;
    const owner = readName(buffer, offset);
    need(buffer, owner.end, 10);
    const type = buffer.readUInt16BE(owner.end);
    const rdlength = buffer.readUInt16BE(owner.end + 8);
    const rdata = owner.end + 10;
    need(buffer, rdata, rdlength);
    offset = rdata + rdlength;
    if (type === TYPE.TSIG) {
      if (index !== records - 1) throw new MalformedDnsMessageError("TSIG is not the last record");
      const algorithm = readName(buffer, rdata);
      let at = algorithm.end;
      need(buffer, at, 10);
      const timeSigned = buffer.readUIntBE(at, 6);
      const fudge = buffer.readUInt16BE(at + 6);
      const macSize = buffer.readUInt16BE(at + 8);
      at += 10;
      need(buffer, at, macSize + 6);
      const mac = Buffer.from(buffer.subarray(at, at + macSize));
      at += macSize;
      const originalId = buffer.readUInt16BE(at);
      const error = buffer.readUInt16BE(at + 2);
      const otherLength = buffer.readUInt16BE(at + 4);
      need(buffer, at + 6, otherLength);
      const otherData = Buffer.from(buffer.subarray(at + 6, at + 6 + otherLength));
      tsig = {
        keyName: owner.name,
        algorithm: algorithm.name,
        timeSigned,
        fudge,
        mac,
        originalId,
        error,
        otherData,
        offset: start,
      };
    }
  }
  return {
    id: buffer.readUInt16BE(0),
    isResponse: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0x0f,
    truncated: (flags & 0x0200) !== 0,
    rcode: flags & 0x000f,
    tsig,
  };
}

export type ReplySignatureCheck =
  | { ok: true }
  | { ok: false; problem: "UNSIGNED" | "WRONG_KEY" | "BAD_MAC" | "CLOCK_SKEW"; detail: string };

/**
 * RFC 8945 §5.3.1: a reply to a signed request is signed with the same key over the
 * request's MAC, the reply without its TSIG record (ADCOUNT one lower, the original ID)
 * and the reply's TSIG variables. `now` in seconds.
 */
export function verifyReplySignature(
  buffer: Buffer,
  reply: DnsReply,
  key: TsigKey,
  requestMac: Buffer,
  now: number,
): ReplySignatureCheck {
  const { tsig } = reply;
  if (!tsig) return { ok: false, problem: "UNSIGNED", detail: "the reply carries no TSIG record" };
  if (tsig.keyName !== normalizeDomainName(key.name) || tsig.algorithm !== key.algorithm) {
    return { ok: false, problem: "WRONG_KEY", detail: `the reply is signed with ${tsig.keyName} (${tsig.algorithm})` };
  }
  const unsigned = Buffer.from(buffer.subarray(0, tsig.offset));
  unsigned.writeUInt16BE(tsig.originalId, 0);
  unsigned.writeUInt16BE(unsigned.readUInt16BE(10) - 1, 10);
  const expected = createHmac(hmacName(key.algorithm), key.secret)
    .update(Buffer.concat([u16(requestMac.length), requestMac, unsigned, tsigVariables(key, tsig)]))
    .digest();
  if (tsig.mac.length !== expected.length || !timingSafeEqual(tsig.mac, expected)) {
    return { ok: false, problem: "BAD_MAC", detail: "the reply's TSIG signature does not verify with our key" };
  }
  if (Math.abs(now - tsig.timeSigned) > tsig.fudge) {
    return {
      ok: false,
      problem: "CLOCK_SKEW",
      detail: `the reply was signed ${now - tsig.timeSigned} s from our clock`,
    };
  }
  return { ok: true };
}
