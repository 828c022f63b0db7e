// Money as forms send it: a currency code and an amount as typed. zod/mini and no server
// imports, so the dialogs check with the same schemas the server actions parse with.
import * as z from "zod/mini";

/** ISO 4217, as CertDesk stores it: three capital letters. */
export const currencyCodeField = z.string().check(z.regex(/^[A-Z]{3}$/));

/** An amount as typed ("12.50"); too long to be one is INVALID, like any other bad amount. */
export const amountTextField = z.string().check(z.maxLength(32, "INVALID"));
