// The organisation and confirmation letter the OV/EV tests order with.
import { readFileSync } from "node:fs";
import path from "node:path";

export const TEST_ORGANIZATION = {
  companyName: "Example Trading Co., Ltd.",
  country: "CN",
  locality: "Shenzhen",
  address: "1 Science Park Road, Nanshan",
  companyPhone: "+86 755 1234 5678",
  registrationNumber: "91440300MA5EXAMPLE",
  contactName: "Li Wei",
  contactEmail: "li.wei@example.test",
  contactPhone: "+86 138 0000 0000",
};

/** A confirmation letter from testing/fixtures/confirmation-letters (letter.pdf, letter.png, …). */
export function readTestLetter(name = "letter.pdf"): Uint8Array {
  return new Uint8Array(readFileSync(path.join(process.cwd(), "testing/fixtures/confirmation-letters", name)));
}
