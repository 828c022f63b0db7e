// `npm run db:migrate:create -- <name>`: writes prisma/migrations/<timestamp>_<name>
// with the SQL that brings the migrations up to prisma/schema.prisma.
import { systemNow } from "@/lib/clock";
import { createMigration } from "@/lib/db/schema-engine";

const name = process.argv.slice(2).join("_");
if (!name) {
  console.error("usage: npm run db:migrate:create -- <name>   (e.g. add_certificate_tags)");
  process.exit(2);
}
const directory = await createMigration(name, systemNow());
console.log(
  directory
    ? `wrote ${directory}/migration.sql; review it, then npm run db:migrate`
    : "schema.prisma and the migrations already agree: nothing to write",
);
process.exit(0);
