// Migrations through the official Prisma schema engine compiled to WebAssembly.
// The Prisma CLI would download a native engine, which this network cannot reach;
// the wasm build is the same engine, so migrations stay Prisma-format and are
// recorded in `_prisma_migrations` exactly as `prisma migrate deploy` would.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let engineModule: Promise<EngineModule> | undefined;

// The package's main entry imports a .wasm file, which Node cannot import, so the
// bindings are loaded by hand. Once per process: the bindings hold global state.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bindings: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

async function readSchemaFiles(content?: string) {
  return [{ path: SCHEMA_PATH, content: content ?? (await readFile(SCHEMA_PATH, "utf8")) }];
}

export async function readMigrationsList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    directories.map(async (name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const files = await readSchemaFiles();
  const logs: string[] = [];
  return SchemaEngine.new(
    { datamodels: files.map((file) => [file.path, file.content]) },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

// @prisma/adapter-pg runs a migration script by splitting it on ";", which breaks
// function bodies and comments. PostgreSQL runs a multi-statement script sent as
// one simple query atomically, which is what the native engine does, so send it whole.
function migrationAdapterFactory(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}

/** Applies every migration not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await openEngine(migrationAdapterFactory(connectionString));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationsList(),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

// Replaying the migrations needs a throwaway "shadow" database; an in-memory
// PGlite serves, so creating a migration never touches a real server.
async function withShadowEngine<T>(run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const [{ PGlite }, { PrismaPGlite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  // The migrations create pg_trgm (the search indexes), which PGlite ships as an extension to
  // load; the adapter's own shadow database would be a PGlite without it.
  const open = () => new PGlite({ extensions: { pg_trgm } });
  const opened = [open()];
  class WithExtensions extends PrismaPGlite {
    override connectToShadowDb() {
      const shadow = open();
      opened.push(shadow);
      return new PrismaPGlite(shadow).connect();
    }
  }
  const engine = await openEngine(
    new WithExtensions(opened[0] as InstanceType<typeof PGlite>) as unknown as SqlMigrationAwareDriverAdapterFactory,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((pglite) => pglite.close()));
  }
}

/**
 * SQL that takes a database from the migrations' end state to schema.prisma (or
 * the given schema text); "" when they agree.
 */
export async function diffMigrationsToSchema(schema?: string): Promise<string> {
  const migrationsList = await readMigrationsList();
  const files = await readSchemaFiles(schema);
  return withShadowEngine(async (engine) => {
    const result = await engine.diff({
      from:
        migrationsList.migrationDirectories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return normaliseScript(result.stdout ?? "");
  });
}

function normaliseScript(script: string): string {
  const meaningful = script.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return meaningful.length === 0 ? "" : script;
}

const MIGRATION_LOCK = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`;

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema; null when nothing changed. */
export async function createMigration(name: string, at: Date): Promise<string | null> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug) throw new Error("Give the migration a name, e.g. npm run db:migrate:create -- add_prices");
  const script = await diffMigrationsToSchema();
  if (!script) return null;
  const stamp = at.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const directory = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "migration.sql"), script);
  await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), MIGRATION_LOCK);
  return directory;
}
