// Known answers from independent implementations: the requests were captured from BIND's
// nsupdate (bind9-dnsutils 9.18) sending to PowerDNS 4.7.3, the replies from PowerDNS.
// Keys are throwaway test keys made by that PowerDNS (POST /tsigkeys).
import { describe, expect, it } from "vitest";
import {
  encodeName,
  encodeUpdateMessage,
  MalformedDnsMessageError,
  parseReply,
  signMessage,
  type TsigKey,
  verifyReplySignature,
} from "@/lib/dns/providers/rfc2136-message";

const SHA256_KEY: TsigKey = {
  name: "certdesk-key",
  algorithm: "hmac-sha256",
  secret: Buffer.from(
    "Vre1iNFDPKctfPaswe9xOffSmMWfZLVlKL7Zku4qsmnhWNTnbode2fgC5GYw1j/RdIwJXrnP2knk8LenGHOQEA==",
    "base64",
  ),
};
const SHA512_KEY: TsigKey = {
  name: "certdesk-key512",
  algorithm: "hmac-sha512",
  secret: Buffer.from(
    "oUKLOwBPWoG3pNo9T8Eus0Scv0n1rJZRA5kePbLksTBXdHSXhANCdTLbLhYtDegouuJ+uYZ+CSTcJwaVfBuCFQ==",
    "base64",
  ),
};

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

// nsupdate: `update add _acme-challenge.hosted.test. 60 TXT "nsupdate-value"`, id 0xbfc9.
const ADD_REQUEST = hex(`
  bfc9 2800 0001 0000 0001 0001
  06686f73746564 0474657374 00 0006 0001
  0f5f61636d652d6368616c6c656e6765 c00c 0010 0001 0000003c 000f 0e6e737570646174652d76616c7565
  0c636572746465736b2d6b6579 00 00fa 00ff 00000000 003d
    0b686d61632d736861323536 00 00006b0f6e2d 012c
    0020 c67b911c63bc6e19010a88e175f5b7a30e6262c9a686ee58622715b515b8c42f
    bfc9 0000 0000`);
const ADD_TIME = 0x6b0f6e2d;
// PowerDNS's signed NOERROR to it.
const ADD_REPLY = hex(`
  bfc9 ac00 0001 0000 0000 0001
  06686f73746564 0474657374 00 0006 0001
  0c636572746465736b2d6b6579 00 00fa 00ff 00000000 003d
    0b686d61632d736861323536 00 00006b0f6e2d 012c
    0020 7f3fb45b99944c4fb0bddf38d433bf9ba00bb041e758c8fb0239cbad0f45ca51
    bfc9 0000 0000`);

// nsupdate: `update delete _acme-challenge.hosted.test. TXT "nsupdate-value"` with hmac-sha512, id 0x424a.
const DELETE_REQUEST = hex(`
  424a 2800 0001 0000 0001 0001
  06686f73746564 0474657374 00 0006 0001
  0f5f61636d652d6368616c6c656e6765 c00c 0010 00fe 00000000 000f 0e6e737570646174652d76616c7565
  0f636572746465736b2d6b6579353132 00 00fa 00ff 00000000 005d
    0b686d61632d736861353132 00 00006b0f6e34 012c
    0040 210dd27fe219bff5a9818720486dfd8e75d52ce64e92ec8138a9532960748bc6
         5fe878f88a646407693a25bedbd4f18e02e70876f87a7bdee5ba6fae166ae60a
    424a 0000 0000`);
const DELETE_TIME = 0x6b0f6e34;
const DELETE_REPLY = hex(`
  424a ac00 0001 0000 0000 0001
  06686f73746564 0474657374 00 0006 0001
  0f636572746465736b2d6b6579353132 00 00fa 00ff 00000000 005d
    0b686d61632d736861353132 00 00006b0f6e34 012c
    0040 e08c2d99f8b9dd60328598bbfd7e71f785184b16e5d9d27aba8c8cc3b1f1d723
         ffcba9fca9d9b1bde31e4b0710233c06a7bfa5f2c4fe6ae163469dff1931b1f0
    424a 0000 0000`);

// PowerDNS's answer to an update signed with a wrong secret: REFUSED, unsigned.
const REFUSED_REPLY = hex("33c9 ac05 0001 0000 0000 0000 06686f73746564 0474657374 00 0006 0001");

/** The request as signed: without its TSIG record, ADCOUNT back to 0. */
function unsignedPart(request: Buffer): Buffer {
  const tsigStart = parseReply(request).tsig?.offset;
  const message = Buffer.from(request.subarray(0, tsigStart));
  message.writeUInt16BE(0, 10);
  return message;
}

/** nsupdate compresses the update's owner name against the zone name (pointer c00c); we write it out. */
function withoutCompression(message: Buffer): Buffer {
  const pointer = message.indexOf(hex("c00c"));
  return Buffer.concat([message.subarray(0, pointer), encodeName("hosted.test"), message.subarray(pointer + 2)]);
}

describe("TSIG signing (RFC 8945)", () => {
  it("signs exactly as nsupdate does, with hmac-sha256", () => {
    const { signed, mac } = signMessage(unsignedPart(ADD_REQUEST), SHA256_KEY, ADD_TIME);
    expect(signed.toString("hex")).toBe(ADD_REQUEST.toString("hex"));
    expect(mac.toString("hex")).toBe("c67b911c63bc6e19010a88e175f5b7a30e6262c9a686ee58622715b515b8c42f");
  });

  it("signs exactly as nsupdate does, with hmac-sha512", () => {
    const { signed } = signMessage(unsignedPart(DELETE_REQUEST), SHA512_KEY, DELETE_TIME);
    expect(signed.toString("hex")).toBe(DELETE_REQUEST.toString("hex"));
  });

  it("verifies PowerDNS's signed replies over the request's MAC", () => {
    const add = signMessage(unsignedPart(ADD_REQUEST), SHA256_KEY, ADD_TIME);
    const reply = parseReply(ADD_REPLY);
    expect(reply).toMatchObject({ id: 0xbfc9, isResponse: true, opcode: 5, rcode: 0, truncated: false });
    expect(verifyReplySignature(ADD_REPLY, reply, SHA256_KEY, add.mac, ADD_TIME + 2)).toEqual({ ok: true });

    const remove = signMessage(unsignedPart(DELETE_REQUEST), SHA512_KEY, DELETE_TIME);
    expect(verifyReplySignature(DELETE_REPLY, parseReply(DELETE_REPLY), SHA512_KEY, remove.mac, DELETE_TIME)).toEqual({
      ok: true,
    });
  });

  it("rejects a reply whose bytes, key, request MAC or time do not match", () => {
    const { mac } = signMessage(unsignedPart(ADD_REQUEST), SHA256_KEY, ADD_TIME);
    const tampered = Buffer.from(ADD_REPLY);
    tampered[3] = 0x05; // NOERROR turned into REFUSED
    expect(verifyReplySignature(tampered, parseReply(tampered), SHA256_KEY, mac, ADD_TIME)).toMatchObject({
      ok: false,
      problem: "BAD_MAC",
    });
    const otherSecret = { ...SHA256_KEY, secret: Buffer.alloc(32, 1) };
    expect(verifyReplySignature(ADD_REPLY, parseReply(ADD_REPLY), otherSecret, mac, ADD_TIME)).toMatchObject({
      problem: "BAD_MAC",
    });
    expect(
      verifyReplySignature(ADD_REPLY, parseReply(ADD_REPLY), SHA256_KEY, Buffer.alloc(32), ADD_TIME),
    ).toMatchObject({
      problem: "BAD_MAC",
    });
    expect(verifyReplySignature(ADD_REPLY, parseReply(ADD_REPLY), SHA512_KEY, mac, ADD_TIME)).toMatchObject({
      problem: "WRONG_KEY",
    });
    expect(verifyReplySignature(ADD_REPLY, parseReply(ADD_REPLY), SHA256_KEY, mac, ADD_TIME + 301)).toMatchObject({
      problem: "CLOCK_SKEW",
    });
  });

  it("reads an unsigned refusal and reports that it carries no signature", () => {
    const reply = parseReply(REFUSED_REPLY);
    expect(reply).toMatchObject({ id: 0x33c9, isResponse: true, rcode: 5, tsig: null });
    expect(verifyReplySignature(REFUSED_REPLY, reply, SHA256_KEY, Buffer.alloc(32), ADD_TIME)).toMatchObject({
      problem: "UNSIGNED",
    });
  });

  it("refuses a truncated or looping message rather than reading past it", () => {
    expect(() => parseReply(ADD_REPLY.subarray(0, 40))).toThrow(MalformedDnsMessageError);
    expect(() => parseReply(hex("0001 8000 0001 0000 0000 0000 c00c 0006 0001"))).toThrow(MalformedDnsMessageError);
    expect(() => parseReply(Buffer.alloc(5))).toThrow(MalformedDnsMessageError);
  });
});

describe("encodeUpdateMessage (RFC 2136)", () => {
  it("encodes an add as nsupdate does, apart from name compression", () => {
    const message = encodeUpdateMessage({
      id: 0xbfc9,
      zone: "hosted.test",
      updates: [{ action: "add", name: "_acme-challenge.hosted.test", value: "nsupdate-value", ttl: 60 }],
    });
    expect(message.toString("hex")).toBe(withoutCompression(unsignedPart(ADD_REQUEST)).toString("hex"));
  });

  it("encodes the deletion of one value with class NONE and TTL 0, as nsupdate does", () => {
    const message = encodeUpdateMessage({
      id: 0x424a,
      zone: "Hosted.Test.",
      updates: [{ action: "delete", name: "_ACME-challenge.hosted.test.", value: "nsupdate-value" }],
    });
    expect(message.toString("hex")).toBe(withoutCompression(unsignedPart(DELETE_REQUEST)).toString("hex"));
  });

  it("counts several updates and splits a value longer than 255 bytes into character-strings", () => {
    const long = "x".repeat(300);
    const message = encodeUpdateMessage({
      id: 1,
      zone: "example.test",
      updates: [
        { action: "add", name: "_acme-challenge.example.test", value: long, ttl: 60 },
        { action: "delete", name: "_acme-challenge.example.test", value: "old" },
      ],
    });
    expect(message.readUInt16BE(8)).toBe(2); // UPCOUNT
    const rdata = Buffer.concat([
      Buffer.from([255]),
      Buffer.from("x".repeat(255)),
      Buffer.from([45]),
      Buffer.from("x".repeat(45)),
    ]);
    expect(message.includes(Buffer.concat([Buffer.from([0x01, 0x2e]), rdata]))).toBe(true); // rdlength 302
  });

  it("writes names in canonical form and refuses names that are not domain names", () => {
    expect(encodeName("Example.COM.").toString("hex")).toBe("076578616d706c6503636f6d00");
    expect(encodeName(".").toString("hex")).toBe("00");
    expect(() => encodeName("bad..name")).toThrow(RangeError);
  });
});
