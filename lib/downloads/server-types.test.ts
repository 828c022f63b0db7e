import { describe, expect, it } from "vitest";
import { SERVER_TYPES } from "@/lib/downloads/build-download-bundle";
import { DOWNLOAD_SERVER_TYPES } from "@/lib/downloads/server-types";

describe("download server types", () => {
  it("are the bundle builder's", () => {
    expect(DOWNLOAD_SERVER_TYPES).toEqual(SERVER_TYPES);
  });
});
