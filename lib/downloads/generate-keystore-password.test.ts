import { describe, expect, it } from "vitest";
import { generateKeystorePassword, KEYSTORE_PASSWORD_LENGTH } from "@/lib/downloads/generate-keystore-password";

describe("generateKeystorePassword", () => {
  it("makes 24 characters without look-alikes or characters that need escaping", () => {
    const password = generateKeystorePassword();
    expect(KEYSTORE_PASSWORD_LENGTH).toBe(24);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{24}$/);
  });

  it("never repeats itself and uses the whole alphabet", () => {
    const passwords = Array.from({ length: 200 }, () => generateKeystorePassword());
    expect(new Set(passwords).size).toBe(passwords.length);
    // 4,800 draws from 57 characters: all 57 appear unless the draw is broken.
    expect(new Set(passwords.join("")).size).toBe(57);
  });

  it("refuses lengths under 20", () => {
    expect(generateKeystorePassword(32)).toHaveLength(32);
    expect(() => generateKeystorePassword(19)).toThrow("at least 20");
  });
});
