import { describe, expect, it } from "vitest";
import { generateApiKeyPair, SECRET_ID_PATTERN, SECRET_KEY_PATTERN } from "@/lib/api-keys/generate-api-key-pair";

describe("generateApiKeyPair", () => {
  it("makes a SecretId of 36 characters starting AKID and a SecretKey of 32, as the original's", () => {
    const { secretId, secretKey } = generateApiKeyPair();
    expect(secretId).toHaveLength(36);
    expect(secretId).toMatch(SECRET_ID_PATTERN);
    expect(secretKey).toHaveLength(32);
    expect(secretKey).toMatch(SECRET_KEY_PATTERN);
  });

  it("never repeats itself, and uses the whole alphabet", () => {
    const pairs = Array.from({ length: 200 }, generateApiKeyPair);
    expect(new Set(pairs.map((pair) => pair.secretId)).size).toBe(200);
    expect(new Set(pairs.map((pair) => pair.secretKey)).size).toBe(200);
    const characters = new Set(pairs.flatMap((pair) => [...pair.secretKey]));
    expect(characters.size).toBe(62);
  });
});
