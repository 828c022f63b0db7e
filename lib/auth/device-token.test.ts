import { describe, expect, it } from "vitest";
import { issueDeviceToken, readDeviceToken } from "@/lib/auth/device-token";

const secret = "s".repeat(40);

describe("device tokens", () => {
  it("reads back the device id for the user it was issued to", () => {
    const token = issueDeviceToken("user_1", secret);
    const deviceId = readDeviceToken(token, "user_1", secret);
    expect(deviceId).toMatch(/^[\w-]{16}$/);
  });

  it("is worthless for another account, under another secret, or when altered", () => {
    const token = issueDeviceToken("user_1", secret);
    expect(readDeviceToken(token, "user_2", secret)).toBeUndefined();
    expect(readDeviceToken(token, "user_1", "t".repeat(40))).toBeUndefined();
    const [user, device, signature] = token.split(".");
    expect(readDeviceToken(`${user}.${device}x.${signature}`, "user_1", secret)).toBeUndefined();
    expect(readDeviceToken(`user_2.${device}.${signature}`, "user_2", secret)).toBeUndefined();
    expect(readDeviceToken("garbage", "user_1", secret)).toBeUndefined();
    expect(readDeviceToken(undefined, "user_1", secret)).toBeUndefined();
  });
});
