import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { coerceQueryValues, parseTc3Params, tc3, unflattenQuery } from "@/lib/tencent-api/tc3-params";

const schema = z.object({
  CertificateId: tc3.certificateId(),
  Limit: tc3.u64(1000).optional(),
  CertificateStatus: z.array(tc3.u64()).optional(),
  IsCheckResource: tc3.bool().optional(),
  SwitchStatus: tc3.flag().optional(),
  Tags: z.array(z.object({ TagKey: tc3.str(), TagValue: tc3.str() })).optional(),
});

function refusal(input: unknown): { code: string; name: unknown } {
  try {
    parseTc3Params(schema, input);
  } catch (error) {
    if (error instanceof Tc3Error) return { code: error.code, name: error.values.name };
    throw error;
  }
  throw new Error("accepted");
}

describe("unflattenQuery", () => {
  it("rebuilds lists and objects from the flattened names the SDKs send", () => {
    const query = new URLSearchParams(
      "CertificateId=abc&CertificateStatus.1=3&CertificateStatus.0=1&Tags.0.TagKey=k&Tags.0.TagValue=v&Limit=5",
    );
    expect(unflattenQuery(query)).toEqual({
      CertificateId: "abc",
      CertificateStatus: ["1", "3"],
      Tags: [{ TagKey: "k", TagValue: "v" }],
      Limit: "5",
    });
  });

  it("refuses names that would reach the prototype, empty segments and clashing shapes", () => {
    for (const query of ["__proto__.role=ADMIN", "a..b=1", "a=1&a.b=2", "constructor.prototype.x=1"]) {
      expect(() => unflattenQuery(new URLSearchParams(query)), query).toThrow(Tc3Error);
    }
  });
});

describe("coerceQueryValues + parseTc3Params", () => {
  it("gives a GET's strings the schema's types", () => {
    const input = unflattenQuery(
      new URLSearchParams(
        "CertificateId=abc&Limit=5&CertificateStatus.0=1&IsCheckResource=true&SwitchStatus=1&Tags.0.TagKey=1&Tags.0.TagValue=2",
      ),
    );
    expect(parseTc3Params(schema, coerceQueryValues(schema, input)).params).toEqual({
      CertificateId: "abc",
      Limit: 5,
      CertificateStatus: [1],
      IsCheckResource: true,
      SwitchStatus: 1,
      Tags: [{ TagKey: "1", TagValue: "2" }],
    });
  });

  it("maps a missing field to MissingParameter, a wrong type to InvalidParameter, a bad value to InvalidParameterValue", () => {
    expect(refusal({})).toEqual({ code: "MissingParameter", name: "CertificateId" });
    expect(refusal({ CertificateId: 5 })).toEqual({ code: "InvalidParameter", name: "CertificateId" });
    expect(refusal({ CertificateId: "a", Limit: "5" })).toEqual({ code: "InvalidParameter", name: "Limit" });
    expect(refusal({ CertificateId: "a", Limit: 1001 })).toEqual({ code: "InvalidParameterValue", name: "Limit" });
    expect(refusal({ CertificateId: "a", CertificateStatus: [1, -1] })).toEqual({
      code: "InvalidParameterValue",
      name: "CertificateStatus.1",
    });
    expect(refusal({ CertificateId: "a", SwitchStatus: 2 })).toEqual({
      code: "InvalidParameterValue",
      name: "SwitchStatus",
    });
    expect(refusal("x")).toEqual({ code: "InvalidParameter", name: "(body)" });
  });

  it("ignores fields it does not know, and says which they were", () => {
    const parsed = parseTc3Params(schema, { CertificateId: "a", ProjectId: 0, Brand: "x" });
    expect(parsed.params).toEqual({ CertificateId: "a" });
    expect(parsed.unknownFields).toEqual(["ProjectId", "Brand"]);
  });
});
