import { describe, expect, it } from "vitest";
import { literalLikeText } from "@/lib/db/literal-pattern";

describe("literalLikeText", () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(literalLikeText("50%_off\\x")).toBe("50\\%\\_off\\\\x");
  });
  it("leaves other text alone", () => {
    expect(literalLikeText("host4242.example")).toBe("host4242.example");
  });
});
