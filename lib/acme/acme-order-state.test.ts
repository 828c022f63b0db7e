// The persisted order built from objects shaped as Pebble 2.4 sends them.
import type { Authorization, Order } from "acme-client";
import { describe, expect, it } from "vitest";
import { buildAcmeOrderState, dnsChallengeRecordName } from "@/lib/acme/acme-order-state";

const BASE = "https://127.0.0.1:14000";
const order: Order = {
  url: `${BASE}/my-order/KZ_d`,
  status: "pending",
  expires: "2026-12-03T01:03:46Z",
  identifiers: [
    { type: "dns", value: "*.hosted.test" },
    { type: "dns", value: "hosted.test" },
  ],
  finalize: `${BASE}/finalize-order/KZ_d`,
  authorizations: [`${BASE}/authZ/g3x`, `${BASE}/authZ/vNZ`],
};
const wildcard: Authorization = {
  url: `${BASE}/authZ/g3x`,
  status: "pending",
  identifier: { type: "dns", value: "hosted.test" },
  wildcard: true,
  expires: "2026-12-02T02:03:46Z",
  challenges: [{ type: "dns-01", url: `${BASE}/chalZ/M81`, token: "jdz", status: "pending" }],
};
const apex: Authorization = {
  url: `${BASE}/authZ/vNZ`,
  status: "pending",
  identifier: { type: "dns", value: "hosted.test" },
  expires: "2026-12-02T02:03:46Z",
  challenges: [
    { type: "http-01", url: `${BASE}/chalZ/FPN`, token: "qAY", status: "pending" },
    { type: "dns-01", url: `${BASE}/chalZ/5bL`, token: "cnd", status: "pending" },
  ],
};
const values = new Map([
  [`${BASE}/chalZ/M81`, "6VmYmTi-8MtdgxTlLIvMyc-M0VlDCqTzQpjoZ1zrS-s"],
  [`${BASE}/chalZ/5bL`, "lTvadKR-Wrnkrmyq2GW6sN0xEA7vyQoUWC-z3HbisOs"],
]);
const input = {
  directoryUrl: `${BASE}/dir`,
  accountUrl: `${BASE}/my-account/2d32`,
  domains: ["hosted.test", "*.hosted.test"],
  order,
  authorizations: [wildcard, apex],
  dnsValues: values,
};

describe("buildAcmeOrderState", () => {
  it("keeps what a later process needs, as plain JSON", () => {
    const state = buildAcmeOrderState(input);
    expect(state).toEqual({
      version: 1,
      directoryUrl: `${BASE}/dir`,
      accountUrl: `${BASE}/my-account/2d32`,
      orderUrl: `${BASE}/my-order/KZ_d`,
      finalizeUrl: `${BASE}/finalize-order/KZ_d`,
      certificateUrl: null,
      status: "pending",
      expires: "2026-12-03T01:03:46Z",
      domains: ["hosted.test", "*.hosted.test"],
      authorizations: [
        {
          url: `${BASE}/authZ/g3x`,
          domain: "*.hosted.test",
          status: "pending",
          expires: "2026-12-02T02:03:46Z",
          dns01: {
            url: `${BASE}/chalZ/M81`,
            status: "pending",
            record: {
              name: "_acme-challenge.hosted.test",
              type: "TXT",
              value: "6VmYmTi-8MtdgxTlLIvMyc-M0VlDCqTzQpjoZ1zrS-s",
            },
          },
          failure: null,
        },
        {
          url: `${BASE}/authZ/vNZ`,
          domain: "hosted.test",
          status: "pending",
          expires: "2026-12-02T02:03:46Z",
          dns01: {
            url: `${BASE}/chalZ/5bL`,
            status: "pending",
            record: {
              name: "_acme-challenge.hosted.test",
              type: "TXT",
              value: "lTvadKR-Wrnkrmyq2GW6sN0xEA7vyQoUWC-z3HbisOs",
            },
          },
          failure: null,
        },
      ],
      failure: null,
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("carries the failing authorization's reason up to the order", () => {
    const failed: Authorization = {
      ...wildcard,
      status: "invalid",
      challenges: [
        {
          type: "dns-01",
          url: `${BASE}/chalZ/M81`,
          token: "jdz",
          status: "invalid",
          error: {
            type: "urn:ietf:params:acme:error:unauthorized",
            detail: "Correct value not found for DNS challenge",
            status: 403,
          },
        },
      ],
    };
    const state = buildAcmeOrderState({
      ...input,
      order: {
        ...order,
        status: "invalid",
        error: { type: "urn:ietf:params:acme:error:unauthorized", detail: "Correct value not found for DNS challenge" },
      },
      authorizations: [failed, apex],
    });
    expect(state.status).toBe("invalid");
    expect(state.authorizations[0]?.failure).toMatchObject({ reason: "RECORD_NOT_FOUND", domain: "*.hosted.test" });
    expect(state.failure).toMatchObject({ reason: "RECORD_NOT_FOUND", domain: "*.hosted.test", recovery: "new-order" });
  });

  it("names an order invalid for another reason, and an expired authorization", () => {
    const expired = buildAcmeOrderState({
      ...input,
      order: { ...order, status: "invalid" },
      authorizations: [{ ...wildcard, status: "expired" }, apex],
    });
    expect(expired.failure).toMatchObject({
      reason: "ORDER_INVALID",
      detail: "the authorization of *.hosted.test is expired",
    });
    const plain = buildAcmeOrderState({ ...input, order: { ...order, status: "invalid" } });
    expect(plain.failure).toMatchObject({ reason: "ORDER_INVALID", detail: "the CA marked the order invalid" });
  });

  it("has no record for an authorization without a dns-01 challenge", () => {
    const httpOnly: Authorization = {
      ...apex,
      challenges: [{ type: "http-01", url: `${BASE}/chalZ/x`, token: "t", status: "pending" }],
    };
    expect(buildAcmeOrderState({ ...input, authorizations: [httpOnly] }).authorizations[0]?.dns01).toBeNull();
  });
});

describe("dnsChallengeRecordName", () => {
  it("puts the record at the base name, lower-case", () => {
    expect(dnsChallengeRecordName("Shop.Example.COM.")).toBe("_acme-challenge.shop.example.com");
    expect(dnsChallengeRecordName("*.example.com")).toBe("_acme-challenge.example.com");
  });
});
