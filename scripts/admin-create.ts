// `npm run admin:create -- --email ops@example.com [--name "Ops"]`; the password is
// read from ADMIN_PASSWORD or asked for, so it never lands in the shell history.

import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { applyMigrations } from "@/lib/db/schema-engine";
import { loadEnvironment } from "@/lib/dev/load-environment";
import { openDatabaseOrExit } from "./open-database-or-exit";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" } },
});
const email = z.email().safeParse(values.email?.trim());
if (!email.success) {
  console.error(
    'usage: npm run admin:create -- --email ops@example.com [--name "Ops"]  (password from ADMIN_PASSWORD or a prompt)',
  );
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  password = await prompt.question("Password for the administrator: ");
  prompt.close();
}
if (password.length < PASSWORD_MIN_LENGTH) {
  console.error(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
  process.exit(2);
}

loadEnvironment({ developmentDefaults: true, dev: true });
const database = await openDatabaseOrExit();
process.env.DATABASE_URL = database.url;
try {
  await applyMigrations(database.url);
  const [{ createAdmin }, { now }, { disconnectDb }] = await Promise.all([
    import("@/lib/users/create-admin"),
    import("@/lib/clock"),
    import("@/lib/db/client"),
  ]);
  const result = await createAdmin({ email: email.data, password, name: values.name, now: await now() });
  console.log(
    result.created
      ? `created administrator ${email.data}`
      : `${email.data} is now an administrator (password reset, sessions ended)`,
  );
  await disconnectDb();
} finally {
  await database.release();
}
process.exit(0);
